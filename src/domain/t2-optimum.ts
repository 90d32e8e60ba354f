/**
 * The T² optimum (Roberts et al. 2026, arXiv:2604.01411; laws.md §0 and §2): the (N, D, k) that gives the best
 * quality when both budgets bind, 6·N·D = C_train and 2·N·k = C_inf (FLOPs per token served). For a given N,
 * D = C_train/(6N) and k = C_inf/(2N), so the optimum is a one-dimensional search over log N. Samples are
 * continuous and at least `minSamples` (default 1), so N ≤ C_inf/(2·minSamples); N ≥ 1.
 * - Approach 1 (task NLL, lower is better): the loss in x = ln N is a sum of exponentials
 *   A·e^(−αx) + B'·e^(βx) + G'·e^(γx) + E, hence convex; its stationary point solves an increasing equation that
 *   Newton's method finds in a few steps, then it is clipped to the feasible interval (exact for a convex function).
 * - Approach 2 (pass@k accuracy, higher is better): not convex in general; a coarse scan over ln N then Brent's
 *   method on the best bracket (assumes the accuracy is unimodal at the scan's resolution, 16 points); an optimum
 *   on the edge N = C_inf/(2·minSamples) is recognised directly.
 * The lifetime view (one budget 6ND + 2NkT, laws.md §0) is in t2-lifetime.ts and re-exported here.
 */
import { DomainError, assertPositive } from './errors';
import { minimize1d } from './optim/minimize1d';
import { assertT2Approach1Constants } from './t2-approach1';
import { assertT2Approach2Constants, t2LogFailureFromLoss } from './t2-approach2';
import type { T2Approach1Constants, T2Approach2Constants } from './constants-types';
import type { Flops, Params, Samples, Tokens } from './units';

/** Which T² law: 1 = task NLL (minimised), 2 = pass@k accuracy (maximised). */
export type T2Approach = 1 | 2;

/** A design (N, D, k) and its quality. */
export interface T2Optimum {
  /** N (parameters). */
  params: Params;
  /** D (training tokens). */
  tokens: Tokens;
  /** k (samples per question, continuous). */
  samples: Samples;
  /** D/N. */
  tokensPerParam: number;
  /** Task NLL in nats (Approach 1) or pass@k accuracy in [0, 1] (Approach 2). */
  value: number;
}

/** Options of the optimum searches. */
export interface T2OptimumOptions {
  /** Least samples per question allowed (default 1; > 0, may be fractional if the user allows it). */
  minSamples?: number;
}

/** Points of the coarse scan of Approach 2 before Brent refines the best bracket. */
export const T2_APPROACH2_SCAN_POINTS = 16;
const NEWTON_MAX_STEPS = 60;

/** Feasible range of x = ln N for two budgets: [0, ln(C_inf/(2·minSamples))]. Throws if it is empty. */
export function t2LogParamsRange(inferenceFlops: Flops, minSamples = 1): [number, number] {
  assertPositive('inference FLOPs per token', inferenceFlops);
  assertPositive('minimum samples', minSamples);
  const hi = Math.log(inferenceFlops / (2 * minSamples));
  if (!(hi > 0)) {
    throw new DomainError(`inference budget ${inferenceFlops} FLOPs per token cannot draw ${minSamples} sample(s) even from a 1-parameter model`);
  }
  return [0, hi];
}

/**
 * Unconstrained stationary point x* = ln N* of the Approach 1 loss at budgets (C_train, C_inf): the root of
 * h(x) = LSE(ln(βB) − β·ln(C_train/6) + βx, ln(γG) − γ·ln(C_inf/2) + γx) − (ln(αA) − αx), which is convex and
 * increasing (slope between α + min(β, γ) and α + max(β, γ)), so Newton's method converges from the Chinchilla guess.
 */
