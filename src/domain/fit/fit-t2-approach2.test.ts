import { describe, expect, it } from 'vitest';
import { t2BetaFromLoss } from '../t2-approach2';
import { getT2Approach2Set } from '../t2-sets';
import { fitT2Approach2, t2Approach2Objective } from './fit-t2-approach2';
import { gradientError } from './gradient-check.test-helper';
import { syntheticT2Approach2Points } from './synthetic';
import { FitCancelledError } from './types';

const truth = getT2Approach2Set('t2-illustrative')!.constants;
const K = [1, 2, 4, 8, 16, 32, 64, 128];
const points = syntheticT2Approach2Points(truth, 50, K, 31, 0.004);
const stage1 = { E: truth.E, A: truth.A, B: truth.B, alpha: truth.alpha, beta: truth.beta };
const lossOf = (p: { params: number; tokens: number }) =>
  truth.E + truth.A / p.params ** truth.alpha + truth.B / p.tokens ** truth.beta;

describe('fitT2Approach2 (stage 2: θ0…θ4 on pass@k, laws.md §2)', () => {
  it('has an analytic (digamma) gradient that matches finite differences', () => {
    const f = t2Approach2Objective(
      Float64Array.from(points, lossOf),
      Float64Array.from(points, (p) => p.samples),
      Float64Array.from(points, (p) => p.passAtK),
    );
    expect(gradientError(f, [13, 0.6, 1.7, 1, -0.05], 1e-6)).toBeLessThan(1e-5);
    expect(gradientError(f, [11, 1.5, 0.2, 0.3, 0.1], 1e-6)).toBeLessThan(1e-5);
  });

  it('recovers the known μ(L̂) and ν(L̂) curves across the data’s loss range', () => {
    const fit = fitT2Approach2(points, stage1);
    expect(fit.converged).toBe(true);
    expect(fit.constants.E).toBe(truth.E);
    const losses = points.map(lossOf);
    const lo = Math.min(...losses);
    const hi = Math.max(...losses);
    for (let i = 0; i <= 10; i++) {
      const loss = lo + ((hi - lo) * i) / 10;
      const want = t2BetaFromLoss(truth, loss);
      const got = t2BetaFromLoss(fit.constants, loss);
      expect(Math.abs(got.mu - want.mu)).toBeLessThan(0.01 + 0.03 * want.mu);
      expect(Math.abs(Math.log(got.nu / want.nu))).toBeLessThan(0.15);
    }
  });

  it('is deterministic per seed, reports progress to 1 and can be cancelled', () => {
    const seen: number[] = [];
    const a = fitT2Approach2(points, stage1, { starts: 6, seed: 4, onProgress: (f) => seen.push(f) });
    expect(fitT2Approach2(points, stage1, { starts: 6, seed: 4 })).toEqual(a);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(() => fitT2Approach2(points, stage1, { shouldCancel: () => true })).toThrow(FitCancelledError);
  });

  it('rejects pass@k outside [0, 1] and too few points', () => {
    expect(() => fitT2Approach2([...points.slice(0, 6), { ...points[0]!, passAtK: 1.2 }], stage1)).toThrow(
      /point 7 has passAtK/,
    );
    expect(() => fitT2Approach2(points.slice(0, 5), stage1)).toThrow(/at least 6/);
  });
});
