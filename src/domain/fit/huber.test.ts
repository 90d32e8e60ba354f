import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { huber, huberDerivative } from './huber';

describe('huber', () => {
  it('is quadratic inside δ and linear outside, continuous with its derivative at ±δ', () => {
    expect(huber(5e-4, 1e-3)).toBeCloseTo(1.25e-7, 15);
    expect(huber(-0.01, 1e-3)).toBeCloseTo(1e-3 * (0.01 - 5e-4), 15);
    expect(huber(1e-3, 1e-3)).toBeCloseTo(5e-7, 15);
    expect(huberDerivative(0.5, 1e-3)).toBe(1e-3);
    expect(huberDerivative(-0.5, 1e-3)).toBe(-1e-3);
    expect(huberDerivative(2e-4, 1e-3)).toBe(2e-4);
  });

  it('has the derivative its finite differences give (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (r) => {
        fc.pre(Math.abs(Math.abs(r) - 1e-3) > 1e-6);
        const h = 1e-8;
        expect((huber(r + h, 1e-3) - huber(r - h, 1e-3)) / (2 * h)).toBeCloseTo(huberDerivative(r, 1e-3), 6);
      }),
    );
  });
});
