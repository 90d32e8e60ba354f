import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SMALL_STEP_DECADES,
  clampValue,
  decadeStep,
  formatSliderValue,
  fromPosition,
  joinSpacedSuffix,
  keyAction,
  logStep,
  parseTypedValue,
  toPosition,
} from './log-slider-logic';

const range = { min: 1e6, max: 1e13 };

describe('log slider logic', () => {
  it('maps values to log10 positions and back (3 significant digits), within the range', () => {
    expect(toPosition(1e9, range)).toBe(9);
    expect(fromPosition(9, range)).toBe(1e9);
    expect(fromPosition(Math.log10(7.04e9), range)).toBe(7.04e9);
    expect(fromPosition(20, range)).toBe(1e13);
    fc.assert(
      fc.property(fc.double({ min: 6, max: 13, noNaN: true }), (p) => {
        const v = fromPosition(p, range);
        expect(v).toBeGreaterThanOrEqual(range.min);
        expect(v).toBeLessThanOrEqual(range.max);
        expect(Math.abs(Math.log10(v) - p)).toBeLessThan(0.003);
      }),
    );
  });

  it('clamps, NaN to the minimum', () => {
    expect(clampValue(1, range)).toBe(1e6);
    expect(clampValue(1e20, range)).toBe(1e13);
    expect(clampValue(Number.NaN, range)).toBe(1e6);
  });

  it('a small step is about 10^0.05 and reverses; 20 steps make a decade', () => {
    const up = logStep(1e9, range, 1);
    expect(up / 1e9).toBeCloseTo(10 ** SMALL_STEP_DECADES, 2);
    expect(up).toBe(1.12e9);
    expect(logStep(up, range, -1)).toBe(1e9);
    let v = 1e9;
    for (let i = 0; i < 20; i += 1) v = logStep(v, range, 1);
    expect(v).toBe(1e10);
    fc.assert(
      fc.property(fc.integer({ min: 121, max: 259 }), (i) => {
        const onGrid = logStep(10 ** (i * SMALL_STEP_DECADES), range, 0);
        expect(logStep(logStep(onGrid, range, 1), range, -1)).toBe(onGrid);
      }),
    );
  });

  it('steps always move monotonically unless at a bound', () => {
    fc.assert(
      fc.property(fc.double({ min: 6, max: 12.9, noNaN: true }), (p) => {
        const v = fromPosition(p, range);
        expect(logStep(v, range, 1)).toBeGreaterThan(v);
        if (v > range.min * 1.2) expect(logStep(v, range, -1)).toBeLessThan(v);
      }),
    );
    expect(logStep(1, { min: 1, max: 100 }, 1)).toBeGreaterThan(1);
    expect(logStep(1e13, range, 1)).toBe(1e13);
  });

  it('PageUp/PageDown move a decade; Home/End go to the bounds; other keys do nothing', () => {
    expect(decadeStep(7e9, range, 1)).toBe(7e10);
    expect(keyAction('PageDown', 7e9, range)).toBeCloseTo(7e8, -2);
    expect(keyAction('PageUp', 7e12, range)).toBe(1e13);
    expect(keyAction('Home', 7e9, range)).toBe(1e6);
    expect(keyAction('End', 7e9, range)).toBe(1e13);
    expect(keyAction('ArrowUp', 1e9, range)).toBe(keyAction('ArrowRight', 1e9, range));
    expect(keyAction('a', 1e9, range)).toBeNull();
  });

  it('reads typed values like 7e9, 7B, 1.4T and 2.56e19, clamping into the range', () => {
    expect(parseTypedValue('7e9', range, 'N')).toEqual({ ok: true, value: 7e9, clamped: false });
    expect(parseTypedValue('7B', range, 'N')).toEqual({ ok: true, value: 7e9, clamped: false });
    expect(parseTypedValue('1.4T', range, 'N')).toEqual({ ok: true, value: 1.4e12, clamped: false });
    expect(parseTypedValue('2.56e19', { min: 1e15, max: 1e28 }, 'C')).toEqual({
      ok: true,
      value: 2.56e19,
      clamped: false,
    });
    expect(parseTypedValue('1e20', range, 'N')).toEqual({ ok: true, value: 1e13, clamped: true });
    const bad = parseTypedValue('seven', range, 'Parameters');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/Parameters/);
    expect(parseTypedValue('-5', range, 'N').ok).toBe(false);
  });

  it('formats with SI suffixes', () => {
    expect(formatSliderValue(7e9)).toBe('7B');
    expect(formatSliderValue(2.56e19)).toBe('2.56e19');
  });
});

describe('typed values with a space before the suffix (issue 13)', () => {
  const range = { min: 1e6, max: 1e13 };
  it.each([
    ['7 B', 7e9],
    ['1.4 T', 1.4e12],
    ['70\u00a0M', 7e7],
    ['1.5\u202fk', 1.5e3],
    ['12,000 k', 1.2e7],
    ['  7   b ', 7e9],
  ])('reads %j', (text, value) => {
    const r = parseTypedValue(text, { min: 1e3, max: 1e13 }, 'N');
    expect(r).toEqual({ ok: true, value, clamped: false });
  });

  it('reads what the app writes, with or without the space', () => {
    fc.assert(
      fc.property(fc.double({ min: 6, max: 13, noNaN: true }), (e) => {
        const shown = formatSliderValue(10 ** e);
        const spaced = shown.replace(/([a-zA-Z])$/, ' $1');
        const a = parseTypedValue(shown, range, 'N');
        const b = parseTypedValue(spaced, range, 'N');
        expect(b).toEqual(a);
        expect(a.ok).toBe(true);
      }),
    );
  });

  it('still refuses a stray space elsewhere, naming the field', () => {
    for (const bad of ['7 B B', '7 e9', '7 BB', '1e3 B']) {
      const r = parseTypedValue(bad, range, 'N');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^N: /);
    }
  });

  it('leaves other text for parseQuantity', () => {
    expect(joinSpacedSuffix('7 B')).toBe('7B');
    expect(joinSpacedSuffix('7e9')).toBe('7e9');
    expect(joinSpacedSuffix('abc d')).toBe('abc d');
  });
});
