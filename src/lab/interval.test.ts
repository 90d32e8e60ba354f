import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runInterval, wilsonInterval } from './interval';

describe('the run interval (Wilson score, conservative for pass@k)', () => {
  it('matches the published Wilson interval (Newcombe 1998, example 81/263 → [0.2553, 0.3662])', () => {
    const w = wilsonInterval(81 / 263, 263);
    expect(w.low).toBeCloseTo(0.2553, 4);
    expect(w.high).toBeCloseTo(0.3662, 4);
  });

  it('contains the mean, stays in [0, 1] and narrows with more problems', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5000 }), (m, n) => {
        const w = wilsonInterval(m, n);
        const w4 = wilsonInterval(m, 4 * n);
        return (
          w.low >= 0 &&
          w.high <= 1 &&
          w.low <= m + 1e-12 &&
          m <= w.high + 1e-12 &&
          w4.high - w4.low <= w.high - w.low + 1e-12
        );
      }),
    );
  });

  it('is a few tenths wide at the default run (20 problems × 2 tasks) and counts every task', () => {
    const w = runInterval({ passAtK: 0.3, problems: 20, tasks: ['a', 'b'] });
    expect(w.high - w.low).toBeGreaterThan(0.2);
    expect(w.high - w.low).toBeLessThan(0.35);
    expect(runInterval({ passAtK: 0.3, problems: 20, tasks: ['a'] }).high).toBeGreaterThan(w.high);
  });

  it('rejects what is not a pass@k or a count', () => {
    expect(() => wilsonInterval(1.2, 10)).toThrow(/\[0, 1\]/);
    expect(() => wilsonInterval(Number.NaN, 10)).toThrow(/\[0, 1\]/);
    expect(() => wilsonInterval(0.5, 0)).toThrow(/positive integer/);
    expect(() => wilsonInterval(0.5, 2.5)).toThrow(/positive integer/);
  });
});
