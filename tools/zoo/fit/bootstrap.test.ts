/**
 * The testbed bootstrap (./bootstrap.ts) on synthetic checkpoints drawn from known laws: noise-free data give
 * intervals collapsed on the true constants; noisy data give ordered, non-degenerate intervals; replaying the first
 * resamples alone gives exactly the full run's first draws (what CI relies on); fresh restarts take over where the
 * warm start fails. Light settings (warm start only) keep it to a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { chinchillaLoss } from '../../../src/domain/chinchilla';
import { t2Loss } from '../../../src/domain/t2-approach1';
import { t2Accuracy } from '../../../src/domain/t2-approach2';
import type { T2Approach1Constants, T2Approach2Constants } from '../../../src/domain/constants-types';
import {
  BOOTSTRAP_OPTIONS,
  bootstrapExtrapolation,
  bootstrapScope,
  extrapolationSettings,
  refitApproach1,
  refitApproach2,
  type BootstrapSettings,
} from './bootstrap';
import { extrapolationFit, fitScope, predictApproach1, predictApproach2, type FitSettings } from './run';
import type { CheckpointRow } from './targets';

const A1: T2Approach1Constants = { E: 0.3, A: 40, B: 60, alpha: 0.4, beta: 0.35, G: 1.5, gamma: 0.5 };
const A2: T2Approach2Constants = {
  E: 0.4,
  A: 30,
  B: 50,
  alpha: 0.35,
  beta: 0.3,
  theta0: 1.6,
  theta1: 3,
  theta2: 0.9,
  theta3: 0.5,
  theta4: -0.3,
};
const KS = [1, 2, 4, 8, 16, 32, 64];
const LIGHT: BootstrapSettings = { ...BOOTSTRAP_OPTIONS, approach1Starts: 0, stage1EGrid: 6, approach2Starts: 0 };
const FIT: FitSettings = {
  seed: 1,
  approach1Starts: 64,
  approach1Refine: 16,
  stage1: 'profiled-E',
  stage1EGrid: 12,
  stage1Weights: 'isoflop',
  approach2Starts: 16,
};

/** 4 sizes × 3 token counts, every k; `noise` (relative, deterministic) perturbs the targets. */
function rows(noise: number): CheckpointRow[] {
  const out: CheckpointRow[] = [];
  let i = 0;
  const wobble = () => noise * Math.sin(12.9898 * ++i);
  for (const params of [1e4, 4e4, 1.6e5, 6.4e5]) {
    for (const tpp of [2, 20, 200]) {
      const tokens = params * tpp;
      out.push({
        id: `n${params}-d${tokens}`,
        params,
        tokens,
        suite: tpp === 200 ? 'overtrained' : 'isoflop',
        ks: KS,
        nllAtK: KS.map((k) => t2Loss(A1, params, tokens, k) * (1 + wobble())),
        passAtK: KS.map((k) => Math.min(1, Math.max(0, t2Accuracy(A2, params, tokens, k) * (1 + wobble())))),
        nll: chinchillaLoss(A2, params, tokens) * (1 + wobble()),
      });
    }
  }
  return out;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('testbed bootstrap', () => {
  it('on noise-free checkpoints every resample recovers the true constants', () => {
    const data = rows(0);
    const b = bootstrapScope(data, fitScope(data, FIT), LIGHT);
    expect(b.approach1.resamples + b.approach1.failures).toBe(200);
    expect(b.approach1.failures).toBe(0);
    for (const [k, v] of Object.entries(A1)) {
      const p = b.approach1.percentiles[k as keyof T2Approach1Constants];
      expect(rel(p.p2_5, v), `A1 ${k} low`).toBeLessThan(1e-3);
      expect(rel(p.p97_5, v), `A1 ${k} high`).toBeLessThan(1e-3);
    }
    expect(b.approach2.failures).toBe(0);
    for (const k of ['theta0', 'theta1', 'theta2', 'alpha', 'beta'] as const) {
      const p = b.approach2.percentiles[k];
      expect(rel(p.p2_5, A2[k]), `A2 ${k} low`).toBeLessThan(1e-2);
      expect(rel(p.p97_5, A2[k]), `A2 ${k} high`).toBeLessThan(1e-2);
    }
  }, 30_000);

  it('on noisy checkpoints gives ordered, non-degenerate intervals; replaying the first resamples gives the same draws', () => {
    const data = rows(0.05);
    const fit = fitScope(data, FIT);
    const full = bootstrapScope(data, fit, LIGHT);
    for (const a of [full.approach1, full.approach2]) {
      expect(a.resamples + a.failures).toBe(200);
      expect(a.resamples).toBeGreaterThan(190);
      expect(a.firstDraws).toHaveLength(LIGHT.keepDraws);
      for (const p of Object.values(a.percentiles)) expect(p.p2_5 <= p.p50 && p.p50 <= p.p97_5).toBe(true);
    }
    expect(full.approach1.percentiles.gamma.p97_5).toBeGreaterThan(full.approach1.percentiles.gamma.p2_5);
    expect(full.approach2.percentiles.theta0.p97_5).toBeGreaterThan(full.approach2.percentiles.theta0.p2_5);
    const replay = bootstrapScope(data, fit, LIGHT, 2);
    expect(replay.approach1.firstDraws).toEqual(full.approach1.firstDraws.slice(0, 2));
    expect(replay.approach2.firstDraws).toEqual(full.approach2.firstDraws.slice(0, 2));
    expect(replay.approach1.resamples).toBe(2);
    // Different resamples draw different checkpoints, so the draws differ.
    expect(full.approach1.firstDraws[0]).not.toEqual(full.approach1.firstDraws[1]);
  }, 30_000);

  it('fresh restarts take over where the warm start fails, and a failed refit is a DomainError', () => {
    const data = rows(0.1);
    const fit = fitScope(data, FIT);
    const sample = [
      data[0]!,
      data[0]!,
      data[3]!,
      data[4]!,
      data[5]!,
      data[6]!,
      data[7]!,
      data[9]!,
      data[10]!,
      data[11]!,
      data[11]!,
      data[2]!,
    ];
    const sse = (p: number[], o: number[]) => p.reduce((s, v, i) => s + (v - o[i]!) ** 2, 0);
    const withFresh = { ...LIGHT, approach1Starts: 32, approach1Refine: 4, approach2Starts: 4 };
    // A warm start at an overflowing constant has a non-finite objective: alone it fails, with fresh starts it fits.
    const bad1 = { ...fit.approach1.constants, A: Infinity };
    expect(() => refitApproach1(sample, bad1, LIGHT, 5)).toThrow(DomainError);
    const c1 = refitApproach1(sample, bad1, withFresh, 5);
    const good1 = refitApproach1(sample, fit.approach1.constants, LIGHT, 5);
    const obs1 = sample.flatMap((r) => r.nllAtK);
    expect(rel(sse(predictApproach1(c1, sample), obs1), sse(predictApproach1(good1, sample), obs1))).toBeLessThan(1e-3);
    const bad2 = { ...fit.approach2.constants, theta1: Infinity };
    expect(() => refitApproach2(sample, bad2, LIGHT, 5)).toThrow(DomainError);
    const c2 = refitApproach2(sample, bad2, withFresh, 5);
    const good2 = refitApproach2(sample, fit.approach2.constants, LIGHT, 5);
    const obs2 = sample.flatMap((r) => r.passAtK);
    expect(rel(sse(predictApproach2(c2, sample), obs2), sse(predictApproach2(good2, sample), obs2))).toBeLessThan(1e-3);
  }, 30_000);

  it('bootstraps the extrapolation test: exact laws extrapolate without error; replay matches', () => {
    const exact = rows(0);
    const x = extrapolationFit(exact, FIT);
    expect(x.test.fittedOn.checkpoints).toBe(8);
    const b = bootstrapExtrapolation(exact, x.fit, extrapolationSettings(LIGHT));
    expect(b.failures).toBe(0);
    // Approach 1 is exact on every resample; Approach 2's stage 1 (5 constants) is not pinned down by the few distinct
    // checkpoints of some resamples of 8, so only its median is exact.
    for (const k of ['approach1MeanRelativeError', 'approach1RelativeErrorOfMean'] as const) {
      expect(Math.max(Math.abs(b.percentiles[k].p2_5), Math.abs(b.percentiles[k].p97_5)), k).toBeLessThan(1e-6);
    }
    for (const k of ['approach2MeanRelativeError', 'approach2RelativeErrorOfMean'] as const)
      expect(Math.abs(b.percentiles[k].p50), k).toBeLessThan(1e-6);
    expect(Object.keys(b.percentiles).sort()).toEqual([
      'approach1MeanRelativeError',
      'approach1RelativeErrorOfMean',
      'approach1ReportError',
      'approach2MeanRelativeError',
      'approach2RelativeErrorOfMean',
      'approach2ReportError',
    ]);
    // the report rule's errors (issue 16: counted points only) are exact too where the law is exact
    expect(
      Math.max(Math.abs(b.percentiles.approach1ReportError.p2_5), Math.abs(b.percentiles.approach1ReportError.p97_5)),
    ).toBeLessThan(1e-6);
    expect(Math.abs(b.percentiles.approach2ReportError.p50)).toBeLessThan(1e-6);
    const noisy = rows(0.05);
    const xn = extrapolationFit(noisy, FIT);
    const full = bootstrapExtrapolation(noisy, xn.fit, extrapolationSettings(LIGHT));
    const p = full.percentiles.approach1RelativeErrorOfMean;
    expect(p.p97_5).toBeGreaterThan(p.p2_5);
    expect(bootstrapExtrapolation(noisy, xn.fit, extrapolationSettings(LIGHT), 3).firstDraws).toEqual(full.firstDraws);
  }, 30_000);
});
