import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from './special';

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
