/**
 * Where a design lies relative to the data a constant set was fitted on (its FittedRange, ./constants-types.ts):
 * which recorded dimension — N (parameters), D (training tokens), k (samples per question), D/N (tokens per
 * parameter), C (training FLOPs 6ND, laws.md §0) — it leaves, on which side and by what factor. Outside the fitted
 * data a law extrapolates (laws.md §8: the T² paper's own test fits on D/N ≤ 40 and predicts D/N ≥ 80), so every
 * answer the app gives there is marked. Pure: numbers in, numbers and words out.
 */
import { DomainError, assertPositive } from './errors';
import type { FittedRange } from './constants-types';
import { formatQuantity } from './quantity';

/** A dimension a fitted range can record. */
export type RangeDimension = 'params' | 'tokens' | 'samples' | 'tokensPerParam' | 'trainFlops';

/** Dimensions in the order they are reported, with their symbol and noun. */
export const RANGE_DIMENSIONS: readonly { key: RangeDimension; symbol: string; noun: string }[] = [
  { key: 'params', symbol: 'N', noun: 'parameters' },
  { key: 'tokens', symbol: 'D', noun: 'training tokens' },
  { key: 'tokensPerParam', symbol: 'D/N', noun: 'tokens per parameter' },
  { key: 'samples', symbol: 'k', noun: 'samples per question' },
  { key: 'trainFlops', symbol: 'C', noun: 'training FLOPs' },
];

/** A design as the range check sees it: N, D and (optionally) k. Training FLOPs are 6ND (laws.md §0). */
export interface RangePoint {
  params: number;
  tokens: number;
  samples?: number;
}

/** One dimension in which a design leaves the fitted data. */
export interface RangeExcess {
  dimension: RangeDimension;
  /** "N", "D", "D/N", "k" or "C". */
  symbol: string;
  /** The design's value in that dimension (its unit: parameters, tokens, samples, tokens per parameter, FLOPs). */
  value: number;
  /** The fitted [min, max] of that dimension. */
  range: [number, number];
  direction: 'above' | 'below';
  /** How far outside, as a ratio > 1: value / max above, min / value below. */
  factor: number;
  /** E.g. "N 12× above the fitted range (70M–6.9B parameters)". */
  text: string;
}

/** A fitted range with every dimension filled in; `derived` names those implied by the N × D box (outer bounds). */
export interface CompleteRange {
  params: [number, number];
  tokens: [number, number];
  tokensPerParam: [number, number];
  trainFlops: [number, number];
  samples?: [number, number];
  derived: RangeDimension[];
}

function checkInterval(name: string, r: unknown): [number, number] {
  if (!Array.isArray(r) || r.length !== 2) throw new DomainError(`fitted range ${name} must be [min, max]`);
  const [lo, hi] = r as [number, number];
  assertPositive(`fitted range ${name} min`, lo);
  assertPositive(`fitted range ${name} max`, hi);
  if (lo > hi) throw new DomainError(`fitted range ${name}: min ${lo} exceeds max ${hi}`);
  return [lo, hi];
}

/**
 * The range with D/N and C filled in where the set does not record them: D/N ∈ [D_min/N_max, D_max/N_min] and
 * C ∈ [6·N_min·D_min, 6·N_max·D_max], the bounds the N × D box implies (wider than the fitted runs' own span).
 * @throws DomainError on an interval that is not [min, max] of positive finite numbers.
 */
export function completeRange(range: FittedRange): CompleteRange {
  const params = checkInterval('params', range.params);
  const tokens = checkInterval('tokens', range.tokens);
  const derived: RangeDimension[] = [];
  let tokensPerParam: [number, number];
  if (range.tokensPerParam) tokensPerParam = checkInterval('tokensPerParam', range.tokensPerParam);
  else {
    tokensPerParam = [tokens[0] / params[1], tokens[1] / params[0]];
    derived.push('tokensPerParam');
  }
  let trainFlops: [number, number];
  if (range.trainFlops) trainFlops = checkInterval('trainFlops', range.trainFlops);
  else {
    trainFlops = [6 * params[0] * tokens[0], 6 * params[1] * tokens[1]];
    derived.push('trainFlops');
  }
  const out: CompleteRange = { params, tokens, tokensPerParam, trainFlops, derived };
  if (range.samples) out.samples = checkInterval('samples', range.samples);
  return out;
}

/** "12×", "3.4×", "1.03×", "3.2e4×": a factor > 1 for a sentence (three digits below 2, so 1.03 is not "1.0"). */
export function formatExcessFactor(factor: number): string {
  if (!Number.isFinite(factor)) throw new DomainError(`cannot format a non-finite factor (${factor})`);
  if (factor < 2) return `${factor.toPrecision(3)}×`;
  return `${factor < 10 ? factor.toPrecision(2) : formatQuantity(factor, { digits: 2, suffixBelow: 1e4 })}×`;
}

/** Relative slack so that a design on a range's edge (up to rounding of 6ND) counts as inside. */
const EDGE = 1e-9;

/**
 * Every recorded dimension of `range` that `point` leaves, in RANGE_DIMENSIONS order; empty when it lies inside (or
 * when there is no range). D/N and C are checked only when the set records them (a box-implied bound adds nothing
 * to the N and D checks); k only when both the range and the point have it.
 * @throws DomainError on a non-positive N, D or k, or a malformed range.
 */
export function rangeExcess(range: FittedRange | undefined, point: RangePoint): RangeExcess[] {
  assertPositive('parameters N', point.params);
  assertPositive('training tokens D', point.tokens);
  if (point.samples !== undefined) assertPositive('samples per question k', point.samples);
  if (!range) return [];
  const full = completeRange(range);
  const values: Record<RangeDimension, number | undefined> = {
    params: point.params,
    tokens: point.tokens,
    samples: point.samples,
    tokensPerParam: point.tokens / point.params,
    trainFlops: 6 * point.params * point.tokens,
  };
  const out: RangeExcess[] = [];
  for (const { key, symbol, noun } of RANGE_DIMENSIONS) {
    const r = key === 'samples' ? full.samples : full.derived.includes(key) ? undefined : full[key];
    const v = values[key];
    if (!r || v === undefined) continue;
    const above = v > r[1] * (1 + EDGE);
    const below = v < r[0] * (1 - EDGE);
    if (!above && !below) continue;
    const factor = above ? v / r[1] : r[0] / v;
    const span = `${formatQuantity(r[0])}–${formatQuantity(r[1])} ${noun}`;
    out.push({
      dimension: key,
      symbol,
      value: v,
      range: r,
      direction: above ? 'above' : 'below',
      factor,
      text: `${symbol} ${formatExcessFactor(factor)} ${above ? 'above' : 'below'} the fitted range (${span})`,
    });
  }
  return out;
}
