/**
 * A displayed table cell read back as a number and its unit (issue 13 item 6: CSV and JSON hold numbers, not display
 * strings such as "1.67k" or "3.490 nats"), pure. Counts with suffixes go through the app's own parser
 * (domain/quantity parseQuantity), so the number is exactly what the screen rounded to; percentages become fractions.
 * A cell that is not a number ("—", a name) gives null.
 */
import { parseQuantity } from '../domain/quantity';

export interface NumericCell {
  value: number;
  /** "nats", "fraction", "USD", "ratio", "OOM" or '' (a plain count or FLOPs: the column or row says which). */
  unit: string;
}

const UNIT_WORDS: Readonly<Record<string, string>> = { nats: 'nats', nat: 'nats', oom: 'OOM' };

export function numericCell(text: string): NumericCell | null {
  let t = text.trim().replace(/\s*\[extrapolated\]$/, '');
  if (t === '' || t === '—') return null;
  let unit = '';
  let scale = 1;
  if (t.startsWith('$')) {
    unit = 'USD';
    t = t.slice(1);
  }
  if (/%$/.test(t)) {
    unit = 'fraction';
    scale = 0.01;
    t = t.slice(0, -1).trim();
  } else if (/×$/.test(t)) {
    unit = 'ratio';
    t = t.slice(0, -1).trim();
  }
  const word = /^(.*\S)\s+([A-Za-z]+)$/.exec(t);
  if (word && UNIT_WORDS[word[2]!.toLowerCase()]) {
    unit = UNIT_WORDS[word[2]!.toLowerCase()]!;
    t = word[1]!;
  }
  if (t.startsWith('> ')) return null; // a capped ratio ("> 1,000,000×") is not one number
  try {
    const v = parseQuantity(t) * scale;
    return Number.isFinite(v) ? { value: scale === 1 ? v : Number(v.toPrecision(12)), unit } : null;
  } catch {
    return null;
  }
}
