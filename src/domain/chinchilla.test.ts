import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assertChinchillaConstants,
  chinchillaLoss,
  chinchillaOptimum,
  chinchillaOptimumForLoss,
  isoLossCurve,
  isoLossParams,
  isoLossTokens,
} from './chinchilla';
import { getChinchillaSet } from './chinchilla-sets';
import { DomainError } from './errors';
import type { ChinchillaConstants } from './constants-types';

const set = (id: string): ChinchillaConstants => getChinchillaSet(id)!.constants;
const GOPHER = 5.76e23;

describe('Chinchilla loss and frontier: public checks of laws.md §1', () => {
  it('rounded constants: L(70e9, 1.4e12) = 1.9366 ± 1e-3', () => {
    expect(Math.abs(chinchillaLoss(set('hoffmann-rounded'), 70e9, 1.4e12) - 1.9366)).toBeLessThan(1e-3);
  });
  it('unrounded constants at 5.76e23 FLOPs: N_opt ≈ 40 B (Hoffmann Fig. 4)', () => {
    const o = chinchillaOptimum(set('hoffmann'), GOPHER);
    expect(o.params / 1e9).toBeGreaterThan(39);
    expect(o.params / 1e9).toBeLessThan(41.5);
  });
  it('rounded constants at 5.76e23 FLOPs: N_opt ≈ 32 B with D/N ≈ 93 (rounding alone moves the optimum)', () => {
    const o = chinchillaOptimum(set('hoffmann-rounded'), GOPHER);
    expect(o.params / 1e9).toBeCloseTo(32, 0);
    expect(Math.round(o.tokensPerParam)).toBe(93);
  });
  it('Besiroglu constants at 5.76e23 FLOPs: N_opt ≈ 72 B with D/N ≈ 18', () => {
    const o = chinchillaOptimum(set('besiroglu'), GOPHER);
    expect(o.params / 1e9).toBeCloseTo(72, 0);
    expect(Math.round(o.tokensPerParam)).toBe(18);
  });
  it('Hoffmann Table 3 rows obey the ~20 tokens/param rule and C = 6ND (within 3 %)', () => {
    // Checks the accounting, not Approach 3: Table 3 comes from Approach 1, so we test that each row's tokens are
    // ~20 per parameter and that its FLOPs are 6·N·D, each within 3 % (the table rounds and uses 20.2–20.5 tok/param).
    for (const [n, flops, tokens] of [
      [1e9, 1.21e20, 20.2e9],
      [10e9, 1.23e22, 205.1e9],
    ] as const) {
      expect(Math.abs(tokens / n / 20 - 1)).toBeLessThan(0.03);
      expect(Math.abs((6 * n * tokens) / flops - 1)).toBeLessThan(0.03);
      expect(Math.abs((6 * n * 20 * n) / flops - 1)).toBeLessThan(0.03);
    }
  });
  it('Chinchilla itself: 70 B × 1.4 T is 20 tokens per parameter', () => {
    expect(1.4e12 / 70e9).toBe(20);
  });
});

