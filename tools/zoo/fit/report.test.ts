/**
 * The extrapolation report (./report.ts): rules on synthetic rows, invariants with fast-check, and an independent
 * recomputation of the shipped `manifest.fits.extrapolationReport` from its stored constants and points and from the
 * shipped results (no refit: fit.test.ts checks that the block is what the fits give).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/inference/manifest';
import { t2Loss } from '../../../src/domain/t2-approach1';
import { t2Accuracy } from '../../../src/domain/t2-approach2';
import { baselineRows, REPORT_RULES, samplingGains, samplingGainSummary, scopeReport, summarise, type ReportPoint, type ScopeReport } from './report';
import { checkpointRows } from './targets';
import type { AnswerLogprobs } from './types';
import type { CheckpointRow } from './targets';

const a1 = { E: 0.1, A: 10, B: 20, G: 2, alpha: 0.5, beta: 0.3, gamma: 0.4 };
const a2 = { E: 0.1, A: 10, B: 20, alpha: 0.5, beta: 0.3, theta0: 1, theta1: 1, theta2: 0.5, theta3: 0, theta4: 0 };
const ks = [1, 64];
const row = (id: string, params: number, tokens: number, suite: 'isoflop' | 'overtrained', nll: [number, number], pass: [number, number]): CheckpointRow =>
  ({ id, params, tokens, suite, ks, nllAtK: nll, passAtK: pass, nll: nll[0] });

describe('report rules', () => {
  const rows = [
    row('a', 100, 1e4, 'isoflop', [5, 2], [0.1, 0.3]),
    row('b', 100, 2e4, 'isoflop', [3, 1.5], [0.2, 0.4]),
    row('b2', 100, 2e4, 'isoflop', [2, 0.5], [0.4, 0.6]),
    row('o', 100, 1e5, 'overtrained', [2, 0.001], [0.5, 0.999]),
  ];
  it('baseline = the isoflop checkpoints of the same N at the largest D (both seeds averaged)', () => {
    expect(baselineRows(rows[3]!, rows).map((r) => r.id)).toEqual(['b', 'b2']);
    const r = scopeReport(rows, a1, a2);
    expect(r.checkpoints[0]!.approach1.map((p) => p.baseline)).toEqual([2.5, 1]);
    expect(r.checkpoints[0]!.approach2.map((p) => p.baseline)).toEqual([0.3, 0.5]);
  });
  it('counts A1 points only at NLL ≥ 1 nat and A2 points only in [0.05, 0.95]', () => {
    const r = scopeReport(rows, a1, a2);
    expect(r.checkpoints[0]!.approach1.map((p) => p.counted)).toEqual([true, false]);
    expect(r.checkpoints[0]!.approach2.map((p) => p.counted)).toEqual([true, false]);
    expect(r.approach1.law.counted).toBe(1);
    expect(r.approach1.baseline.meanRelativeError).toBeCloseTo(0.25, 12);
    expect(r.approach2.baseline.meanRelativeError).toBeCloseTo(0.4, 12);
    expect(r.approach2.baseline.bias).toBeCloseTo(-0.4, 12);
  });
  it('predictions are the laws at (N, D, k); no counted point gives nulls, not NaN', () => {
    const r = scopeReport(rows, a1, a2);
    expect(r.checkpoints[0]!.approach1[0]!.pred).toBeCloseTo(t2Loss(a1, 100, 1e5, 1), 4);
    expect(r.checkpoints[0]!.approach2[1]!.pred).toBeCloseTo(t2Accuracy(a2, 100, 1e5, 64), 4);
    const solved = [rows[0]!, row('o', 100, 1e5, 'overtrained', [0.001, 0.0001], [0.999, 1])];
    const s = scopeReport(solved, a1, a2);
    expect(s.approach1.law).toEqual({ counted: 0, of: 2, meanRelativeError: null, bias: null, overestimatedShare: null });
    expect(s.approach1.direction).toBeNull();
    expect(s.approach2.bootstrap.law).toBeNull();
    expect(s.approach2.bootstrap.empty).toBe(REPORT_RULES.resamples);
  });
  it('refuses a scope without overtrained checkpoints or a size without isoflop checkpoints', () => {
    expect(() => scopeReport(rows.slice(0, 3), a1, a2)).toThrow(/no overtrained/);
    expect(() => scopeReport([row('o', 7, 1e5, 'overtrained', [2, 1], [0.5, 0.6])], a1, a2)).toThrow(/no isoflop checkpoint of size 7/);
  });
  it('property: relative error ≥ 0, sign of bias = direction, scaling every prediction by (1 + e) gives error |e| and bias e', () => {
    const pt = fc.record({ obs: fc.double({ min: 0.06, max: 50, noNaN: true }), pred: fc.double({ min: 0, max: 100, noNaN: true }) });
    fc.assert(fc.property(fc.array(pt, { minLength: 1, maxLength: 20 }), fc.double({ min: -0.9, max: 2, noNaN: true }), (ps, e) => {
      const points: ReportPoint[] = ps.map((p) => ({ k: 1, obs: p.obs, pred: p.pred, baseline: p.obs * (1 + e), counted: true }));
      const law = summarise(points, 'pred');
      expect(law.meanRelativeError!).toBeGreaterThanOrEqual(0);
      const b = summarise(points, 'baseline');
      expect(b.meanRelativeError!).toBeCloseTo(Math.abs(e), 4);
      expect(b.bias!).toBeCloseTo(e, 4);
    }));
  });
  it('sampling gain: pass@64 − pass@1 per checkpoint, per task and on some task, chance hits counted', () => {
    const t1 = samplingGains([row('x', 1, 1, 'isoflop', [1, 1], [0.01, 0.3]), row('y', 1, 2, 'isoflop', [1, 1], [0.5, 0.6])]);
    const t2 = samplingGains([row('x', 1, 1, 'isoflop', [1, 1], [0.1, 0.2]), row('y', 1, 2, 'isoflop', [1, 1], [0.3, 0.55])]);
    expect(t1.map((g) => g.gain)).toEqual([0.29, 0.1]);
    const s = samplingGainSummary({ t1, t2 });
    expect(s.perTask.t1).toMatchObject({ atLeast: 1, atChance: 1 });
    expect(s.perTask.t2).toMatchObject({ atLeast: 1, atChance: 0 });
    expect(s.someTask).toEqual({ atLeast: 2, share: 1 });
    expect(s.someTaskAboveChance).toEqual({ atLeast: 1, share: 0.5 });
  });
});

describe('shipped manifest.fits.extrapolationReport, recomputed independently of the fit', () => {
  const manifestJson = JSON.parse(readFileSync(new URL('../../../public/models/manifest.json', import.meta.url), 'utf8'));
  const manifest = parseManifest(manifestJson);
  const logprobs = JSON.parse(readFileSync(new URL('../results/answer-logprobs.json', import.meta.url), 'utf8')) as AnswerLogprobs;
  const block = manifestJson.fits.extrapolationReport as { byScope: Record<string, ScopeReport>; samplingGain: { byTask: Record<string, unknown> } & Record<string, unknown>; rules: Record<string, unknown> };
  it('exists for every scope with the shipped rules', () => {
    expect(Object.keys(block.byScope)).toEqual(['macro', ...logprobs.tasks]);
    expect(block.rules).toMatchObject(REPORT_RULES);
  });
  it('stored predictions are the stored constants\' laws; observations and baselines are the shipped results; the errors follow from the points', () => {
    for (const [scope, rep] of Object.entries(block.byScope)) {
      const rows = checkpointRows(manifest, logprobs, scope);
      const again = scopeReport(rows, rep.constants.approach1, rep.constants.approach2);
      const { samplingGains: _s, ...rest } = again;
      expect(JSON.parse(JSON.stringify(rest))).toEqual(rep);
      for (const c of rep.checkpoints) {
        for (const p of c.approach1) expect(Math.abs(p.pred - t2Loss(rep.constants.approach1, c.params, c.tokens, p.k)) / p.pred).toBeLessThan(1e-5);
        for (const p of c.approach2) expect(Math.abs(p.pred - t2Accuracy(rep.constants.approach2, c.params, c.tokens, p.k))).toBeLessThan(1e-5);
      }
      const pts1 = rep.checkpoints.flatMap((c) => c.approach1);
      expect(pts1.every((p) => p.counted === p.obs >= 1)).toBe(true);
      expect(summarise(pts1, 'pred')).toEqual(rep.approach1.law);
    }
  });
  it('sampling gains are the manifest\'s pass@64 − pass@1', () => {
    for (const t of logprobs.tasks) {
      const gains = block.samplingGain.byTask[t] as { id: string; gain: number }[];
      expect(gains).toHaveLength(manifest.models.length);
      gains.forEach((g, i) => {
        const r = manifest.models[i]!.results[t]!.passAtK;
        expect(g.id).toBe(manifest.models[i]!.id);
        expect(g.gain).toBeCloseTo(r['64']! - r['1']!, 5);
      });
    }
  });
});
