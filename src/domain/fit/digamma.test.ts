import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logGamma } from '../math/special';
import { digamma } from './digamma';

const EULER = 0.5772156649015329;

describe('digamma', () => {
  it('matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-EULER, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.log(2), 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13);
    expect(digamma(Number.NaN)).toBeNaN();
    expect(digamma(0)).toBeNaN();
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x and is the derivative of lnΓ (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        expect(digamma(x + 1) - digamma(x) - 1 / x).toBeCloseTo(0, 9 - Math.max(0, Math.log10(1 / x)));
        const h = 1e-5 * Math.max(x, 1e-2);
        const numeric = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
        expect(Math.abs(numeric - digamma(x)) / Math.max(1, Math.abs(digamma(x)))).toBeLessThan(1e-5);
      }),
    );
  });
});
