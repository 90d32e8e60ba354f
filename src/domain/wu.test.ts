import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WU_MATH500_EXAMPLE, wuInferenceFlops, wuOptimalParams } from './wu';
import { paretoFront } from './pareto';
import { DomainError } from './errors';

describe('Wu et al. inference scaling (laws.md §6)', () => {
  it('log10 C = 1.19·log10 N + 2.03', () => {
    expect(Math.log10(wuInferenceFlops(1e9))).toBeCloseTo(1.19 * 9 + 2.03, 12);
    expect(wuInferenceFlops(2e9) / wuInferenceFlops(1e9)).toBeCloseTo(2 ** 1.19, 12);
  });
  it('optimal size and budget invert each other (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 10, max: 30, noNaN: true }), (logC) => {
        const c = 10 ** logC;
        return Math.abs(wuInferenceFlops(wuOptimalParams(c)) / c - 1) < 1e-10;
      }),
    );
  });
  it('grows sub-linearly: 10× more inference compute buys 10^(1/1.19) ≈ 6.9× more parameters', () => {
    expect(wuOptimalParams(1e20) / wuOptimalParams(1e19)).toBeCloseTo(10 ** (1 / 1.19), 10);
  });
  it('MATH500 example: Llemma-7B + REBASE Pareto-dominates Llemma-34B sampling in (FLOPs, accuracy)', () => {
    const front = paretoFront(WU_MATH500_EXAMPLE, (p) => [p.inferenceFlops, -p.accuracy]);
    expect(front.map((p) => p.model)).toEqual(['Llemma-7B']);
  });
  it('rejects non-positive budgets', () => {
    expect(() => wuOptimalParams(0)).toThrow(DomainError);
    expect(() => wuInferenceFlops(-1)).toThrow(DomainError);
  });
});

describe('Wu et al. MATH500: 7B with search against 34B sampling', () => {
  it('same accuracy (46.8 % vs 46.7 %) for about 8× less compute', async () => {
    const { wuSearchVsScale, WU_FIT_PARAMS_RANGE } = await import('./wu');
    const c = wuSearchVsScale();
    expect(c.accuracyGap).toBeCloseTo(0.001, 12);
    expect(c.computeRatio).toBeCloseTo(12.1 / 1.48, 12);
    expect(c.computeRatio).toBeGreaterThan(8);
    expect(WU_FIT_PARAMS_RANGE[1]).toBe(12e9);
  });
});
