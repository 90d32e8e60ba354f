import { describe, expect, it } from 'vitest';
import { FitCancelledError } from '../domain/fit/types';
import {
  syntheticChinchillaPoints,
  syntheticT2Approach1Points,
  syntheticT2Approach2Points,
} from '../domain/fit/synthetic';
import { getT2Approach1Set } from '../domain/t2-sets';
import type { Run } from '../byod/types';
import { runFitJob } from './fit-job';

const truth = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
const asRuns = <T extends object>(pts: T[]): Run[] => pts.map((p, i) => ({ line: i + 2, ...p }) as unknown as Run);

describe('runFitJob', () => {
  const chin = asRuns(syntheticChinchillaPoints(truth, 80, 3, 0.005));

  it('recovers Chinchilla constants from noisy synthetic runs, with bootstrap intervals around them', () => {
    const progress: number[] = [];
    const r = runFitJob(
      { kind: 'chinchilla', runs: chin, holdout: { kind: 'none' }, resamples: 200, grid: 'small' },
      { onProgress: (f) => progress.push(f) },
    );
    expect(r.constants.alpha).toBeCloseTo(truth.alpha, 1);
    expect(r.constants.beta).toBeCloseTo(truth.beta, 1);
    expect(Math.abs(r.constants.E! - truth.E) / truth.E).toBeLessThan(0.05);
    for (const k of ['E', 'alpha', 'beta']) {
      const ci = r.intervals[k]!;
      expect(ci.p2_5).toBeLessThanOrEqual(r.constants[k]! * 1.0001);
      expect(ci.p97_5).toBeGreaterThanOrEqual(r.constants[k]! * 0.9999);
    }
    expect(r.draws.length + r.bootstrapFailures).toBe(200);
    expect(r.goodness.r2).toBeGreaterThan(0.99);
    expect(r.residuals).toHaveLength(80);
    expect(r.holdout).toBeNull();
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  });

  it('fits on runs at or under 20 tokens per parameter and reports the error on the rest', () => {
    const r = runFitJob({
      kind: 'chinchilla',
      runs: chin,
      holdout: { kind: 'tokens-per-param', max: 20 },
      resamples: 200,
      grid: 'small',
    });
    const held = chin.filter((p) => p.tokens / p.params > 20).length;
    expect(held).toBeGreaterThan(5);
    expect(r.holdout?.heldOut).toBe(held);
    expect(r.residuals.filter((x) => x.heldOut)).toHaveLength(held);
    expect(r.holdout!.meanRelativeError).toBeLessThan(0.05);
    expect(r.range.params[0]).toBeGreaterThan(0);
  });

  it('says clearly when the fit subset is too small', () => {
    expect(() =>
      runFitJob({ kind: 'chinchilla', runs: chin.slice(0, 4), holdout: { kind: 'none' }, resamples: 200 }),
    ).toThrow(/at least 5/);
  });

  it('stops when cancelled', () => {
    let calls = 0;
    expect(() =>
      runFitJob(
        { kind: 'chinchilla', runs: chin, holdout: { kind: 'none' }, resamples: 200, grid: 'small' },
        { shouldCancel: () => ++calls > 20 },
      ),
    ).toThrow(FitCancelledError);
  });

  it('recovers T² Approach 1 constants (exponents) from noisy synthetic checkpoints', () => {
    const c = getT2Approach1Set('t2-illustrative')!.constants;
    const runs = asRuns(syntheticT2Approach1Points(c, 40, [1, 4, 16, 64], 5, 0.002));
    const r = runFitJob({ kind: 't2-1', runs, holdout: { kind: 'none' }, resamples: 200, starts: 100 });
    expect(r.goodness.meanRelativeError).toBeLessThan(0.01);
    expect(r.constants.gamma).toBeCloseTo(c.gamma, 1);
    expect(r.intervals.gamma!.p2_5).toBeLessThan(r.intervals.gamma!.p97_5);
    expect(r.range.samples).toEqual([1, 64]);
  });

  it('fits T² Approach 2 in two stages (stage 1 on NLL, stage 2 on pass@k)', () => {
    const c = {
      E: 0.5,
      A: 40,
      B: 300,
      alpha: 0.3,
      beta: 0.3,
      theta0: 1.2,
      theta1: 3,
      theta2: 0.9,
      theta3: 1,
      theta4: -0.2,
    };
    const pts = syntheticT2Approach2Points(c, 24, [1, 4, 16], 9, 0.003);
    const runs = asRuns(
      pts.map((p) => ({ ...p, nll: c.E + c.A / p.params ** c.alpha + c.B / p.tokens ** c.beta + 0.1 / p.samples })),
    );
    const r = runFitJob({ kind: 't2-2', runs, holdout: { kind: 'none' }, resamples: 200, grid: 'small' });
    expect(r.stage1Goodness?.r2).toBeGreaterThan(0.95);
    expect(r.goodness.rmse).toBeLessThan(0.02);
    expect(r.constants.theta2).toBeGreaterThan(0);
    expect(r.constants.theta2).toBeLessThanOrEqual(1);
  });
});
