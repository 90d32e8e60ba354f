import { describe, expect, it } from 'vitest';
import { decades, formatHours, logAxis, planEarlyBreakEven, wuLine } from './papers-logic';
import { planEarlyCompare } from '../domain/plan-early';

describe('seed-papers panel logic', () => {
  it('log axes and decades', () => {
    const x = logAxis(1e7, 1e11, 400);
    expect(x(1e9)).toBeCloseTo(200, 9);
    expect(logAxis(1, 100, 100, true)(10)).toBeCloseTo(50, 9);
    expect(decades(5e6, 2e9)).toEqual([1e7, 1e8, 1e9]);
  });
  it('the Wu line is solid over the fitted span only, and obeys log10 C = 1.19·log10 N + 2.03', () => {
    const { fitted, extrapolated } = wuLine();
    expect(fitted[0]![0]).toBeCloseTo(410e6, -3); // the studied Pythia sizes, 410 M–12 B (wu.ts)
    expect(extrapolated[0]!.at(-1)![0]).toBeCloseTo(410e6, -3);
    expect(fitted.at(-1)![0]).toBeCloseTo(12e9, -3);
    for (const [n, c] of fitted) expect(Math.log10(c)).toBeCloseTo(1.19 * Math.log10(n) + 2.03, 9);
    expect(extrapolated).toHaveLength(2);
  });
  it('break-even curve matches the domain at each n', () => {
    const input = {
      domains: 1,
      inferenceTokens: 0,
      large: { genericTokens: 100, specialisationTokens: 1 },
      small: { genericTokens: 0, specialisationTokens: 20 },
    };
    for (const p of planEarlyBreakEven(input)) {
      expect(p.tokens).toBeCloseTo(planEarlyCompare({ ...input, domains: p.domains }).breakEvenInferenceTokens, 9);
    }
    expect(formatHours(1234.4)).toBe('1,234 A100-hours');
    expect(formatHours(3.21e6)).toBe('3.21 M A100-hours');
  });
});