export function t2Approach1StationaryLogParams(c: T2Approach1Constants, logHalfTrain: number, logHalfInf: number): number {
  const la = Math.log(c.alpha * c.A);
  const lb = Math.log(c.beta * c.B) - c.beta * logHalfTrain;
  const lg = Math.log(c.gamma * c.G) - c.gamma * logHalfInf;
  let x = (la - lb) / (c.alpha + c.beta);
  for (let i = 0; i < NEWTON_MAX_STEPS; i++) {
    const u2 = lb + c.beta * x;
    const u3 = lg + c.gamma * x;
    const m = Math.max(u2, u3);
    const e2 = Math.exp(u2 - m);
    const e3 = Math.exp(u3 - m);
    const s = e2 + e3;
    const h = m + Math.log(s) - la + c.alpha * x;
    const slope = c.alpha + (c.beta * e2 + c.gamma * e3) / s;
    const step = h / slope;
    x -= step;
    if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

function design(params: Params, trainFlops: Flops, inferenceFlops: Flops, value: number): T2Optimum {
  const tokens = trainFlops / (6 * params);
  return { params, tokens, samples: inferenceFlops / (2 * params), tokensPerParam: tokens / params, value };
}

function approach1Optimum(c: T2Approach1Constants, trainFlops: Flops, inferenceFlops: Flops, minSamples: number): T2Optimum {
  const [lo, hi] = t2LogParamsRange(inferenceFlops, minSamples);
  const x = Math.min(hi, Math.max(lo, t2Approach1StationaryLogParams(c, Math.log(trainFlops / 6), Math.log(inferenceFlops / 2))));
  const params = Math.exp(x);
  const tokens = trainFlops / (6 * params);
  const samples = inferenceFlops / (2 * params);
  return design(params, trainFlops, inferenceFlops, c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta + c.G / samples ** c.gamma);
}

/**
 * ln(1 − accuracy) at x = ln N with both budgets binding (ln(C_train/6) and ln(C_inf/2) given); minimised. The log
 * failure rate has the same minimiser as −accuracy but keeps resolution when the accuracy saturates near 1.
 */
function approach2Objective(c: T2Approach2Constants, logHalfTrain: number, logHalfInf: number): (x: number) => number {
  return (x: number) => {
    const loss = c.E + c.A * Math.exp(-c.alpha * x) + c.B * Math.exp(c.beta * (x - logHalfTrain));
    return Math.max(-1e300, t2LogFailureFromLoss(c, loss, Math.exp(logHalfInf - x))); // finite for Brent
  };
}

/** Step of the warm-started bracket search (nats of ln N). */
const WARM_STEP = 0.25;

/**
 * Minimises f on [lo, hi]: a bracket around `guess` found by walking downhill with doubling steps (warm start), or
 * a coarse scan of the whole interval; then Brent inside the bracket. An optimum on an end of the interval (the
 * budget constraint binding) is recognised directly instead of being approached by Brent.
 */
function searchLogParams(f: (x: number) => number, lo: number, hi: number, guess?: number): { x: number; value: number } {
  let a: number;
  let b: number;
  let best: number;
  let fBest: number;
  if (guess === undefined || !(guess >= lo && guess <= hi)) {
    const step = (hi - lo) / (T2_APPROACH2_SCAN_POINTS - 1);
    best = lo;
    fBest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < T2_APPROACH2_SCAN_POINTS; i++) {
      const x = i === T2_APPROACH2_SCAN_POINTS - 1 ? hi : lo + i * step;
      const y = f(x);
      if (y < fBest) { best = x; fBest = y; }
    }
    a = Math.max(lo, best - step);
    b = Math.min(hi, best + step);
  } else {
    // Walk downhill from the guess with doubling steps; the minimum lies between the last two points passed.
    fBest = f(guess);
    const up = Math.min(hi, guess + WARM_STEP);
    const fUp = f(up);
    const dir = fUp < fBest ? 1 : -1;
    let behind = dir === 1 ? guess : up;
    best = dir === 1 ? up : guess;
    if (dir === 1) fBest = fUp;
    let ahead = best;
    for (let step = WARM_STEP; ; step *= 2) {
      const next = Math.min(hi, Math.max(lo, best + dir * step));
      if (next === best) break;
      const fNext = f(next);
      ahead = next;
      if (!(fNext < fBest)) break;
      behind = best;
      best = next;
      fBest = fNext;
      ahead = best;
    }
    a = Math.min(behind, ahead);
    b = Math.max(behind, ahead);
  }
  for (const edge of [lo, hi]) {
    if (best === edge) {
      // Probe 1/1000 of the bracket inside: far enough to rise above the ~1e-16 rounding noise of the log failure
      // rate even where the accuracy is ~1e-10, near enough that a maximum hidden there is worth nothing measurable.
      const probe = 1e-3 * Math.max(b - a, 1e-6);
      const inside = edge === lo ? edge + probe : edge - probe;
      if (f(inside) >= fBest) return { x: edge, value: fBest };
    }
  }
  const refined = minimize1d(f, a, b, 1e-8);
  return refined.value <= fBest ? { x: refined.x, value: refined.value } : { x: best, value: fBest };
}

function approach2Optimum(
  c: T2Approach2Constants, trainFlops: Flops, inferenceFlops: Flops, minSamples: number, guess?: number,
): T2Optimum {
  const [lo, hi] = t2LogParamsRange(inferenceFlops, minSamples);
  const f = approach2Objective(c, Math.log(trainFlops / 6), Math.log(inferenceFlops / 2));
  const best = searchLogParams(f, lo, hi, guess);
  return design(Math.exp(best.x), trainFlops, inferenceFlops, Math.min(1, Math.max(0, -Math.expm1(best.value))));
}

/**
 * The best design when both budgets bind (T², laws.md §2): D = C_train/(6N), k = C_inf/(2N), k ≥ minSamples.
 * Approach 1 minimises task NLL (value in nats); Approach 2 maximises pass@k accuracy (value in [0, 1]).
 * @param trainFlops C_train (FLOPs, > 0). @param inferenceFlops C_inf (FLOPs per token served, > 0).
 */
export function t2Optimum(approach: 1, c: T2Approach1Constants, trainFlops: Flops, inferenceFlops: Flops, opts?: T2OptimumOptions): T2Optimum;
export function t2Optimum(approach: 2, c: T2Approach2Constants, trainFlops: Flops, inferenceFlops: Flops, opts?: T2OptimumOptions): T2Optimum;
export function t2Optimum(approach: T2Approach, c: T2Approach1Constants | T2Approach2Constants, trainFlops: Flops, inferenceFlops: Flops, opts?: T2OptimumOptions): T2Optimum;
export function t2Optimum(
  approach: T2Approach, c: T2Approach1Constants | T2Approach2Constants, trainFlops: Flops, inferenceFlops: Flops,
  opts: T2OptimumOptions = {},
): T2Optimum {
  assertPositive('training FLOPs', trainFlops);
  assertPositive('inference FLOPs per token', inferenceFlops);
  const minSamples = opts.minSamples ?? 1;
  if (approach === 1) {
    assertT2Approach1Constants(c as T2Approach1Constants);
    return approach1Optimum(c as T2Approach1Constants, trainFlops, inferenceFlops, minSamples);
  }
  if (approach === 2) {
    assertT2Approach2Constants(c as T2Approach2Constants);
    return approach2Optimum(c as T2Approach2Constants, trainFlops, inferenceFlops, minSamples);
  }
  throw new DomainError(`unknown T² approach ${String(approach)} (expected 1 or 2)`);
}

/** Optima over a grid of budgets, as flat arrays (row i = inference budget i, column j = training budget j). */
export interface T2OptimumGrid {
  /** Number of training budgets (columns). */
  width: number;
  /** Number of inference budgets (rows). */
  height: number;
  /** N at index i·width + j (parameters). */
  params: Float64Array;
  /** D (tokens). */
  tokens: Float64Array;
  /** k (samples). */
  samples: Float64Array;
  /** Loss (Approach 1, nats) or accuracy (Approach 2). */
  value: Float64Array;
}

/**
 * The two-budget optimum at every pair of a grid of budgets, for the frontier map: entry i·width + j is the optimum
 * at (trainFlops[j], inferenceFlops[i]); results go into Float64Arrays that a worker can transfer. Approach 1 is
 * exactly t2Optimum per cell. Approach 2 scans only the first cell of each row and then warm-starts each cell's
 * bracket search from its neighbour's optimum, so it assumes the optimum moves continuously along a row (the same
 * local maximum); pass training budgets in increasing order.
 */
export function t2OptimumGrid(
  approach: T2Approach, c: T2Approach1Constants | T2Approach2Constants,
  trainFlops: ArrayLike<Flops>, inferenceFlops: ArrayLike<Flops>, opts: T2OptimumOptions = {},
): T2OptimumGrid {
  const width = trainFlops.length;
  const height = inferenceFlops.length;
  const out: T2OptimumGrid = {
    width, height, params: new Float64Array(width * height), tokens: new Float64Array(width * height),
    samples: new Float64Array(width * height), value: new Float64Array(width * height),
  };
  const minSamples = opts.minSamples ?? 1;
  if (approach === 2) assertT2Approach2Constants(c as T2Approach2Constants);
  for (let i = 0; i < height; i++) {
    let guess: number | undefined;
    for (let j = 0; j < width; j++) {
      let o: T2Optimum;
      if (approach === 2) {
        assertPositive('training FLOPs', trainFlops[j]!);
        o = approach2Optimum(c as T2Approach2Constants, trainFlops[j]!, inferenceFlops[i]!, minSamples, guess);
        guess = Math.log(o.params);
      } else {
        o = t2Optimum(approach, c, trainFlops[j]!, inferenceFlops[i]!, opts);
      }
      const at = i * width + j;
      out.params[at] = o.params;
      out.tokens[at] = o.tokens;
      out.samples[at] = o.samples;
      out.value[at] = o.value;
    }
  }
  return out;
}

export { t2LifetimeOptimum, type T2LifetimeOptimum } from './t2-lifetime';
