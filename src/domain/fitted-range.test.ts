import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { completeRange, formatExcessFactor, rangeExcess } from './fitted-range';
import type { FittedRange } from './constants-types';

const RANGE: FittedRange = {
  params: [1e7, 1e9],
  tokens: [1e9, 1e12],
  samples: [1, 100],
  tokensPerParam: [5, 640],
  trainFlops: [1e17, 1e21],
};

describe('completeRange', () => {
  it('keeps recorded dimensions and derives D/N and C from the N × D box otherwise', () => {
    expect(completeRange(RANGE).derived).toEqual([]);
    const box = completeRange({ params: [1e7, 1e9], tokens: [1e9, 1e12] });
    expect(box.tokensPerParam).toEqual([1, 1e5]);
    expect(box.trainFlops[0]).toBeCloseTo(6e16, -10);
    expect(box.trainFlops[1]).toBeCloseTo(6e21, -15);
    expect(box.derived).toEqual(['tokensPerParam', 'trainFlops']);
    expect(box.samples).toBeUndefined();
  });

  it('refuses malformed intervals', () => {
    expect(() => completeRange({ params: [1e9, 1e7], tokens: [1, 2] })).toThrow(DomainError);
    expect(() => completeRange({ params: [0, 1e7], tokens: [1, 2] })).toThrow(/params min/);
    expect(() => completeRange({ params: [1, 2], tokens: [1, Number.NaN] })).toThrow(DomainError);
  });
});

describe('rangeExcess', () => {
  it('is empty inside the range, on its edges and without a range', () => {
    expect(rangeExcess(RANGE, { params: 1e8, tokens: 1e10, samples: 10 })).toEqual([]);
    expect(rangeExcess(RANGE, { params: 1e9, tokens: 1.6e11, samples: 100 })).toEqual([]);
    expect(rangeExcess(undefined, { params: 1e15, tokens: 1, samples: 1e9 })).toEqual([]);
  });

  it('names each dimension left, the side and the factor', () => {
    const out = rangeExcess(RANGE, { params: 1.2e10, tokens: 1e10, samples: 0.5 });
    expect(out.map((e) => [e.symbol, e.direction])).toEqual([
      ['N', 'above'],
      ['D/N', 'below'],
      ['k', 'below'],
    ]);
    expect(out[0]!.factor).toBeCloseTo(12, 12);
    expect(out[0]!.text).toBe('N 12× above the fitted range (10M–1B parameters)');
    expect(out[1]!.factor).toBeCloseTo(5 / (1e10 / 1.2e10), 12);
    expect(out[2]!.text).toBe('k 2.0× below the fitted range (1–100 samples per question)');
  });

  it('checks C = 6ND when recorded, and k only when both sides have it', () => {
    const out = rangeExcess(RANGE, { params: 1e9, tokens: 6e11 });
    expect(out.map((e) => e.symbol)).toEqual(['C']);
    expect(out[0]!.factor).toBeCloseTo(3.6, 12);
    expect(rangeExcess({ params: [1, 10], tokens: [1, 10] }, { params: 5, tokens: 5, samples: 1e6 })).toEqual([]);
  });

  it('property: scaling N beyond the box by f reports exactly N f× above', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.001, max: 1e6, noNaN: true }), (f) => {
        const out = rangeExcess({ params: [1e7, 1e9], tokens: [1e9, 1e12] }, { params: 1e9 * f, tokens: 1e10 });
        expect(out).toHaveLength(1);
        expect(out[0]!.dimension).toBe('params');
        expect(out[0]!.factor / f).toBeCloseTo(1, 12);
      }),
    );
  });

  it('refuses a non-positive design', () => {
    expect(() => rangeExcess(RANGE, { params: 0, tokens: 1 })).toThrow(DomainError);
    expect(() => rangeExcess(RANGE, { params: 1, tokens: 1, samples: -1 })).toThrow(DomainError);
  });
});

describe('formatExcessFactor', () => {
  it('writes two significant digits (three below 2)', () => {
    expect(formatExcessFactor(1.027)).toBe('1.03×');
    expect(formatExcessFactor(3.44)).toBe('3.4×');
    expect(formatExcessFactor(12.4)).toBe('12×');
    expect(formatExcessFactor(3.2e4)).toBe('3.2e4×');
    expect(() => formatExcessFactor(Number.POSITIVE_INFINITY)).toThrow(DomainError);
  });
});
