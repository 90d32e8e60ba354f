import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAN_EARLY_INFERENCE, planEarlyTotalCost } from './plan-early';
import { DomainError } from './errors';

describe('Plan Early (laws.md §7)', () => {
  it('total cost = generic + n × specialisation, linear in n (property)', () => {
    expect(planEarlyTotalCost(100, 5, 0)).toBe(100);
    fc.assert(fc.property(fc.double({ min: 1, max: 1e24, noNaN: true }), fc.double({ min: 0, max: 1e22, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (g, s, n) => {
      const a = planEarlyTotalCost(g, s, n);
      return Math.abs(planEarlyTotalCost(g, s, n + 1) - a - s) <= 1e-9 * (a + s);
    }));
  });
  it('the 126 M model runs inference about 4× faster than the 771 M one', () => {
    const [small, large] = PLAN_EARLY_INFERENCE.models;
    expect(large!.hoursPerBillionTokens / small!.hoursPerBillionTokens).toBeCloseTo(4.16, 2);
  });
  it('rejects bad input', () => {
    expect(() => planEarlyTotalCost(0, 1, 1)).toThrow(DomainError);
    expect(() => planEarlyTotalCost(1, -1, 1)).toThrow(DomainError);
    expect(() => planEarlyTotalCost(1, 1, 1.5)).toThrow(DomainError);
  });
});
