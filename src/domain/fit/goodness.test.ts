import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { goodnessOfFit } from './goodness';

describe('goodnessOfFit', () => {
  it('computes R², RMSE and mean relative error', () => {
    const g = goodnessOfFit([1, 2, 3, 4], [1.1, 1.9, 3.2, 4]);
    expect(g.rmse).toBeCloseTo(Math.sqrt((0.01 + 0.01 + 0.04) / 4), 12);
    expect(g.r2).toBeCloseTo(1 - 0.06 / 5, 12);
    expect(g.meanRelativeError).toBeCloseTo((0.1 + 0.05 + 0.2 / 3) / 4, 12);
    expect(g.n).toBe(4);
  });

  it('gives R² = 1 for a perfect fit, even of constant data, and 0 for a constant miss', () => {
    expect(goodnessOfFit([2, 2], [2, 2]).r2).toBe(1);
    expect(goodnessOfFit([2, 2], [3, 3]).r2).toBe(0);
    expect(goodnessOfFit([1, 2, 3], [1, 2, 3]).r2).toBe(1);
  });

  it('rejects mismatched, empty, zero or non-finite input', () => {
    expect(() => goodnessOfFit([], [])).toThrow(DomainError);
    expect(() => goodnessOfFit([1], [1, 2])).toThrow(/equal/);
    expect(() => goodnessOfFit([0, 1], [0, 1])).toThrow(/zero/);
    expect(() => goodnessOfFit([1, Number.NaN], [1, 1])).toThrow(/finite/);
  });
});
