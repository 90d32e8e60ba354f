/**
 * The Plan Early view's inputs (./plan-early.ts, Grangier et al. 2024, arXiv:2402.01093; laws.md §7) as one URL value:
 * domains, inference tokens per domain, then the large option's generic and per-domain tokens and the small option's,
 * joined by '_' ("100_10_100_1_0_20"; token counts in 1e9 tokens). The defaults and bounds are OURS (assumptions, not
 * the paper's), declared once here and read by the URL schema (src/store/url), the panel and the lessons. Pure.
 */
import { DomainError } from './errors';
import type { PlanEarlyInput } from './plan-early';

/**
 * Our defaults (assumptions, not the paper's): 100 domains serving 10 B tokens each; a 100 B-token generic pretraining
 * with 1 B-token fine-tunes for the large model; 20 B importance-sampled tokens per small model. There the large model
 * is just cheaper (break-even ≈ 14.8 B tokens per domain), so a person sees the line crossed by raising the volume.
 */
export const PLAN_EARLY_DEFAULT_INPUT: PlanEarlyInput = Object.freeze({
  domains: 100,
  inferenceTokens: 10,
  large: Object.freeze({ genericTokens: 100, specialisationTokens: 1 }),
  small: Object.freeze({ genericTokens: 0, specialisationTokens: 20 }),
});

/** One number of the value, in URL order. */
interface Slot {
  label: string;
  min: number;
  max: number;
  integer: boolean;
  get(i: PlanEarlyInput): number;
}

/**
 * The six numbers in URL order with their bounds (ours: wide enough for any plan the chart can show, 1–1e5 domains
 * and at most 1e6 × 1e9 = 1e15 tokens per count).
 */
export const PLAN_EARLY_SLOTS: readonly Slot[] = Object.freeze([
  { label: 'domains', min: 1, max: 1e5, integer: true, get: (i) => i.domains },
  { label: 'inference tokens per domain (1e9)', min: 0, max: 1e6, integer: false, get: (i) => i.inferenceTokens },
  {
    label: 'large: generic pretraining (1e9 tokens)',
    min: 0,
    max: 1e6,
    integer: false,
    get: (i) => i.large.genericTokens,
  },
  {
    label: 'large: fine-tuning per domain (1e9 tokens)',
    min: 0,
    max: 1e6,
    integer: false,
    get: (i) => i.large.specialisationTokens,
  },
  {
    label: 'small: shared pretraining (1e9 tokens)',
    min: 0,
    max: 1e6,
    integer: false,
    get: (i) => i.small.genericTokens,
  },
  {
    label: 'small: specialisation per domain (1e9 tokens)',
    min: 0,
    max: 1e6,
    integer: false,
    get: (i) => i.small.specialisationTokens,
  },
]);

function fromNumbers([domains, inferenceTokens, lg, ls, sg, ss]: number[]): PlanEarlyInput {
  return {
    domains: domains!,
    inferenceTokens: inferenceTokens!,
    large: { genericTokens: lg!, specialisationTokens: ls! },
    small: { genericTokens: sg!, specialisationTokens: ss! },
  };
}

/** Throws a DomainError naming the first number of `input` that is not finite, not whole where it must be, or out of bounds. */
export function assertPlanEarlyInput(input: PlanEarlyInput): void {
  for (const s of PLAN_EARLY_SLOTS) {
    const v = s.get(input);
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new DomainError(`Plan Early ${s.label} must be a finite number (got ${String(v)})`);
    if (s.integer && !Number.isInteger(v))
      throw new DomainError(`Plan Early ${s.label} must be a whole number (got ${v})`);
    if (v < s.min || v > s.max)
      throw new DomainError(`Plan Early ${s.label} must lie in [${s.min}, ${s.max}] (got ${v})`);
  }
}

/** True when `input` is absent or equal to PLAN_EARLY_DEFAULT_INPUT in every number (links then omit the key). */
export function isDefaultPlanEarly(input: PlanEarlyInput | undefined): boolean {
  return input === undefined || PLAN_EARLY_SLOTS.every((s) => s.get(input) === s.get(PLAN_EARLY_DEFAULT_INPUT));
}

/** Shortest text that reads back to the same double. */
function num(x: number): string {
  const plain = String(x);
  const sci = x.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/** The URL value of `input` ("100_10_100_1_0_20"). */
export function encodePlanEarly(input: PlanEarlyInput): string {
  return PLAN_EARLY_SLOTS.map((s) => num(s.get(input))).join('_');
}

/** What decoding a URL value gives. */
export type PlanEarlyDecode = { ok: true; value: PlanEarlyInput; warning?: string } | { ok: false; reason: string };

/**
 * Reads a URL value: exactly six numbers. A number outside its bounds is clamped, and a fractional number of domains
 * rounded, each named in `warning`; a wrong count or a non-number is refused (the caller keeps the defaults). The
 * reasons never repeat the raw text (the caller echoes it once, cut short).
 */
export function decodePlanEarly(raw: string): PlanEarlyDecode {
  const parts = raw.split('_');
  if (parts.length !== PLAN_EARLY_SLOTS.length) {
    return {
      ok: false,
      reason: `expected ${PLAN_EARLY_SLOTS.length} numbers joined by "_" (domains, inference, large generic, large per domain, small shared, small per domain), got ${parts.length}`,
    };
  }
  const values: number[] = [];
  const changed: string[] = [];
  for (let i = 0; i < PLAN_EARLY_SLOTS.length; i++) {
    const s = PLAN_EARLY_SLOTS[i]!;
    const text = parts[i]!;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(Number(text)))
      return { ok: false, reason: `${s.label} is not a number` };
    const x = Number(text);
    let v = Math.min(s.max, Math.max(s.min, x));
    if (v !== x) changed.push(`${s.label} outside ${num(s.min)}–${num(s.max)}, set to ${num(v)}`);
    if (s.integer && !Number.isInteger(v)) {
      v = Math.round(v);
      changed.push(`${s.label} rounded to ${v}`);
    }
    values.push(v);
  }
  const value = fromNumbers(values);
  return changed.length ? { ok: true, value, warning: changed.join('; ') } : { ok: true, value };
}
