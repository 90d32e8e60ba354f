/**
 * CI: the extrapolation report in manifest.json (fits.extrapolation.report, issue 16) recomputed from the manifest
 * alone — no fit is rerun. From the stored points the errors, biases, directions and counts; from the stored
 * isoFLOP-only constants the law's predictions (the app's own law code); from the manifest's model results the
 * observed pass@k (and the k = 1 NLL) of every counted point; from the stored targets the baselines.
 */
import { describe, expect, it } from 'vitest';
import { t2Loss } from '../../src/domain/t2-approach1';
import { t2Accuracy } from '../../src/domain/t2-approach2';
import type { T2Approach1Constants, T2Approach2Constants } from '../../src/domain/constants-types';
import type { ApproachReport, ScopeReport } from './fit/report';
import { readZoo, zooShipped, zooSuite } from './zoo-fixture';

interface ReportBlock {
  byScope: Record<string, ScopeReport>;
  method: string;
}

const report = (): ReportBlock | undefined =>
  (readZoo().manifest.fits as { extrapolation?: { report?: ReportBlock } } | null)?.extrapolation?.report;
const hasReport = zooShipped && report() !== undefined;

const close = (a: number, b: number, rel = 2e-5) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

function recompute(a: ApproachReport, pick: 'law' | 'baseline') {
  const n = a.points.length;
  const rel = a.points.reduce((s, p) => s + Math.abs(p[pick] - p.observed) / p.observed, 0) / n;
  const bias =
    (a.points.reduce((s, p) => s + p[pick], 0) - a.points.reduce((s, p) => s + p.observed, 0)) /
    a.points.reduce((s, p) => s + p.observed, 0);
  const over = a.points.filter((p) => p[pick] > p.observed).length / n;
  return { rel, bias, over };
}

describe.skipIf(!hasReport)(zooSuite('shipped zoo: the extrapolation report recomputed from the manifest'), () => {
  it('errors, biases, directions and counts follow from the stored points; only informative points count', () => {
    for (const [scope, r] of Object.entries(report()!.byScope)) {
      for (const [name, a] of [
        ['A1', r.approach1],
        ['A2', r.approach2],
      ] as const) {
        expect(a.pointsCounted, `${scope} ${name}`).toBe(a.points.length);
        for (const p of a.points) {
          if (name === 'A1') expect(p.observed, `${scope} ${name} ${p.id}@${p.k}`).toBeGreaterThanOrEqual(1);
          else expect(p.observed >= 0.05 && p.observed <= 0.95, `${scope} ${name} ${p.id}@${p.k}`).toBe(true);
        }
        if (a.points.length === 0) continue;
        for (const pick of ['law', 'baseline'] as const) {
          const e = a[pick]!;
          const x = recompute(a, pick);
          expect(close(e.meanRelativeError, x.rel), `${scope} ${name} ${pick} error`).toBe(true);
          expect(close(e.bias, x.bias), `${scope} ${name} ${pick} bias`).toBe(true);
          expect(close(e.overestimatedShare, x.over), `${scope} ${name} ${pick} share`).toBe(true);
          expect(e.direction).toBe(x.bias > 0 ? 'overestimates' : 'underestimates');
          expect(e.interval.p2_5).toBeLessThanOrEqual(e.interval.p97_5);
        }
        expect(a.beatsBaseline).toBe(a.law!.meanRelativeError < a.baseline!.meanRelativeError);
      }
    }
  });

  it('law predictions follow from the stored isoFLOP-only constants; baselines from the stored targets', () => {
    for (const [scope, r] of Object.entries(report()!.byScope)) {
      const c1 = r.lawConstants!.approach1 as T2Approach1Constants;
      const c2 = r.lawConstants!.approach2 as T2Approach2Constants;
      for (const p of r.approach1.points)
        expect(close(p.law, t2Loss(c1, p.params, p.tokens, p.k), 1e-5), `${scope} A1 ${p.id}@${p.k}`).toBe(true);
      for (const p of r.approach2.points)
        expect(close(p.law, t2Accuracy(c2, p.params, p.tokens, p.k), 1e-5), `${scope} A2 ${p.id}@${p.k}`).toBe(true);
      for (const [name, a] of [
        ['nllAtK', r.approach1],
        ['passAtK', r.approach2],
      ] as const) {
        for (const p of a.points) {
          const from = r.baselineFrom[p.id]!;
          const j = r.targets[p.id]!.ks.indexOf(p.k);
          const mean = from.reduce((s, id) => s + r.targets[id]![name][j]!, 0) / from.length;
          expect(close(p.baseline, mean, 1e-5), `${scope} ${name} baseline ${p.id}@${p.k}`).toBe(true);
          expect(close(p.observed, r.targets[p.id]![name][j]!, 1e-5)).toBe(true);
          // the baseline is the same size at its largest isoFLOP D
          for (const id of from) {
            expect(r.targets[id]!.params).toBe(p.params);
            expect(r.targets[id]!.suite).toBe('isoflop');
          }
        }
      }
    }
  });

  it("observed pass@k and k = 1 NLL of the stored targets are the manifest's own results", () => {
    const { manifest } = readZoo();
    const byId = new Map(manifest.models.map((m) => [m.id, m]));
    for (const [scope, r] of Object.entries(report()!.byScope)) {
      for (const [id, t] of Object.entries(r.targets)) {
        const m = byId.get(id);
        expect(m, `${scope}: ${id} is a shipped model`).toBeDefined();
        const tasks = scope === 'macro' ? Object.keys(m!.results) : [scope];
        t.ks.forEach((k, j) => {
          const obs = tasks.reduce((s, task) => s + m!.results[task]!.passAtK[String(k)]!, 0) / tasks.length;
          expect(close(t.passAtK[j]!, obs, 1e-5), `${scope} ${id} pass@${k}`).toBe(true);
        });
        const nll = tasks.reduce((s, task) => s + m!.results[task]!.nll, 0) / tasks.length;
        expect(
          Math.abs(t.nllAtK[0]! - nll),
          `${scope} ${id} NLL (answer-logprobs vs manifest, 1e-4 rounding)`,
        ).toBeLessThan(2e-3 * Math.max(1, nll));
      }
    }
  });
});
