import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { getT2Approach1Set } from '../t2-sets';
import { fitT2Approach1, t2Approach1Objective } from './fit-t2-approach1';
import { gradientError } from './gradient-check.test-helper';
import { syntheticT2Approach1Points } from './synthetic';
import { FitCancelledError } from './types';

const truth = getT2Approach1Set('t2-illustrative')!.constants;
const K = [1, 2, 4, 8, 16, 32, 64, 128];
const points = syntheticT2Approach1Points(truth, 60, K, 21, 0.005);

describe('fitT2Approach1 (least squares on task NLL, laws.md §2)', () => {
  it('has an analytic gradient that matches finite differences', () => {
    const f = t2Approach1Objective(
      Float64Array.from(points, (p) => Math.log(p.params)),
      Float64Array.from(points, (p) => Math.log(p.tokens)),
      Float64Array.from(points, (p) => Math.log(p.samples)),
      Float64Array.from(points, (p) => p.nll),
    );
    expect(gradientError(f, [1.4, 6.8, 7, 1.6, 0.34, 0.28, 0.5], 1e-7)).toBeLessThan(1e-5);
    expect(gradientError(f, [0.5, 4, 9, 0.5, 0.2, 0.4, 1.1], 1e-7)).toBeLessThan(1e-5);
  });

  it('recovers the known constants from noisy synthetic data', () => {
    const fit = fitT2Approach1(points);
    expect(fit.points).toBe(480);
    expect(fit.starts).toBe(500);
    expect(fit.converged).toBe(true);
    for (const key of ['E', 'G', 'alpha', 'beta', 'gamma'] as const) {
      expect(Math.abs(fit.constants[key] / truth[key] - 1), key).toBeLessThan(0.05);
    }
    expect(Math.abs(Math.log(fit.constants.A / truth.A))).toBeLessThan(0.3);
    expect(Math.abs(Math.log(fit.constants.B / truth.B))).toBeLessThan(0.3);
  });

  it('is deterministic per seed', () => {
    expect(fitT2Approach1(points, { starts: 40, seed: 3 })).toEqual(fitT2Approach1(points, { starts: 40, seed: 3 }));
  });

  it('reports monotone progress ending at 1, and stops when cancelled', () => {
    const seen: number[] = [];
    fitT2Approach1(points, { starts: 30, refine: 'all', onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(() => fitT2Approach1(points, { starts: 30, shouldCancel: () => true })).toThrow(FitCancelledError);
  });

  it('rejects data where k never varies, too few points or bad values', () => {
    expect(() => fitT2Approach1(points.filter((p) => p.samples === 1))).toThrow(/two values/);
    expect(() => fitT2Approach1(points.slice(0, 7))).toThrow(DomainError);
    expect(() => fitT2Approach1([...points.slice(0, 8), { ...points[0]!, nll: Number.NaN }])).toThrow(
      /point 9 has nll/,
    );
    expect(() => fitT2Approach1(points, { starts: 2.5 })).toThrow(/starts/);
  });
});
