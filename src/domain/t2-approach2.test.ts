import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors';
import { logBeta } from './math/special';
import { passAtKBetaLogFailure } from './passk';
import {
  assertT2Approach2Constants,
  betaPassAtK,
  logBetaFailure,
  T2_SMALL_NU,
  t2Accuracy,
  t2BetaParams,
  t2LogFailureFromBeta,
} from './t2-approach2';
import type { T2Approach2Constants } from './constants-types';

const c: T2Approach2Constants = {
  E: 9,
  A: 900,
  B: 1100,
  alpha: 0.34,
  beta: 0.28,
  theta0: 13,
  theta1: 0.6,
  theta2: 0.85,
  theta3: 1,
  theta4: -0.05,
};

describe('betaPassAtK (Beta difficulty, log-gamma differences)', () => {
  it('matches the check values of laws.md §3', () => {
    expect(betaPassAtK(1, 1, 1)).toBeCloseTo(0.5, 12);
    expect(betaPassAtK(1, 1, 10)).toBeCloseTo(0.909091, 6);
    expect(betaPassAtK(0.5, 2, 10)).toBeCloseTo(0.612235, 6);
  });

  it('is exact for a = 1 and a = 2 up to k = 1e7 (closed forms b/(b+k), b(b+1)/((b+k)(b+k+1)))', () => {
    for (const b of [1e-3, 0.3, 1, 7, 50]) {
      for (const k of [1, 9.5, 10, 1e3, 1e5, 1e7]) {
        const r1 = b / (b + k);
        const r2 = (b * (b + 1)) / ((b + k) * (b + k + 1));
        expect(Math.exp(logBetaFailure(1, b, k)) / r1 - 1).toBeLessThan(1e-10);
        expect(Math.abs(Math.exp(logBetaFailure(2, b, k)) / r2 - 1)).toBeLessThan(1e-10);
      }
    }
  });

  it('agrees with plain logBeta differences where those are accurate', () => {
    for (const [a, b, k] of [
      [0.3, 0.7, 12],
      [2.5, 11, 3],
      [1e-3, 1e-3, 40],
      [5, 30, 100],
    ] as const) {
      expect(logBetaFailure(a, b, k)).toBeCloseTo(logBeta(a, b + k) - logBeta(a, b), 9);
    }
  });

  it('lies in [0, 1] and is non-decreasing in k, for a, b down to 1e-3 and k to 1e7 (property)', () => {
    const shape = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
    const k = fc.double({ min: 1, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(shape, shape, k, k, (a, b, k1, k2) => {
        const lo = betaPassAtK(a, b, Math.min(k1, k2));
        const hi = betaPassAtK(a, b, Math.max(k1, k2));
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(hi).toBeGreaterThanOrEqual(lo - 1e-14);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps its digits for a concentrated Beta (ν up to 1e20): tends to the point mass k·ln(1 − μ)', () => {
    for (const nu of [1e8, 1e12, 1e20]) {
      for (const [mu, k] of [
        [0.3, 1e3],
        [1e-4, 9e6],
        [0.9, 50],
      ] as const) {
        const exact = k * Math.log1p(-mu);
        expect(Math.abs(logBetaFailure(mu * nu, (1 - mu) * nu, k) / exact - 1)).toBeLessThan(1e-6 + (k * k) / nu);
      }
    }
  });

  it('agrees with passk.ts (laws.md §3) across a, b ∈ [1e-3, 1e3] and k ∈ [1, 1e7] (property)', () => {
    const shape = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(shape, shape, fc.double({ min: 1, max: 1e7, noNaN: true }), (a, b, k) => {
        const mine = logBetaFailure(a, b, k);
        expect(Math.abs(mine - passAtKBetaLogFailure(a, b, k))).toBeLessThan(1e-9 * Math.max(1, Math.abs(mine)));
      }),
      { numRuns: 500 },
    );
  });

  it('failure falls as a power law ∝ k^(−a) for large k (laws.md §3)', () => {
    const a = 0.4;
    const slope = (logBetaFailure(a, 2, 1e7) - logBetaFailure(a, 2, 1e6)) / Math.log(10);
    expect(slope).toBeCloseTo(-a, 4);
  });
});

describe('t2BetaParams and t2Accuracy (T² Approach 2)', () => {
  it('maps the stage-1 loss to μ, ν, a, b as in laws.md §2', () => {
    const p = t2BetaParams(c, 1e8, 2e9);
    const loss = 9 + 900 / 1e8 ** 0.34 + 1100 / 2e9 ** 0.28;
    expect(p.loss).toBeCloseTo(loss, 12);
    expect(p.mu).toBeCloseTo(0.85 / (1 + Math.exp(0.6 * (loss - 13))), 12);
    expect(p.nu).toBeCloseTo(Math.exp(1 - 0.05 * loss), 12);
    expect(p.a).toBeCloseTo(p.mu * p.nu, 12);
    expect(p.b).toBeCloseTo((1 - p.mu) * p.nu, 12);
  });

  it('at k = 1 equals the mean single-sample accuracy μ', () => {
    for (const n of [5e6, 1e8, 1e10])
      expect(t2Accuracy(c, n, 20 * n, 1)).toBeCloseTo(t2BetaParams(c, n, 20 * n).mu, 12);
  });

  it('is in [0, 1], rises with k, and rises with N and D when θ1 > 0 (property)', () => {
    const pos = fc.double({ min: 1e3, max: 1e13, noNaN: true });
    const k = fc.double({ min: 1, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(pos, pos, k, fc.double({ min: 1.01, max: 100, noNaN: true }), (n, d, s, f) => {
        const acc = t2Accuracy(c, n, d, s);
        expect(acc).toBeGreaterThanOrEqual(0);
        expect(acc).toBeLessThanOrEqual(1);
        expect(t2Accuracy(c, n, d, s * f)).toBeGreaterThanOrEqual(acc - 1e-14);
        expect(t2Accuracy(c, n * f, d, 1)).toBeGreaterThanOrEqual(t2Accuracy(c, n, d, 1) - 1e-14); // ~1e-16 absolute rounding
      }),
      { numRuns: 300 },
    );
  });

  it('keeps degenerate limits finite: μ → 0, ν → ∞', () => {
    expect(t2Accuracy({ ...c, theta1: 1e4 }, 1e6, 1e8, 10)).toBe(0);
    const pointMass = { ...c, theta3: 800 };
    const mu = t2BetaParams(pointMass, 1e8, 2e9).mu;
    expect(t2Accuracy(pointMass, 1e8, 2e9, 5)).toBeCloseTo(1 - (1 - mu) ** 5, 12);
  });

  it('tends to μ as ν underflows (two-point mass: each question solved always or never), for every k', () => {
    const spread = { ...c, theta3: -800 }; // ν = e^(−800 − 0.05·L̂) underflows to exactly 0
    const { mu, nu } = t2BetaParams(spread, 1e8, 2e9);
    expect(nu).toBe(0);
    for (const k of [1, 10, 1e4, 1e7]) expect(t2Accuracy(spread, 1e8, 2e9, k)).toBeCloseTo(mu, 14);
  });

  it('is continuous across the switch to the small-ν expansion and at the limit ν → 0 (property)', () => {
    const mu = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
    const k = fc.double({ min: 1e-3, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(mu, k, (m, s) => {
        const edge = T2_SMALL_NU / Math.max(1, 1 / s);
        const below = t2LogFailureFromBeta(m, edge * (1 - 1e-9), s);
        const above = t2LogFailureFromBeta(m, edge * (1 + 1e-9), s);
        expect(Math.abs(below - above)).toBeLessThanOrEqual(1e-12 * Math.abs(above) + 1e-300);
        // The exact log-gamma form just above the switch agrees with the first-order expansion.
        expect(t2LogFailureFromBeta(m, 0, s)).toBe(Math.log1p(-m));
        expect(Math.abs(t2LogFailureFromBeta(m, 1e-300, s) - Math.log1p(-m))).toBeLessThanOrEqual(
          1e-15 * Math.abs(Math.log1p(-m)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('does not quantise at denormal ν: accuracy follows μ smoothly', () => {
    for (const nu of [1e-305, 1e-315, 5e-324]) {
      for (let i = 0; i < 20; i++) {
        const m = 0.3 + i * 1e-9;
        expect(Math.abs(-Math.expm1(t2LogFailureFromBeta(m, nu, 10)) - m)).toBeLessThan(1e-15);
      }
    }
  });

  it('rejects θ1 ≤ 0 (accuracy rising with NLL) with a clear DomainError', () => {
    expect(() => assertT2Approach2Constants({ ...c, theta1: 0 })).toThrow(
      /theta1 must be positive: accuracy falls as the task NLL rises/,
    );
    expect(() => assertT2Approach2Constants({ ...c, theta1: -0.6 })).toThrow(DomainError);
  });

  it('rejects bad inputs and constants with DomainError', () => {
    expect(() => t2Accuracy(c, 1e8, 1e9, 0)).toThrow(DomainError);
    expect(() => t2BetaParams(c, Number.NaN, 1e9)).toThrow(/params/);
    expect(() => assertT2Approach2Constants({ ...c, theta2: 1.2 })).toThrow(/theta2/);
    expect(() => assertT2Approach2Constants({ ...c, theta4: Number.NaN })).toThrow(/theta4/);
    expect(() => assertT2Approach2Constants({ ...c, alpha: -0.3 })).toThrow(/alpha/);
  });
});
