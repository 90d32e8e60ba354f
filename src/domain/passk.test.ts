import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MONKEYS_LLAMA3_8B_MATH,
  PASSK_ESTIMATE_MAX_TERMS,
  logGammaRatio,
  passAtKBetaLogFailure,
  meanPassAtKEstimate,
  monkeysCoverage,
  passAtK,
  passAtKBeta,
  passAtKEstimate,
} from './passk';
import { logBeta, logGamma } from './math/special';
import { DomainError } from './errors';

const shape = fc.double({ min: 1e-3, max: 50, noNaN: true });
const bigK = fc.double({ min: 0, max: 1e7, noNaN: true });

/** ln C(n, k) through log-gamma: an independent route to Chen's estimator. */
const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

describe('pass@k Beta: public checks of laws.md §3', () => {
  it('(a, b) = (1, 1): k = 1 → 0.5, k = 10 → 0.909091', () => {
    expect(passAtKBeta(1, 1, 1)).toBeCloseTo(0.5, 12);
    expect(passAtKBeta(1, 1, 10)).toBeCloseTo(0.909091, 6);
  });
  it('(a, b) = (0.5, 2): k = 10 → 0.612235', () => {
    expect(passAtKBeta(0.5, 2, 10)).toBeCloseTo(0.612235, 6);
  });
  it('is k/(k + 1) for the uniform prior Beta(1, 1) (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (k) => Math.abs(passAtKBeta(1, 1, k) - k / (k + 1)) < 1e-12,
      ),
    );
  });
  it('equals the Beta average of 1 − (1 − p)^k by quadrature (property, a, b ≥ 2 so the integrand is smooth)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 8, noNaN: true }),
        fc.double({ min: 2, max: 8, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (a, b, k) => {
          const m = 4000; // Simpson's rule on [0, 1]
          let s = 0;
          for (let i = 0; i <= m; i++) {
            const p = i / m;
            const density = (p ** (a - 1) * (1 - p) ** (b - 1)) / Math.exp(logBeta(a, b));
            s += (i === 0 || i === m ? 1 : i % 2 ? 4 : 2) * density * passAtK(p, k);
          }
          return Math.abs(s / (3 * m) - passAtKBeta(a, b, k)) < 1e-6;
        },
      ),
      { numRuns: 30 },
    );
  });
  it('failure rate falls as Γ(a + b)/Γ(b)·x^(−a)·(1 − a(a − 1)/(2x)), x = b + k, for large k', () => {
    for (const [a, b] of [
      [0.3, 2],
      [1e-3, 1e-3],
      [2, 5],
      [5, 0.5],
    ] as const) {
      for (const k of [1e6, 1e7]) {
        const x = b + k;
        const logAsymptotic = logGamma(a + b) - logGamma(b) - a * Math.log(x) + Math.log1p((-a * (a - 1)) / (2 * x));
        expect(Math.abs(passAtKBetaLogFailure(a, b, k) - logAsymptotic)).toBeLessThan(1e-9);
      }
    }
  });
  it('lies in [0, 1], is never NaN and is non-decreasing in k for k ≤ 1e7 and a, b ≥ 1e-3 (property)', () => {
    fc.assert(
      fc.property(shape, shape, bigK, fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b, k, dk) => {
        const lo = passAtKBeta(a, b, k);
        const hi = passAtKBeta(a, b, k + dk);
        // Tiny k (1e-280) keeps its digits instead of rounding to 0; there the series carries ~1e-12 relative noise
        // (a = 0.001, b = 1.72, k = 1.7e-59 with dk = 9e-74 moves it by 1.3e-12), so allow rounding at 1e-10 relative.
        // Subnormal k (below 2.2e-308) has a few bits of precision and pass@k ≈ c·k is quantised in steps of 4.9e-324
        // (seed 1139754885 found k = 5e-323, dk = 1.5e-323): there, allow 1e-300 absolute.
        return Number.isFinite(lo) && lo >= 0 && hi <= 1 && hi >= lo * (1 - 1e-10) - 1e-300;
      }),
      { numRuns: 500 },
    );
  });
  it('stays monotone at unit steps near k = 1e7, where the change is ~1e-10', () => {
    for (const [a, b] of [
      [1e-3, 1e-3],
      [0.05, 3],
      [1, 1],
    ] as const) {
      let prev = passAtKBeta(a, b, 1e7 - 50);
      for (let k = 1e7 - 49; k <= 1e7; k++) {
        const v = passAtKBeta(a, b, k);
        expect(v).toBeGreaterThanOrEqual(prev);
        prev = v;
      }
    }
  });
  it('logGammaRatio agrees with the plain log-gamma difference where that is accurate', () => {
    for (const [x, s] of [
      [20, 0.5],
      [25.5, 3],
      [100, 1e-3],
      [1e3, 7],
    ] as const) {
      expect(logGammaRatio(x, s)).toBeCloseTo(logGamma(x + s) - logGamma(x), 11);
    }
  });
  it('rejects invalid shape parameters', () => {
    expect(() => passAtKBeta(0, 1, 1)).toThrow(DomainError);
    expect(() => passAtKBeta(1, Number.NaN, 1)).toThrow(DomainError);
    expect(() => passAtKBeta(1, 1, -1)).toThrow(DomainError);
  });
});