const constantsArb = fc.record({
  E: fc.double({ min: 0.5, max: 3, noNaN: true }),
  A: fc.double({ min: 10, max: 5000, noNaN: true }),
  B: fc.double({ min: 10, max: 5000, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
  beta: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
});

describe('Chinchilla frontier properties', () => {
  it('the closed form spends the whole budget and no nearby split on C = 6ND beats it (property)', () => {
    fc.assert(
      fc.property(constantsArb, fc.double({ min: 18, max: 27, noNaN: true }), (c, logC) => {
        const flops = 10 ** logC;
        const o = chinchillaOptimum(c, flops);
        if (Math.abs(o.flops / flops - 1) > 1e-9) return false;
        for (let s = -2; s <= 2; s += 0.05) {
          const n = o.params * 10 ** s;
          if (chinchillaLoss(c, n, flops / (6 * n)) < o.loss - 1e-12) return false;
        }
        return true;
      }),
    );
  });
  it('optimum-for-loss is the frontier point with that loss, and the cheapest model on the iso-loss curve (property)', () => {
    fc.assert(
      fc.property(constantsArb, fc.double({ min: 0.01, max: 2, noNaN: true }), (c, excess) => {
        const loss = c.E + excess;
        const o = chinchillaOptimumForLoss(c, loss);
        if (Math.abs(chinchillaLoss(c, o.params, o.tokens) - loss) > 1e-9) return false;
        const f = chinchillaOptimum(c, o.flops);
        if (Math.abs(f.params / o.params - 1) > 1e-8) return false;
        const curve = isoLossCurve(c, loss, 41);
        for (let i = 0; i < curve.params.length; i++) {
          if (6 * curve.params[i]! * curve.tokens[i]! < o.flops * (1 - 1e-9)) return false;
        }
        return true;
      }),
    );
  });
  it('iso-loss N(D) and D(N) invert each other and land on the curve (property)', () => {
    fc.assert(
      fc.property(
        constantsArb,
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (c, excess, u) => {
          const loss = c.E + excess;
          const tokens = (c.B / ((1 - u) * excess)) ** (1 / c.beta);
          const n = isoLossParams(c, loss, tokens);
          if (n === null) return false;
          const d = isoLossTokens(c, loss, n);
          return d !== null && Math.abs(d / tokens - 1) < 1e-6 && Math.abs(chinchillaLoss(c, n, tokens) - loss) < 1e-9;
        },
      ),
    );
  });
  it('iso-loss curve: every point has the target loss, N decreasing and D increasing', () => {
    const c = set('hoffmann-rounded');
    const { params, tokens } = isoLossCurve(c, 2.1, 64);
    for (let i = 0; i < 64; i++) {
      expect(chinchillaLoss(c, params[i]!, tokens[i]!)).toBeCloseTo(2.1, 10);
      if (i > 0) {
        expect(params[i]!).toBeLessThan(params[i - 1]!);
        expect(tokens[i]!).toBeGreaterThan(tokens[i - 1]!);
      }
    }
  });
  it('returns null for unreachable iso-loss points and throws for loss ≤ E', () => {
    const c = set('hoffmann-rounded');
    expect(isoLossParams(c, 1.8, 1e6)).toBeNull(); // too few tokens: B/D^β alone exceeds ℓ − E
    expect(isoLossTokens(c, 1.8, 1e6)).toBeNull();
    expect(isoLossParams(c, 1.69, 1e12)).toBeNull();
    expect(() => chinchillaOptimumForLoss(c, 1.69)).toThrow(/irreducible loss/);
    expect(() => chinchillaOptimumForLoss(c, 1.5)).toThrow(DomainError);
    expect(() => isoLossCurve(c, 1.6, 10)).toThrow(DomainError);
    expect(() => isoLossCurve(c, 2, 1)).toThrow(DomainError);
    expect(() => chinchillaOptimum(c, 0)).toThrow(DomainError);
    expect(() => chinchillaOptimum({ ...c, alpha: -0.3 }, 1e20)).toThrow(/alpha/);
    expect(() => chinchillaLoss(c, Number.NaN, 1e9)).toThrow(DomainError);
  });
});

describe('constants at their bounds', () => {
  it('takes E = 0 (a fitted floor at its bound, as in two shipped public-data T² sets) and refuses E < 0', () => {
    const c = { E: 0, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    expect(() => assertChinchillaConstants(c)).not.toThrow();
    expect(chinchillaOptimum(c, 1e21).params).toBeGreaterThan(0);
    expect(() => assertChinchillaConstants({ ...c, E: -1e-9 })).toThrow(/non-negative/);
    expect(() => assertChinchillaConstants({ ...c, A: 0 })).toThrow(/positive/);
  });
});
