/**
 * Pure logic of the log-scale sliders (architecture rule 7): position ⇄ value on a log10 scale, clamping, the small
 * log step of the arrow keys, the decade step of PageUp/PageDown, and reading a typed value ("7B", "2.56e19").
 */
import { formatQuantity, parseQuantity } from '../domain/quantity';

/** The inclusive range of a slider (positive). */
export interface LogRange {
  min: number;
  max: number;
}

/** One arrow key press moves by this many decades (10^0.05 ≈ ×1.12; 20 presses make a decade). */
export const SMALL_STEP_DECADES = 0.05;
/** Significant digits a dragged value is rounded to, so shared links stay short. */
export const DRAG_DIGITS = 3;

/** Clamps into [min, max]; NaN becomes min. */
export function clampValue(value: number, { min, max }: LogRange): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/** The slider position (log10 of the value) of a value. */
export function toPosition(value: number, range: LogRange): number {
  return Math.log10(clampValue(value, range));
}

/** Rounds to `digits` significant digits. */
export function roundSignificant(value: number, digits = DRAG_DIGITS): number {
  return Number(value.toPrecision(digits));
}

/** The value at a slider position, rounded to DRAG_DIGITS significant digits and clamped. */
export function fromPosition(position: number, range: LogRange): number {
  return clampValue(roundSignificant(10 ** position), range);
}

/**
 * Moves `steps` small log steps (negative: down) on a grid of multiples of `stepDecades` in log10, so a step up then
 * a step down returns to the same value; rounded to DRAG_DIGITS significant digits and clamped.
 */
export function logStep(value: number, range: LogRange, steps: number, stepDecades = SMALL_STEP_DECADES): number {
  const index = Math.round(Math.log10(clampValue(value, range)) / stepDecades);
  const target = clampValue(10 ** ((index + steps) * stepDecades), range);
  const rounded = clampValue(roundSignificant(target), range);
  return rounded === value && target !== value ? target : rounded;
}

/** Moves one decade up (+1) or down (−1), clamped. */
export function decadeStep(value: number, range: LogRange, direction: 1 | -1): number {
  return clampValue(value * 10 ** direction, range);
}

/** What a key does to a log slider, or null when the slider ignores it. */
export function keyAction(key: string, value: number, range: LogRange): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return logStep(value, range, 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return logStep(value, range, -1);
    case 'PageUp':
      return decadeStep(value, range, 1);
    case 'PageDown':
      return decadeStep(value, range, -1);
    case 'Home':
      return range.min;
    case 'End':
      return range.max;
    default:
      return null;
  }
}

/** The result of reading a typed value. */
export type TypedValue = { ok: true; value: number; clamped: boolean } | { ok: false; message: string };

/**
 * Joins a suffix written after a space to its number, "7 B" → "7B" (also a no-break or thin space, as prose and
 * the lessons write sizes); everything else is left for parseQuantity to read or refuse. Only the typed fields do
 * this: the command line and the CSV reader keep parseQuantity's stricter grammar.
 */
export function joinSpacedSuffix(text: string): string {
  return text.trim().replace(/^([+-]?[\d.,]*\d\.?)\s+([a-zA-Z])$/u, '$1$2');
}

/** Reads a typed quantity (7e9, 7B, 7 B, 1.4T, 2.56e19, 12,000), clamped into the range. */
export function parseTypedValue(text: string, range: LogRange, name: string): TypedValue {
  let value: number;
  try {
    value = parseQuantity(joinSpacedSuffix(text), name);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (value <= 0) return { ok: false, message: `${name}: must be positive` };
  const clamped = clampValue(value, range);
  return { ok: true, value: clamped, clamped: clamped !== value };
}

/** How a slider value is written next to it and read by screen readers. */
export function formatSliderValue(value: number): string {
  return formatQuantity(value, { digits: 3 });
}
