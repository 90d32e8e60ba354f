/** Reading the money view's typed fields (pure): a price per GPU-hour ("" = the preset) and an MFU in percent. */
import { parseQuantity } from '../domain/quantity';
import type { DraftRead } from './useDraftField';

/** Most a price per GPU-hour may be, as in the URL schema (key pt / ps). */
export const MAX_PRICE = 1000;

/** A price in dollars per GPU-hour: "", "preset" → 0 (the GPU's preset); "$2.50", "2.5" → 2.5; up to MAX_PRICE. */
export function parsePrice(text: string): DraftRead {
  const t = text
    .trim()
    .replace(/^\$/, '')
    .replace(/\s*(\/\s*h(ou)?r?|per\s+(gpu-)?hour)$/i, '');
  if (t === '' || /^preset$/i.test(t)) return { ok: true, value: 0 };
  let v: number;
  try {
    v = parseQuantity(t, 'price per GPU-hour');
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (!(v > 0)) return { ok: false, message: 'price per GPU-hour: must be positive (leave it empty for the preset)' };
  if (v > MAX_PRICE) return { ok: false, message: `price per GPU-hour: at most $${MAX_PRICE}` };
  return { ok: true, value: v };
}

/** A utilisation typed in percent ("37.5", "37.5 %") → a share in [0.01, 1]. */
export function parsePercent(text: string): DraftRead {
  const t = text.trim().replace(/\s*%$/, '');
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) return { ok: false, message: 'MFU: type a percentage, e.g. 37.5' };
  if (v < 1 || v > 100) return { ok: false, message: 'MFU: between 1 % and 100 %' };
  return { ok: true, value: v / 100 };
}
