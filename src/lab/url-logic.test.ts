import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMeasured, encodeMeasured, MAX_LINK_POINTS } from './url-logic';

const point = fc.record({
  params: fc.integer({ min: 1, max: 1e9 }),
  tokens: fc.integer({ min: 1, max: 1e12 }),
  samples: fc.integer({ min: 1, max: 4096 }),
  passAtK: fc.double({ min: 0, max: 1, noNaN: true }),
  nll: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
});

describe('lab URL key', () => {
  it('round-trips points (pass@k and NLL to 6 significant digits)', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: MAX_LINK_POINTS }), (pts) => {
        const back = decodeMeasured(encodeMeasured(pts));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.value).toHaveLength(pts.length);
        back.value.forEach((b, i) => {
          const p = pts[i]!;
          expect([b.params, b.tokens, b.samples]).toEqual([p.params, p.tokens, p.samples]);
          expect(b.passAtK).toBeCloseTo(p.passAtK, 5);
          if (p.nll === null) expect(b.nll).toBeNull();
          else expect(b.nll!).toBeCloseTo(p.nll, 4);
        });
      }),
    );
  });

  it('keeps only the newest points', () => {
    const pts = Array.from({ length: MAX_LINK_POINTS + 3 }, (_, i) => ({
      params: 1000 + i,
      tokens: 5000,
      samples: 4,
      passAtK: 0.5,
      nll: 1,
    }));
    const back = decodeMeasured(encodeMeasured(pts));
    expect(back.ok && back.value.map((p) => p.params)).toEqual(pts.slice(3).map((p) => p.params));
  });

  it('reads pass@k and NLL back rounded as encode writes them, so a rewritten link is a fixed point', () => {
    const first = decodeMeasured('1e4_1e5_4_0.123456789_2.718281828*8192_3e5_1_0.99999999_-');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.map((p) => [p.passAtK, p.nll])).toEqual([
      [0.123457, 2.71828],
      [1, null],
    ]);
    const again = decodeMeasured(encodeMeasured(first.value));
    expect(again).toEqual(first);
  });

  it.each([
    ['', 'empty'],
    ['1e4_1e5_4_1.5_2', 'pass@k'],
    ['1e4_1e5_2.5_0.5_2', 'whole number'],
    ['1e4_-1_4_0.5_2', 'run 1: D must lie in 1 to 1e18 (got -1)'],
    ['1e300_1e5_4_0.5_2', 'run 1: N must lie in 1 to 1e15 (got 1e300)'],
    ['1e4_1e5_1e7_0.5_2', 'run 1: k must lie in 1e-3 to 1e6 (got 1e7)'],
    ['1e4_1e5_4_0.5_1e200', 'run 1: NLL must lie in 0 to 1e3 (got 1e200)'],
    [Array.from({ length: 13 }, () => '1e4_1e5_4_0.5_2').join('*'), 'at most 12 runs fit in a link (got 13)'],
    ['1e4_1e5_4_0.5', 'expected'],
    ['1e4_1e5_4_0.5_x', 'not a number'],
    ['1e4_1e5_4_0.5_-2', 'run 1: NLL must lie in 0 to 1e3 (got -2)'],
    ['1e4_1e5_4_0.5_Infinity', 'not a number'],
  ])('rejects %s', (text, reason) => {
    const r = decodeMeasured(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