describe('pass@k per question', () => {
  it('is p at k = 1, 0 at k = 0, and keeps tiny p with huge k accurate', () => {
    expect(passAtK(0.3, 1)).toBeCloseTo(0.3, 15);
    expect(passAtK(0.3, 0)).toBe(0);
    expect(passAtK(1, 5)).toBe(1);
    expect(passAtK(0, 5)).toBe(0);
    // 1 − e^(−1e-5) = 1e-5 − 5e-11 + 1.67e-16: the naive 1 − (1 − p)^k loses ~4 digits here.
    expect(Math.abs(passAtK(1e-12, 1e7) / (1e-5 - 5e-11 + 1e-15 / 6) - 1)).toBeLessThan(1e-9);
  });
  it('lies in [0, 1] and is non-decreasing in k (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        bigK,
        fc.double({ min: 0, max: 100, noNaN: true }),
        (p, k, dk) => {
          const lo = passAtK(p, k);
          const hi = passAtK(p, k + dk);
          return lo >= 0 && hi <= 1 && hi >= lo;
        },
      ),
    );
  });
  it('rejects p outside [0, 1]', () => {
    expect(() => passAtK(1.2, 1)).toThrow(DomainError);
    expect(() => passAtK(0.5, Number.POSITIVE_INFINITY)).toThrow(DomainError);
  });
});

