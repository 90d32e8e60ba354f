import { describe, expect, it } from 'vitest';
import { formatResult } from './output';
import { CliUsageError } from './types';

describe('formatResult', () => {
  it('prints one indented JSON object with a trailing newline, typed arrays as arrays', () => {
    const text = formatResult({
      loss: 1.5,
      nested: { xs: new Float64Array([1, 2]) },
      skipped: undefined,
      minusZero: -0,
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({ loss: 1.5, nested: { xs: [1, 2] }, minusZero: 0 });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %d and names where it is',
    (bad) => {
      expect(() => formatResult({ a: 1, b: { c: [1, bad] } })).toThrow(CliUsageError);
      expect(() => formatResult({ a: 1, b: { c: [1, bad] } })).toThrow(/the result b\.c\[1\] is not a finite number/);
    },
  );

  it('checks typed arrays too', () => {
    expect(() => formatResult({ xs: new Float64Array([1, Number.NaN]) })).toThrow(/xs\[1\]/);
  });
});
