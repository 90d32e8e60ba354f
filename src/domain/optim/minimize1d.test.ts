import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimize1d, minimize1dGrid } from './minimize1d';

describe('minimize1d', () => {
  it('finds the vertex of a parabola', () => {
    const r = minimize1d((x) => (x - 1.234) ** 2 + 3, -10, 10);
    expect(r.x).toBeCloseTo(1.234, 7); // a minimiser locates x only to ~√ε
    expect(r.value).toBeCloseTo(3, 12);
  });
  it('finds the minimum of any shifted convex function inside the interval (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (c, s) => {
          const r = minimize1d((x) => Math.cosh((x - c) / s), -60, 60);
          return Math.abs(r.x - c) < 1e-5 * Math.max(1, s);
        },
      ),
    );
  });
  it('stops at the boundary when the minimum lies outside', () => {
    const r = minimize1d((x) => x, 2, 5);
    expect(r.x).toBeLessThan(2 + 1e-6);
  });
  it('steers away from non-finite values', () => {
    const r = minimize1d((x) => (x < 0 ? Number.NaN : (x - 2) ** 2), -5, 5);
    expect(r.x).toBeCloseTo(2, 6);
  });
});

describe('minimize1dGrid', () => {
  it('finds the global minimum of a two-well function', () => {
    const f = (x: number) => (x * x - 1) ** 2 + 0.3 * x;
    const r = minimize1dGrid(f, -3, 3, 30);
    expect(r.x).toBeLessThan(0);
    expect(r.x).toBeCloseTo(-1.036, 2);
  });
});
