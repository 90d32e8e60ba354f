import { describe, expect, it } from 'vitest';
import { badLine, okJson } from '../test-helpers';

/** Exact 1 − C(n−c, k)/C(n, k) with big integers, as an independent check. */
function exactEstimate(n: number, c: number, k: number): number {
  const choose = (a: number, b: number): bigint => {
    if (b < 0 || b > a) return 0n;
    let r = 1n;
    for (let i = 0; i < b; i++) r = (r * BigInt(a - i)) / BigInt(i + 1);
    return r;
  };
  return 1 - Number(choose(n - c, k)) / Number(choose(n, k));
}

describe('passk-beta', () => {
  it.each([
    [1, 1, 1, 0.5],
    [1, 1, 10, 0.909091],
    [0.5, 2, 10, 0.612235],
  ])('Beta(%d, %d), k = %d → %d (laws.md §3)', (a, b, k, expected) => {
    expect(okJson(`passk-beta --a ${a} --b ${b} --k ${k}`).passAtK).toBeCloseTo(expected, 6);
  });

  it('keeps full precision for tiny a: a = 1e-12, b = 15, k = 10 (was 0.8 % off; issue 11, 4c)', () => {
    // Exact for whole k: 1 − Π_{j<k} (b + j)/(a + b + j), summed as −Σ log1p(a/(b + j)).
    let logFailure = 0;
    for (let j = 0; j < 10; j++) logFailure -= Math.log1p(1e-12 / (15 + j));
    const exact = -Math.expm1(logFailure);
    const got = okJson('passk-beta --a 1e-12 --b 15 --k 10').passAtK as number;
    expect(Math.abs(got - exact) / exact).toBeLessThan(1e-12);
  });

  it('stays within [0, 1] at extreme inputs', () => {
    const p = okJson('passk-beta --a 1e-3 --b 1e-3 --k 1e7').passAtK as number;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('rejects a missing or non-positive shape', () => {
    expect(badLine('passk-beta --a 1 --k 10')).toBe('passk-beta: missing required flag --b');
    expect(badLine('passk-beta --a -1 --b 1 --k 10')).toBe('passk-beta: --a must be positive (got -1)');
  });
});

describe('passk-estimate', () => {
  it.each([
    [5, 2, 2],
    [10, 3, 4],
    [200, 13, 10],
    [20, 0, 5],
  ])('n = %d, c = %d, k = %d equals the exact combinatorial value', (n, c, k) => {
    expect(okJson(`passk-estimate --n ${n} --c ${c} --k ${k}`).passAtK).toBeCloseTo(exactEstimate(n, c, k), 12);
  });

  it('is 1 when n − c < k, and handles n = 100,000', () => {
    expect(okJson('passk-estimate --n 10 --c 8 --k 3').passAtK).toBe(1);
    const p = okJson('passk-estimate --n 100,000 --c 10 --k 1k').passAtK as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('rejects fractional and negative counts, and c or k above n', () => {
    expect(badLine('passk-estimate --n 10.5 --c 1 --k 1')).toBe(
      'passk-estimate: --n must be a whole number ≥ 1 (got 10.5)',
    );
    expect(badLine('passk-estimate --n 10 --c -1 --k 1')).toBe(
      'passk-estimate: --c is a count and must not be negative (got -1)',
    );
    expect(badLine('passk-estimate --n 10 --c 11 --k 1')).toMatch(
      /^passk-estimate: c must be an integer in \[0, n = 10\]/,
    );
    expect(badLine('passk-estimate --n 10 --c 1 --k 20')).toMatch(
      /^passk-estimate: k must be an integer in \[1, n = 10\]/,
    );
  });

  it('answers for huge counts (no loop over n or k) and refuses counts above 2^53 − 1 with exit 2 (issue 11, item 13)', () => {
    expect(okJson('passk-estimate --n 9007199254740991 --c 9e15 --k 1').passAtK).toBeCloseTo(
      9e15 / 9007199254740991,
      14,
    );
    expect(okJson('passk-estimate --n 1e15 --c 5 --k 1e14').passAtK).toBeCloseTo(1 - 0.9 ** 5, 6);
    expect(badLine('passk-estimate --n 1e16 --c 5 --k 1')).toBe(
      'passk-estimate: n must be an integer in [1, 2^53 − 1 = 9007199254740991] (got 10000000000000000)',
    );
  });
});
