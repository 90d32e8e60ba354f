import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinchillaLoss } from './chinchilla';
import { DomainError } from './errors';
import { assertT2Approach1Constants, t2Loss, t2LossTerms } from './t2-approach1';
import type { T2Approach1Constants } from './constants-types';

const c: T2Approach1Constants = { E: 4, A: 900, B: 1100, alpha: 0.34, beta: 0.28, G: 5, gamma: 0.5 };

describe('t2Loss (T² Approach 1)', () => {
  it('is the formula E + A/N^α + B/D^β + G/k^γ', () => {
    expect(t2Loss(c, 1e8, 2e9, 16)).toBeCloseTo(4 + 900 / 1e8 ** 0.34 + 1100 / 2e9 ** 0.28 + 5 / 4, 12);
  });

  it('at k = 1 is Chinchilla with irreducible loss E + G (laws.md §2)', () => {
    for (const [n, d] of [
      [5e6, 1e8],
      [9.01e8, 2e10],
      [7e10, 1.4e12],
    ] as const) {
      expect(t2Loss(c, n, d, 1)).toBeCloseTo(chinchillaLoss({ ...c, E: c.E + c.G }, n, d), 12);
    }
  });

  it('falls with N, D and k and stays above E (property)', () => {
    const pos = fc.double({ min: 1, max: 1e13, noNaN: true });
    fc.assert(
      fc.property(pos, pos, pos, fc.double({ min: 1.0001, max: 100, noNaN: true }), (n, d, k, f) => {
        const l = t2Loss(c, n, d, k);
        expect(l).toBeGreaterThan(c.E);
        expect(t2Loss(c, n * f, d, k)).toBeLessThan(l);
        expect(t2Loss(c, n, d * f, k)).toBeLessThan(l);
        expect(t2Loss(c, n, d, k * f)).toBeLessThan(l);
      }),
    );
  });

  it('terms add up to the loss', () => {
    const t = t2LossTerms(c, 3e7, 1e9, 27);
    expect(c.E + t.params + t.tokens + t.samples).toBeCloseTo(t2Loss(c, 3e7, 1e9, 27), 12);
  });

  it('rejects non-positive or non-finite inputs and constants', () => {
    expect(() => t2Loss(c, -1, 1e9, 1)).toThrow(DomainError);
    expect(() => t2Loss(c, 1e8, 0, 1)).toThrow(/tokens/);
    expect(() => t2Loss(c, 1e8, 1e9, Number.NaN)).toThrow(/samples/);
    expect(() => assertT2Approach1Constants({ ...c, gamma: 0 })).toThrow(/gamma/);
    expect(() => assertT2Approach1Constants({ ...c, G: Number.POSITIVE_INFINITY })).toThrow(/G/);
    expect(() => assertT2Approach1Constants({ ...c, E: -0.1 })).toThrow(/E/);
  });
});
