import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PLAN_EARLY_INFERENCE,
  PLAN_EARLY_PERPLEXITY,
  PLAN_EARLY_THROUGHPUT,
  planEarlyCompare,
  planEarlyTotalCost,
} from './plan-early';
import { DomainError } from './errors';

describe('Plan Early (laws.md §7)', () => {
  it('total cost = generic + n × specialisation, linear in n (property)', () => {
    expect(planEarlyTotalCost(100, 5, 0)).toBe(100);
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e24, noNaN: true }),
        fc.double({ min: 0, max: 1e22, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (g, s, n) => {
          const a = planEarlyTotalCost(g, s, n);
          return Math.abs(planEarlyTotalCost(g, s, n + 1) - a - s) <= 1e-9 * (a + s);
        },
      ),
    );
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

describe('Plan Early comparison (issue 15)', () => {
  const input = {
    domains: 10,
    inferenceTokens: 5,
    large: { genericTokens: 100, specialisationTokens: 1 },
    small: { genericTokens: 0, specialisationTokens: 50 },
  };
  it('costs each option at the measured throughputs: C_generic + n·C_specialisation + n·inference', () => {
    const r = planEarlyCompare(input);
    expect(r.large.train).toBeCloseTo(100 * 7.7 + 10 * 1 * 7.7, 9);
    expect(r.large.inference).toBeCloseTo(10 * 5 * 2.54, 9);
    expect(r.small.train).toBeCloseTo(10 * 50 * 2.2, 9);
    expect(r.small.inference).toBeCloseTo(10 * 5 * 0.61, 9);
    expect(r.cheaper).toBe(r.small.total < r.large.total ? 'small' : 'large');
  });
  it('the break-even inference volume is where the totals meet (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (n, g, s) => {
          const x = {
            ...input,
            domains: n,
            large: { genericTokens: g, specialisationTokens: 1 },
            small: { genericTokens: 0, specialisationTokens: s },
          };
          const v = planEarlyCompare(x).breakEvenInferenceTokens;
          const at = planEarlyCompare({ ...x, inferenceTokens: v });
          return v === 0
            ? at.small.total <= at.large.total + 1e-9
            : Math.abs(at.small.total - at.large.total) <= 1e-9 * at.large.total;
        },
      ),
    );
  });
  it('the small models win past the break-even and the paper pairs hold', () => {
    const v = planEarlyCompare(input).breakEvenInferenceTokens;
    expect(planEarlyCompare({ ...input, inferenceTokens: v * 1.01 }).cheaper).toBe('small');
    expect(planEarlyCompare({ ...input, inferenceTokens: v * 0.99 }).cheaper).toBe('large');
    expect(PLAN_EARLY_THROUGHPUT.large.train / PLAN_EARLY_THROUGHPUT.small.train).toBeCloseTo(3.5, 9);
    expect(PLAN_EARLY_PERPLEXITY.rows.map((r) => r.specialised)).toEqual([12, 10]);
  });
  it('rejects bad input', () => {
    expect(() => planEarlyCompare({ ...input, domains: 0 })).toThrow(DomainError);
    expect(() => planEarlyCompare({ ...input, inferenceTokens: Number.NaN })).toThrow(DomainError);
    expect(() => planEarlyCompare({ ...input, small: { genericTokens: -1, specialisationTokens: 1 } })).toThrow(
      /small models genericTokens/,
    );
  });
});
