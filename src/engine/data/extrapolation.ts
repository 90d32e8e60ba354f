/**
 * Extrapolation marking (issue 12, item 4): where an answer of the explorer lies outside the data its constant set
 * was fitted on (the set's FittedRange: N, D, k, and D/N and C when recorded; src/domain/fitted-range.ts), for every
 * set with a range — public, testbed, illustrative or the user's own fit.
 * - `markOf`: one design (the current design, the optimum, Chinchilla's choice, …) → the dimensions it leaves;
 * - `fittedDistance`: over the frontier map's budget grid, how far the optimum at each pair of budgets lies from the
 *   fitted data (≤ 0 inside), so the chart can shade the fitted region with a smooth edge;
 * - `fittedRegionTokensPerParam`: the fitted region in the (training FLOPs, D/N) plane of chart 2, an exact convex
 *   polygon (in log–log every bound is a straight line: N = √(C/6r), D = √(Cr/6), laws.md §0).
 * Pure, over src/domain.
 */
import { qualityModel } from '../../domain/quality-models';
import type { FittedRange } from '../../domain/constants-types';
import { completeRange, rangeExcess, type RangeExcess } from '../../domain/fitted-range';
import type { DesignPoint, ExtrapolationMark, SetInfo } from '../explorer-data-types';
import type { LawPoint, QualityLaw } from './law';

/** The extrapolation mark of a design under `set`: empty `excess` (and null `text`) inside the fitted data. */
export function markOf(
  set: SetInfo,
  p: Pick<DesignPoint, 'params' | 'tokens' | 'samples'>,
  withSamples = true,
): ExtrapolationMark {
  const excess = rangeExcess(
    set.range,
    withSamples ? { params: p.params, tokens: p.tokens, samples: p.samples } : { params: p.params, tokens: p.tokens },
  );
  return { excess, text: excess.length === 0 ? null : `extrapolated: ${excess.map((e) => e.text).join('; ')}` };
}

/**
 * The readouts' marks: the design and the optimum (Sardana et al.'s lifetime optimum in the lifetime view); k counts
 * only under the T² models.
 */
export function readoutMarks(
  law: QualityLaw,
  design: DesignPoint,
  optimum: DesignPoint | null,
): { design: ExtrapolationMark; optimum: ExtrapolationMark | null } {
  const withSamples = qualityModel(law.model).usesSamples;
  return {
    design: markOf(law.set, design, withSamples),
    optimum: optimum ? markOf(law.set, optimum, withSamples) : null,
  };
}

/**
 * How far a design lies outside `range`: the largest |ln(value / nearest bound)| over the recorded dimensions it
 * leaves, and minus the smallest margin ln(value/min), ln(max/value) when inside (so ≤ 0 inside, 0 on the edge).
 */
export function rangeDistance(range: FittedRange, p: LawPoint): number {
  const full = completeRange(range);
  const dims: [number, [number, number] | undefined][] = [
    [p.params, full.params],
    [p.tokens, full.tokens],
    [p.samples, full.samples],
    [p.tokens / p.params, full.derived.includes('tokensPerParam') ? undefined : full.tokensPerParam],
    [6 * p.params * p.tokens, full.derived.includes('trainFlops') ? undefined : full.trainFlops],
  ];
  let d = -Infinity;
  for (const [v, r] of dims) {
    if (!r) continue;
    const lv = Math.log(v);
    d = Math.max(d, Math.log(r[0]) - lv, lv - Math.log(r[1]));
  }
  return d;
}

/**
 * `rangeDistance` of each optimum of the frontier grid (`optima[i + j·nx]`, as the quality grid), clamped to ±20 so
 * the contour stays finite; null when the set records no range.
 */
export function fittedDistance(range: FittedRange | undefined, optima: readonly LawPoint[]): Float64Array | null {
  if (!range) return null;
  return Float64Array.from(optima, (p) => Math.max(-20, Math.min(20, rangeDistance(range, p))));
}

type Pt = [number, number];

/** Keeps the part of a convex polygon where a·u + b·v ≤ c (Sutherland–Hodgman against one half-plane). */
function clip(poly: Pt[], a: number, b: number, c: number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    const fp = a * p[0] + b * p[1] - c;
    const fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/**
 * The fitted region in the (C_train, D/N) plane as polygon vertices (FLOPs, tokens per parameter), within the window
 * [10^lo, 10^hi] of training FLOPs: every (C, r) whose N = √(C/6r) and D = √(Cr/6) lie in the set's N and D ranges,
 * and r, C in its D/N and C ranges when recorded. Empty when the set has no range or the region misses the window.
 */
export function fittedRegionTokensPerParam(
  range: FittedRange | undefined,
  window: [number, number],
): { trainFlops: number[]; tokensPerParam: number[] } {
  if (!range) return { trainFlops: [], tokensPerParam: [] };
  const full = completeRange(range);
  const ln6 = Math.log(6);
  const [n0, n1] = full.params.map(Math.log) as Pt;
  const [d0, d1] = full.tokens.map(Math.log) as Pt;
  const [r0, r1] = full.tokensPerParam.map(Math.log) as Pt;
  const [c0, c1] = full.trainFlops.map(Math.log) as Pt;
  const u0 = Math.max(window[0] * Math.LN10, c0);
  const u1 = Math.min(window[1] * Math.LN10, c1);
  if (!(u1 > u0)) return { trainFlops: [], tokensPerParam: [] };
  // u = ln C, v = ln r: ln N = (u − ln 6 − v)/2, ln D = (u − ln 6 + v)/2.
  let poly: Pt[] = [
    [u0, r0],
    [u1, r0],
    [u1, r1],
    [u0, r1],
  ];
  poly = clip(poly, -1, 1, -2 * n0 - ln6); // ln N ≥ n0  ⇔  v − u ≤ −ln 6 − 2 n0
  poly = clip(poly, 1, -1, 2 * n1 + ln6); //           ln N ≤ n1  ⇔  u − v ≤ ln 6 + 2 n1
  poly = clip(poly, -1, -1, -2 * d0 - ln6); //         ln D ≥ d0  ⇔  −u − v ≤ −ln 6 − 2 d0
  poly = clip(poly, 1, 1, 2 * d1 + ln6); //            ln D ≤ d1  ⇔  u + v ≤ ln 6 + 2 d1
  if (poly.length < 3) return { trainFlops: [], tokensPerParam: [] };
  return { trainFlops: poly.map((p) => Math.exp(p[0])), tokensPerParam: poly.map((p) => Math.exp(p[1])) };
}

export type { RangeExcess };
