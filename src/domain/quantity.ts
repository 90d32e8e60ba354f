/**
 * Reading and writing the large counts of the explorer (parameters, tokens, FLOPs) as people type them: "7e9", "7B",
 * "1.4T", "12,000". Pure; shared by the command-line interface, the CSV reader and the UI's numeric inputs
 * (architecture rule 7: parse, clamp, format with SI prefixes live in pure logic). Units are not checked here: the
 * caller knows whether the number is a count of parameters, tokens or FLOPs (laws.md §0).
 */
import { DomainError } from './errors';

/**
 * Multipliers of the suffixes `parseQuantity` accepts (case-insensitive): k thousand, M million, B or G billion,
 * T trillion, P quadrillion. Short-scale, as papers write model and data sizes ("7B params", "1.4T tokens").
 */
export const QUANTITY_SUFFIXES: Readonly<Record<string, number>> = Object.freeze({
  k: 1e3,
  m: 1e6,
  b: 1e9,
  g: 1e9,
  t: 1e12,
  p: 1e15,
});

/** Powers of ten of the suffixes, so "1.4T" is read as the decimal 1.4e12 exactly (no multiplication rounding). */
const SUFFIX_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({ k: 3, m: 6, b: 9, g: 9, t: 12, p: 15 });

/** Suffixes `formatQuantity` writes, largest first (lower-case k as in SI; B for billion as papers write it). */
const FORMAT_SUFFIXES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Sign, digits (optionally grouped by commas in threes), optional fraction, optional exponent, optional suffix. */
const QUANTITY_PATTERN = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?([a-zA-Z]?)$/;

/**
 * Parses a quantity typed by a person: plain or scientific notation ("2.56e19"), an SI-style suffix ("7B", "1.4T",
 * "70M", "1.5k"; see QUANTITY_SUFFIXES), thousands separators in groups of three ("12,000") and surrounding
 * whitespace. Signs are kept: deciding whether a negative value is allowed is the caller's job.
 *
 * @param text what was typed.
 * @param name what the value is, used in the error message (e.g. "--params").
 * @returns the finite number.
 * @throws DomainError naming `name` and the text, for empty input, unknown suffixes, stray characters, misplaced
 *   commas ("1,5"), or values that overflow to Infinity.
 */
export function parseQuantity(text: string, name = 'value'): number {
  const trimmed = text.trim();
  const fail = (why: string): never => {
    throw new DomainError(`${name}: ${why} (got ${JSON.stringify(text)}); write a number such as 7e9, 7B or 1.4T`);
  };
  if (trimmed === '') fail('empty value');
  const match = QUANTITY_PATTERN.exec(trimmed);
  if (!match) fail('not a number');
  const [, sign, whole, fraction, exponent, suffix] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string | undefined,
    string,
  ];
  if (whole === '' && (fraction === undefined || fraction === '')) fail('not a number');
  let shift = 0;
  if (suffix !== '') {
    if (exponent !== undefined) fail('use either an exponent or a suffix, not both');
    const s = SUFFIX_EXPONENTS[suffix.toLowerCase()];
    if (s === undefined) fail(`unknown suffix "${suffix}" (use k, M, B, G, T or P)`);
    shift = s as number;
  }
  const mantissa = `${sign}${whole.replaceAll(',', '') || '0'}.${fraction ?? ''}0`;
  const value = Number(`${mantissa}e${Number(exponent ?? '0') + shift}`);
  if (!Number.isFinite(value)) fail('too large');
  return value === 0 ? 0 : value; // normalise −0
}

/** Options of `formatQuantity`. */
export interface FormatQuantityOptions {
  /** Significant digits kept (1–15; default 3). Trailing zeros are dropped: 7.00e9 → "7B". */
  digits?: number;
  /**
   * Largest magnitude written with a suffix (default 1e15, so up to "999T"). At or above it, and below 1e-3, the
   * number is written in compact scientific notation ("2.56e19"), as FLOP counts usually are. Pass 1e3 to write
   * every number from 1,000 up in scientific notation.
   */
  suffixBelow?: number;
}

/** Rounds to `digits` significant digits and drops trailing zeros of the mantissa: 1.2300 → "1.23". */
function trimDigits(value: number, digits: number): string {
  // String() of the rounded number never uses exponent notation below 1e21, unlike toPrecision (100 → "1.0e+2").
  return String(Number(value.toPrecision(digits)));
}

/** Scientific notation without a '+' sign or trailing zeros: 2.56e19, 1e-4. */
function scientific(value: number, digits: number): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e') as [string, string];
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${m}e${exponent.replace('+', '')}`;
}

/**
 * Writes a number for display with an SI-style suffix: 7e9 → "7B", 1.4e12 → "1.4T", 1500 → "1.5k", 42 → "42";
 * large or tiny values in compact scientific notation: 2.56e19 → "2.56e19". The output always parses back with
 * `parseQuantity` to the input rounded to `digits` significant digits.
 *
 * @throws DomainError for NaN or ±Infinity (they must never reach a person).
 */
export function formatQuantity(value: number, options: FormatQuantityOptions = {}): string {
  if (!Number.isFinite(value)) throw new DomainError(`cannot format a non-finite number (${value})`);
  const digits = Math.min(15, Math.max(1, Math.round(options.digits ?? 3)));
  const suffixBelow = options.suffixBelow ?? 1e15;
  if (value === 0) return '0';
  if (value < 0) return `-${formatQuantity(-value, options)}`;
  // Round first so 999.96 becomes "1k", not "1000".
  const rounded = Number(value.toPrecision(digits));
  if (rounded >= suffixBelow || rounded < 1e-3) return scientific(rounded, digits);
  for (const [scale, suffix] of FORMAT_SUFFIXES) {
    if (rounded >= scale) return `${trimDigits(rounded / scale, digits)}${suffix}`;
  }
  return trimDigits(rounded, digits);
}

/** Ratios at or above this read as "> 1,000,000×" (beyond it the exact figure means nothing to a reader). */
export const RATIO_CAP = 1e6;

/**
 * A ratio (≥ 0) as people write it, without the "×": two significant digits, thousands separated, capped:
 * 3.24 → "3.2", 59.3 → "59", 1234 → "1,200", 59315878 → "> 1,000,000". Non-finite or negative → "—".
 */
// One formatter, made once: Number#toLocaleString builds a new Intl.NumberFormat on every call, which made the ratio
// readouts a large part of a slider move's render (issue 17). Same output as toLocaleString('en-US', …).
const WHOLE_EN_US = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatRatio(value: number): string {
  if (!Number.isFinite(value) || value < 0) return '—';
  if (value >= RATIO_CAP) return `> ${WHOLE_EN_US.format(RATIO_CAP)}`;
  if (value < 10) return value.toPrecision(2);
  const digits = Math.floor(Math.log10(value)) + 1;
  const step = 10 ** (digits - 2);
  const rounded = Math.round(value / step) * step;
  return rounded >= RATIO_CAP ? `> ${WHOLE_EN_US.format(RATIO_CAP)}` : WHOLE_EN_US.format(rounded);
}

/** Dollars as people write them: "$14", "$2.3k", "$1.4M"; two significant digits below $10; compact below a cent. */
export function formatDollars(value: number, digits = 2): string {
  if (!Number.isFinite(value) || value < 0) return '—';
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toExponential(digits - 1)}`;
  if (value < 10) return `$${value.toPrecision(digits)}`;
  return `$${formatQuantity(value, { digits })}`;
}
