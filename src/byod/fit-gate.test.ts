import { describe, expect, it } from 'vitest';
import { syntheticChinchillaPoints, syntheticT2Approach1Points } from '../domain/fit/synthetic';
import { runFitJob } from '../engine/fit-job';
import { fitWarnings, gateSamples } from './fit-gate';
import type { FitReport, Run } from './types';

const law = { E: 1.8, A: 480, B: 2000, alpha: 0.35, beta: 0.36 };
const asRuns = <P extends object>(points: P[]): Run[] =>
  points.map((p, i) => ({ line: i + 2, ...p }) as unknown as Run);

describe('the fit-quality gate on finished fits (real fits of synthetic runs)', () => {
  it('lets a well-sampled Chinchilla fit through', () => {
    const runs = asRuns(syntheticChinchillaPoints(law, 15, 4, 0.002));
    const report = runFitJob({ kind: 'chinchilla', runs, holdout: { kind: 'none' }, resamples: 200 });
    expect(fitWarnings(report, runs)).toEqual([]);
  });

  it('holds back a Chinchilla fit of 8 noisy runs: too few rows, E and A intervals spanning decades', () => {
    const runs = asRuns(syntheticChinchillaPoints(law, 8, 5, 0.02));
    const report = runFitJob({ kind: 'chinchilla', runs, holdout: { kind: 'none' }, resamples: 200 });
    const codes = fitWarnings(report, runs).map((w) => `${w.code}${w.constant ? `:${w.constant}` : ''}`);
    expect(codes).toContain('few-rows');
    expect(codes).toContain('wide-interval:E');
    expect(codes).toContain('wide-interval:A');
  });

  it('counts T² Approach 1 rows and checkpoints separately, and only fitted rows', () => {
    const t1 = { E: 0.5, A: 60, B: 200, alpha: 0.3, beta: 0.3, G: 1.2, gamma: 0.5 };
    const runs = asRuns(syntheticT2Approach1Points(t1, 4, [1, 4, 16], 6, 0.02)).slice(0, 11);
    const report = runFitJob({ kind: 't2-1', runs, holdout: { kind: 'none' }, resamples: 200 });
    expect(gateSamples(report).map((s) => [s.rows, s.freeConstants])).toEqual([
      [11, 7],
      [4, 5],
    ]);
    expect(fitWarnings(report, runs).filter((w) => w.code === 'few-rows')).toHaveLength(2);
    const held = { ...report, residuals: report.residuals.map((r, i) => ({ ...r, heldOut: i >= 6 })) };
    expect(gateSamples(held)[0]!.rows).toBe(6);
  });

  it("checks a point estimate without intervals (the lab refit) on rows, bounds and R², and E against the runs' lowest NLL", () => {
    const c = {
      E: 2.5,
      A: 300,
      B: 900,
      alpha: 0.4,
      beta: 0.45,
      theta0: 3.5,
      theta1: 3,
      theta2: 0.95,
      theta3: 1,
      theta4: 0.1,
    };
    const rows: Run[] = Array.from({ length: 12 }, (_, i) => ({
      line: i + 1,
      params: 3e4 * 2 ** (i % 6),
      tokens: 1e6 * 3 ** (i % 6),
      samples: 1 + (i % 2),
      nll: 2.4 + 0.1 * i,
      passAtK: 0.5,
    }));
    const report: FitReport = {
      kind: 't2-2',
      constants: c,
      intervals: {},
      draws: [],
      bootstrapFailures: 0,
      goodness: { r2: 0.97, rmse: 0.01, meanRelativeError: 0.01, n: 12 },
      observedLabel: 'pass@k',
      residuals: rows.map((r) => ({
        line: r.line,
        params: r.params,
        tokens: r.tokens,
        samples: r.samples!,
        observed: 0.5,
        predicted: 0.5,
        heldOut: false,
      })),
      holdout: null,
      range: { params: [3e4, 9.6e5], tokens: [1e6, 2.43e8] },
      starts: 1,
      converged: true,
      fitMs: 1,
      bootstrapMs: 0,
    };
    // 6 checkpoints for stage 1's 5 constants; E = 2.5 above the lowest NLL 2.4; no interval checks without a bootstrap.
    expect(fitWarnings(report, rows).map((w) => `${w.code}${w.constant ?? ''}`)).toEqual(['few-rows', 'at-boundE']);
    expect(fitWarnings({ ...report, constants: { ...c, E: 2 } }, rows).map((w) => w.code)).toEqual(['few-rows']);
  });
});