describe("Chen et al.'s unbiased estimator", () => {
  it('averaged over Binomial(n, p) outcomes it equals 1 − (1 − p)^k exactly (enumeration, property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (n, p, kSeed) => {
          const k = 1 + (kSeed % n);
          let mean = 0;
          for (let c = 0; c <= n; c++) {
            const weight = Math.exp(logChoose(n, c)) * p ** c * (1 - p) ** (n - c);
            mean += weight * passAtKEstimate(n, c, k);
          }
          return Math.abs(mean - (1 - (1 - p) ** k)) < 1e-12;
        },
      ),
      { numRuns: 300 },
    );
  });
  it('is c/n at k = 1 and 1 when n − c < k', () => {
    expect(passAtKEstimate(10, 3, 1)).toBeCloseTo(0.3, 15);
    expect(passAtKEstimate(10, 8, 3)).toBe(1);
    expect(passAtKEstimate(10, 0, 10)).toBe(0);
  });
  it('is not the naive plug-in 1 − (1 − c/n)^k', () => {
    expect(passAtKEstimate(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 14); // C(7,5)/C(10,5) = 21/252
    expect(Math.abs(passAtKEstimate(10, 3, 5) - (1 - 0.7 ** 5))).toBeGreaterThan(0.05);
  });
  it('is stable for n up to 100,000: matches the log-binomial form, stays in [0, 1], monotone in c (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), fc.nat(), (n, cSeed, kSeed) => {
        const c = cSeed % (n + 1);
        const k = 1 + (kSeed % n);
        const v = passAtKEstimate(n, c, k);
        if (!(v >= 0 && v <= 1)) return false;
        if (n - c >= k) {
          const reference = -Math.expm1(logChoose(n - c, k) - logChoose(n, k));
          if (Math.abs(v - reference) > 1e-8) return false;
        }
        return c === 0 || passAtKEstimate(n, c - 1, k) <= v;
      }),
      { numRuns: 200 },
    );
    expect(passAtKEstimate(100_000, 50_000, 1)).toBeCloseTo(0.5, 14);
    expect(passAtKEstimate(100_000, 1, 100_000)).toBe(1);
  });
  it('averages over questions', () => {
    expect(
      meanPassAtKEstimate(
        [
          { n: 10, c: 3 },
          { n: 20, c: 0 },
          { n: 5, c: 5 },
        ],
        1,
      ),
    ).toBeCloseTo((0.3 + 0 + 1) / 3, 15);
    expect(() => meanPassAtKEstimate([], 1)).toThrow(DomainError);
  });
  it('bounds its work by min(c, k): huge n and c answer at once and match the closed form (issue 11, item 13)', () => {
    // C(n − c, 1)/C(n, 1) = (n − c)/n, so pass@1 = c/n exactly, for any n up to 2^53 − 1.
    const big = 2 ** 53 - 1;
    expect(passAtKEstimate(big, 5, 1)).toBeCloseTo(5 / big, 28);
    expect(passAtKEstimate(big, 3e15, 1) / (3e15 / big)).toBeCloseTo(1, 14);
    // k = 2: (n − c)(n − c − 1)/(n(n − 1)), 1 minus it written without cancellation.
    const n = 1e15;
    const c = 4e14;
    const exact2 = (c * (2 * n - c - 1)) / (n * (n - 1));
    expect(passAtKEstimate(n, c, 2) / exact2).toBeCloseTo(1, 13);
  });
  it('takes the log-gamma form above PASSK_ESTIMATE_MAX_TERMS factors, agreeing with the term-by-term sum', () => {
    const n = 1e12;
    const c = 3_000_000;
    const k = 2_000_000; // min(c, k) > 1e6 factors
    expect(Math.min(c, k)).toBeGreaterThan(PASSK_ESTIMATE_MAX_TERMS);
    let logFailure = 0;
    for (let j = 0; j < k; j++) logFailure += Math.log1p(-c / (n - j));
    const got = passAtKEstimate(n, c, k);
    expect(Math.abs(Math.log1p(-got) - logFailure)).toBeLessThan(1e-7 * Math.abs(logFailure));
  });
  it('rejects counts a double cannot hold exactly (above 2^53 − 1) with a clear message', () => {
    expect(() => passAtKEstimate(1e16, 5, 1)).toThrow(
      /n must be an integer in \[1, 2\^53 − 1 = 9007199254740991\] \(got 10000000000000000\)/,
    );
    expect(() => passAtKEstimate(2 ** 53, 1, 1)).toThrow(DomainError);
  });
  it('rejects impossible counts', () => {
    expect(() => passAtKEstimate(10, 11, 1)).toThrow(/c must be/);
    expect(() => passAtKEstimate(10, 3, 11)).toThrow(/k must be/);
    expect(() => passAtKEstimate(10, 3, 2.5)).toThrow(DomainError);
    expect(() => passAtKEstimate(0, 0, 1)).toThrow(DomainError);
  });
});

describe('Large Language Monkeys coverage', () => {
  it('is exp(a·k^b), rising to 1 with k', () => {
    const { a, b } = MONKEYS_LLAMA3_8B_MATH;
    expect(monkeysCoverage(a, b, 1)).toBeCloseTo(Math.exp(-1.33), 15);
    expect(monkeysCoverage(a, b, 100)).toBeGreaterThan(monkeysCoverage(a, b, 10));
    expect(monkeysCoverage(a, b, 1e7)).toBeLessThanOrEqual(1);
    expect(() => monkeysCoverage(1, -0.4, 1)).toThrow(DomainError);
    expect(() => monkeysCoverage(-1, -0.4, 0)).toThrow(DomainError);
  });
});

describe('passAtKBeta for concentrated Betas (regression)', () => {
  it('keeps the failure rate of a near-deterministic question set (a ≫ k)', () => {
    // μ = 0.9, ν = 1e20: every question has p ≈ 0.9, so 1 − pass@k ≈ 0.1^k; at k = 356.67/ln 10 ≈ 154.9 the log is −356.67.
    const a = 0.9e20;
    const b = 0.1e20;
    const k = 154.9;
    expect(passAtKBetaLogFailure(a, b, k)).toBeCloseTo(k * Math.log(0.1), 6);
    expect(passAtKBeta(a, b, 3)).toBeCloseTo(1 - 0.001, 12);
  });
});
