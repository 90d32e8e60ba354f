import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatQuantity, parseQuantity, QUANTITY_SUFFIXES } from './quantity';
import { DomainError } from './errors';

describe('parseQuantity', () => {
  it.each([
    ['7e9', 7e9],
    ['7B', 7e9],
    ['7b', 7e9],
    ['1.4T', 1.4e12],
    ['2.56e19', 2.56e19],
    ['70M', 70e6],
    ['1.5k', 1500],
    ['1.5K', 1500],
    ['3G', 3e9],
    ['2P', 2e15],
    ['12,000', 12000],
    ['1,234,567.5', 1234567.5],
    [' 3 ', 3],
    ['\t0.5\n', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-5', -5],
    ['+5', 5],
    ['1E-3', 1e-3],
    ['0', 0],
    ['-0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it('reads suffixes as exact decimals, not as rounded products', () => {
    expect(parseQuantity('1.4T')).toBe(1.4e12);
    expect(parseQuantity('0.3B')).toBe(0.3e9);
  });

  it.each([
    '',
    '   ',
    'abc',
    '7X',
    '7e',
    '1,5',
    '12,00',
    '1.2.3',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1e3B',
    '7 B',
    '--5',
    '.',
    '1e999',
    '7BB',
  ])('rejects %j with a DomainError naming the value', (text) => {
    expect(() => parseQuantity(text, '--params')).toThrow(DomainError);
    expect(() => parseQuantity(text, '--params')).toThrow(/^--params: /);
  });

  it('says which suffixes exist when the suffix is unknown', () => {
    expect(() => parseQuantity('7X')).toThrow(/unknown suffix "X"/);
  });

  it('exports the suffix table it reads', () => {
    for (const [suffix, multiplier] of Object.entries(QUANTITY_SUFFIXES)) {
      expect(parseQuantity(`2${suffix}`)).toBe(2 * multiplier);
      expect(parseQuantity(`2${suffix.toUpperCase()}`)).toBe(2 * multiplier);
    }
  });
});

describe('formatQuantity', () => {
  it.each([
    [7e9, '7B'],
    [1.4e12, '1.4T'],
    [2.56e19, '2.56e19'],
    [5.76e23, '5.76e23'],
    [70e6, '70M'],
    [1500, '1.5k'],
    [42, '42'],
    [0.5, '0.5'],
    [0, '0'],
    [-7e9, '-7B'],
    [999.96, '1k'],
    [999_960_000, '1B'],
    [1.23456e12, '1.23T'],
    [1e-4, '1e-4'],
    [999e12, '999T'],
    [1e15, '1e15'],
  ])('writes %d as %j', (value, expected) => {
    expect(formatQuantity(value)).toBe(expected);
  });

  it('honours digits and suffixBelow', () => {
    expect(formatQuantity(1.23456e12, { digits: 5 })).toBe('1.2346T');
    expect(formatQuantity(6e21, { suffixBelow: 1e3 })).toBe('6e21');
    expect(formatQuantity(1500, { suffixBelow: 1e3 })).toBe('1.5e3');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %d', (value) => {
    expect(() => formatQuantity(value)).toThrow(DomainError);
  });
});

describe('format then parse (property)', () => {
  const magnitude = fc.double({ min: -6, max: 30, noNaN: true }).map((e) => 10 ** e);
  const signed = fc.tuple(magnitude, fc.boolean()).map(([m, negative]) => (negative ? -m : m));

  it('round-trips within the rounding of the requested significant digits', () => {
    fc.assert(
      fc.property(signed, fc.integer({ min: 1, max: 12 }), (value, digits) => {
        const text = formatQuantity(value, { digits });
        const back = parseQuantity(text);
        // Rounding to d significant digits moves a value by at most half a unit in the last digit.
        expect(Math.abs(back - value)).toBeLessThanOrEqual(0.5 * 10 ** (1 - digits) * Math.abs(value) * (1 + 1e-9));
      }),
    );
  });

  it('is idempotent: formatting the parsed text gives the same text', () => {
    fc.assert(
      fc.property(signed, fc.integer({ min: 1, max: 12 }), (value, digits) => {
        const text = formatQuantity(value, { digits });
        expect(formatQuantity(parseQuantity(text), { digits })).toBe(text);
      }),
    );
  });

  it('parses any integer written with grouped thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseQuantity(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });
});

describe('formatQuantity with few digits', () => {
  it('writes round hundreds plainly (regression: toPrecision gave "1.0e+2")', () => {
    expect(formatQuantity(100, { digits: 2 })).toBe('100');
    expect(formatQuantity(250, { digits: 1 })).toBe('300');
    expect(formatQuantity(1.2e5, { digits: 2 })).toBe('120k');
  });
});

describe('formatRatio (ratios as people write them)', () => {
  it('two significant digits, thousands separated, capped', async () => {
    const { formatRatio } = await import('./quantity');
    expect(formatRatio(3.24)).toBe('3.2');
    expect(formatRatio(1)).toBe('1.0');
    expect(formatRatio(59.3)).toBe('59');
    expect(formatRatio(123)).toBe('120');
    expect(formatRatio(1234)).toBe('1,200');
    expect(formatRatio(59_315_878)).toBe('> 1,000,000');
    expect(formatRatio(999_999)).toBe('> 1,000,000');
    expect(formatRatio(Number.NaN)).toBe('—');
  });
});
