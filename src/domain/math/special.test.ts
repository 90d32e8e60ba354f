import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digamma, EULER_GAMMA, logBeta, logBetaFailure, logGamma, logGammaShift } from './special';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
  it('stays accurate for tiny and huge arguments', () => {
    // Reference value of Γ(0.001) from tables.
    expect(logGamma(1e-3)).toBeCloseTo(Math.log(999.4237724845955), 12); // Γ(0.001)
    // Stirling: ln Γ(x) ≈ (x − 1/2) ln x − x + ln √(2π) + 1/(12x).
    const x = 1e7;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(Math.abs(logGamma(x) - stirling) / stirling).toBeLessThan(1e-14);
  });
  it('returns NaN outside its domain', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe('logBeta', () => {
  it('B(1, 1) = 1 and B(2, 3) = 1/12', () => {
    expect(logBeta(1, 1)).toBeCloseTo(0, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe('logGammaShift and digamma (issue 11, item 4c: tiny shifts keep their digits)', () => {
  // Independent references: ψ(n) = −γ + H(n − 1) for whole n, ψ(n + ½) = −γ − 2 ln 2 + Σ_{j=1..n} 2/(2j − 1).
  const harmonicDigamma = (n: number) => {
    let h = -EULER_GAMMA;
    for (let j = 1; j < n; j++) h += 1 / j;
    return h;
  };
  const halfDigamma = (n: number) => {
    let h = -EULER_GAMMA - 2 * Math.LN2;
    for (let j = 1; j <= n; j++) h += 2 / (2 * j - 1);
    return h;
  };

  it('digamma matches its closed forms at whole and half-whole arguments', () => {
    for (const n of [1, 2, 3, 7, 15, 25, 60])
      expect(Math.abs(digamma(n) - harmonicDigamma(n))).toBeLessThan(2e-15 * Math.max(1, Math.abs(harmonicDigamma(n))));
    for (const n of [0, 1, 4, 30])
      expect(Math.abs(digamma(n + 0.5) - halfDigamma(n))).toBeLessThan(2e-15 * Math.max(1, Math.abs(halfDigamma(n))));
  });

  it('equals s·ψ(x) for tiny s, to 1e-12 relative (the plain difference of ln Γ was 1e-4 off at s = 1e-12)', () => {
    for (const x of [3, 15, 25, 60, 1e4]) {
      for (const s of [1e-12, 1e-14, 1e-200]) {
        const ref = s * harmonicDigamma(x);
        expect(Math.abs(logGammaShift(x, s) - ref) / Math.abs(ref)).toBeLessThan(1e-12);
      }
    }
    for (const n of [0, 2, 40]) {
      const ref = 1e-13 * halfDigamma(n);
      expect(Math.abs(logGammaShift(n + 0.5, 1e-13) - ref) / Math.abs(ref)).toBeLessThan(1e-12);
    }
  });

  it('equals Σ ln(x + j) for whole shifts at any x (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), fc.integer({ min: 1, max: 300 }), (lx, s) => {
        const x = 10 ** lx;
        let ref = 0;
        for (let j = 0; j < s; j++) ref += Math.log(x + j);
        expect(Math.abs(logGammaShift(x, s) - ref)).toBeLessThan(1e-13 * Math.max(1, Math.abs(ref)) + 1e-14 * s);
      }),
      { numRuns: 300 },
    );
  });

  it('logBetaFailure matches the exact product Π (b + j)/(a + b + j) for whole k, tiny a included (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -300, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (la, lb, k) => {
          const a = 10 ** la;
          const b = 10 ** lb;
          let ref = 0;
          for (let j = 0; j < k; j++) ref -= Math.log1p(a / (b + j));
          const got = logBetaFailure(a, b, k);
          expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-11 * Math.abs(ref) + 1e-300);
        },
      ),
      { numRuns: 400 },
    );
  });
});
