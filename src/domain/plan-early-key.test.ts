import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors';
import { planEarlyCompare } from './plan-early';
import {
  PLAN_EARLY_DEFAULT_INPUT,
  PLAN_EARLY_SLOTS,
  assertPlanEarlyInput,
  decodePlanEarly,
  encodePlanEarly,
  isDefaultPlanEarly,
} from './plan-early-key';

describe('Plan Early inputs as one URL value (key pe)', () => {
  it('writes the six numbers in declared order and reads them back', () => {
    expect(encodePlanEarly(PLAN_EARLY_DEFAULT_INPUT)).toBe('100_10_100_1_0_20');
    const d = decodePlanEarly('5_20_100_1_0_20');
    expect(d).toEqual({
      ok: true,
      value: {
        domains: 5,
        inferenceTokens: 20,
        large: { genericTokens: 100, specialisationTokens: 1 },
        small: { genericTokens: 0, specialisationTokens: 20 },
      },
    });
    expect(isDefaultPlanEarly(undefined)).toBe(true);
    expect(isDefaultPlanEarly(PLAN_EARLY_DEFAULT_INPUT)).toBe(true);
    if (d.ok) expect(isDefaultPlanEarly(d.value)).toBe(false);
  });
  it("the defaults are the panel's: the large model just cheaper, break-even ≈ 14.8 B tokens per domain", () => {
    const r = planEarlyCompare(PLAN_EARLY_DEFAULT_INPUT);
    expect(r.cheaper).toBe('large');
    expect(r.breakEvenInferenceTokens).toBeCloseTo(14.8, 1);
  });
  it('clamps out-of-range numbers and rounds a fractional number of domains, naming each', () => {
    const d = decodePlanEarly('2.4_-1_2e6_1_0_20');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.value.domains).toBe(2);
    expect(d.value.inferenceTokens).toBe(0);
    expect(d.value.large.genericTokens).toBe(1e6);
    expect(d.warning).toMatch(/domains rounded to 2/);
    expect(d.warning).toMatch(/inference tokens per domain \(1e9\) outside 0–1e6, set to 0/);
  });
  it('refuses a wrong count or a non-number, without echoing the raw text', () => {
    expect(decodePlanEarly('1_2_3')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expected 6 numbers .* got 3/),
    });
    const junk = decodePlanEarly('1_2_3_4_5_zzz');
    expect(junk).toMatchObject({ ok: false });
    if (!junk.ok) expect(junk.reason).not.toContain('zzz');
    expect(decodePlanEarly('1_2_3_4_5_Infinity').ok).toBe(false);
  });
  it('assertPlanEarlyInput names the bad number', () => {
    expect(() => assertPlanEarlyInput({ ...PLAN_EARLY_DEFAULT_INPUT, domains: 2.5 })).toThrow(
      /domains must be a whole number/,
    );
    expect(() => assertPlanEarlyInput({ ...PLAN_EARLY_DEFAULT_INPUT, inferenceTokens: Number.NaN })).toThrow(
      DomainError,
    );
    expect(() =>
      assertPlanEarlyInput({ ...PLAN_EARLY_DEFAULT_INPUT, small: { genericTokens: -1, specialisationTokens: 1 } }),
    ).toThrow(/small: shared pretraining/);
  });
  it('decode(encode(x)) = x for every valid input, and decode of anything gives a valid input or a refusal (property)', () => {
    const slot = (i: number) => {
      const s = PLAN_EARLY_SLOTS[i]!;
      return s.integer ? fc.integer({ min: s.min, max: s.max }) : fc.double({ min: s.min, max: s.max, noNaN: true });
    };
    fc.assert(
      fc.property(slot(0), slot(1), slot(2), slot(3), slot(4), slot(5), (n, v, lg, ls, sg, ss) => {
        const input = {
          domains: n,
          inferenceTokens: v,
          large: { genericTokens: lg, specialisationTokens: ls },
          small: { genericTokens: sg, specialisationTokens: ss },
        };
        const d = decodePlanEarly(encodePlanEarly(input));
        return (
          d.ok &&
          d.warning === undefined &&
          encodePlanEarly(d.value) === encodePlanEarly(input) &&
          Object.is(d.value.inferenceTokens, v === 0 ? 0 : v)
        );
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double(),
            fc.string({ maxLength: 4 }).map((x) => x as unknown as number),
          ),
          { minLength: 0, maxLength: 8 },
        ),
        (xs) => {
          const d = decodePlanEarly(xs.map(String).join('_'));
          if (!d.ok) return typeof d.reason === 'string';
          assertPlanEarlyInput(d.value);
          return true;
        },
      ),
    );
  });
});
