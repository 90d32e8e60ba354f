import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lifetimeOptimum } from './sardana';
import { chinchillaLoss, chinchillaOptimumForLoss, isoLossCurve } from './chinchilla';
import { getChinchillaSet } from './chinchilla-sets';
import { DomainError } from './errors';

const sardana = getChinchillaSet('sardana')!.constants;

describe('lifetime optimum: public check of laws.md §4 (Sardana constants)', () => {
  it('L(70e9, 1e12) = 1.947', () => {
    expect(chinchillaLoss(sardana, 70e9, 1e12)).toBeCloseTo(1.947, 3);
  });
  it('ℓ = 1.947, T_inf = 2e12: N ≈ 2.418e10, D ≈ 2.657e12; 70.96 % params, 146.77 % tokens, 95.22 % FLOPs', () => {
    const r = lifetimeOptimum(sardana, 1.947, 2e12);
    expect(r.params / 1e10).toBeCloseTo(2.418, 3);
    expect(r.tokens / 1e12).toBeCloseTo(2.657, 3);
    expect(100 * r.paramsRatio).toBeCloseTo(70.96, 2);
    expect(100 * r.tokensRatio).toBeCloseTo(146.77, 2);
    expect(100 * r.flopsRatio).toBeCloseTo(95.22, 2);
    expect(r.totalFlops).toBeCloseTo(r.trainingFlops + r.inferenceFlops, -10);
    expect(r.inferenceFlops).toBeCloseTo(2 * r.params * 2e12, -10);
  });
  it('with k samples the same method replaces T_inf by k·T_inf', () => {
    const a = lifetimeOptimum(sardana, 1.947, 5e11, 4);
    const b = lifetimeOptimum(sardana, 1.947, 2e12, 1);
    expect(a.params / b.params).toBeCloseTo(1, 8);
    expect(a.totalFlops / b.totalFlops).toBeCloseTo(1, 10);
  });
  it('with no inference it is the compute-optimal model', () => {
    const r = lifetimeOptimum(sardana, 2.2, 0);
    expect(r.paramsRatio).toBeCloseTo(1, 5);
    expect(r.flopsRatio).toBeCloseTo(1, 10);
  });
  it('rejects a target loss at or below E with a clear message', () => {
    expect(() => lifetimeOptimum(sardana, 1.69, 1e12)).toThrow(/unreachable.*irreducible loss E = 1\.69/);
    expect(() => lifetimeOptimum(sardana, 1.5, 1e12)).toThrow(DomainError);
    expect(() => lifetimeOptimum(sardana, 2, -1)).toThrow(DomainError);
    expect(() => lifetimeOptimum(sardana, 2, 1e12, 0)).toThrow(DomainError);
  });
});

describe('lifetime optimum properties', () => {
  const loss = fc.double({ min: 1.75, max: 3, noNaN: true });
  const served = fc.double({ min: 8, max: 16, noNaN: true });
  it('lies on the iso-loss curve and no point of a dense iso-loss grid beats it (property)', () => {
    fc.assert(
      fc.property(loss, served, (l, logT) => {
        const t = 10 ** logT;
        const r = lifetimeOptimum(sardana, l, t);
        if (Math.abs(chinchillaLoss(sardana, r.params, r.tokens) - l) > 1e-9) return false;
        const grid = isoLossCurve(sardana, l, 2000, 12);
        for (let i = 0; i < grid.params.length; i++) {
          const n = grid.params[i]!;
          if (6 * n * grid.tokens[i]! + 2 * n * t < r.totalFlops * (1 - 1e-9)) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });
  it('serving more tokens shrinks the model, grows the data, and never costs more than the Chinchilla-style model (property)', () => {
    fc.assert(
      fc.property(loss, served, fc.double({ min: 0.1, max: 3, noNaN: true }), (l, logT, more) => {
        const a = lifetimeOptimum(sardana, l, 10 ** logT);
        const b = lifetimeOptimum(sardana, l, 10 ** (logT + more));
        return (
          b.params < a.params &&
          b.tokens > a.tokens &&
          a.flopsRatio <= 1 + 1e-12 &&
          b.flopsRatio <= 1 + 1e-12 &&
          a.paramsRatio <= 1 + 1e-9 &&
          a.tokensRatio >= 1 - 1e-9
        );
      }),
      { numRuns: 40 },
    );
  });
  it('compares with the equal-loss compute-optimal model', () => {
    const r = lifetimeOptimum(sardana, 2, 1e13);
    const ref = chinchillaOptimumForLoss(sardana, 2);
    expect(r.chinchilla.params).toBe(ref.params);
    expect(r.chinchilla.totalFlops).toBeCloseTo(6 * ref.params * ref.tokens + 2 * ref.params * 1e13, -12);
  });
});
