/**
 * The T² optimum (Roberts et al. 2026, arXiv:2604.01411; laws.md §0 and §2): the (N, D, k) that gives the best
 * quality when both budgets bind, 6·N·D = C_train and 2·N·k = C_inf (FLOPs per token served). For a given N,
 * D = C_train/(6N) and k = C_inf/(2N), so the optimum is a one-dimensional search over log N. Samples are
 * continuous and at least `minSamples` (default 1), so N ≤ C_inf/(2·minSamples); N ≥ 1.
 * - Approach 1 (task NLL, lower is better): the loss in x = ln N is a sum of exponentials
 *   A·e^(−αx) + B'·e^(βx) + G'·e^(γx) + E, hence convex; its stationary point solves an increasing equation that
 *   Newton's method finds in a few steps, then it is clipped to the feasible interval (exact for a convex function).
 * - Approach 2 (pass@k accuracy, higher is better): not unimodal in general (with θ4 > 0 two sizes can both be local
 *   maxima), so the search is global: a scan of ln N every 0.5 nats (ends included), Brent's method on EVERY local
 *   optimum of the scan, the best kept (t2-optimum-search.ts). A rigorous upper bound of the accuracy on each bracket
 *   (accuracy rises with a = μν and k and falls with b = (1 − μ)ν) skips brackets that cannot win; an optimum on the
 *   edge N = C_inf/(2·minSamples) is recognised directly.
 * The lifetime view (one budget 6ND + 2NkT, laws.md §0) is in t2-lifetime.ts and re-exported here.
 */
import { DomainError, assertPositive } from './errors';
import { globalMinimize1d } from './t2-optimum-search';
import { assertT2Approach1Constants } from './t2-approach1';
import { assertT2Approach2Constants, t2LogFailureFromBeta, t2LogFailureFromLoss } from './t2-approach2';
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

export { T2_SCAN_STEP } from './t2-optimum-search';
const NEWTON_MAX_STEPS = 60;

/** Feasible range of x = ln N for two budgets: [0, ln(C_inf/(2·minSamples))]. Throws if it is empty. */
export function t2LogParamsRange(inferenceFlops: Flops, minSamples = 1): [number, number] {
  assertPositive('inference FLOPs per token', inferenceFlops);
  assertPositive('minimum samples', minSamples);
  const hi = Math.log(inferenceFlops / (2 * minSamples));
  if (!(hi > 0)) {
    throw new DomainError(
      `inference budget ${inferenceFlops} FLOPs per token cannot draw ${minSamples} sample(s) even from a 1-parameter model`,
    );
  }
  return [0, hi];
}

/**
 * Unconstrained stationary point x* = ln N* of the Approach 1 loss at budgets (C_train, C_inf): the root of
 * h(x) = LSE(ln(βB) − β·ln(C_train/6) + βx, ln(γG) − γ·ln(C_inf/2) + γx) − (ln(αA) − αx), which is convex and
 * increasing (slope between α + min(β, γ) and α + max(β, γ)), so Newton's method converges from the Chinchilla guess.
 */
export function t2Approach1StationaryLogParams(
  c: T2Approach1Constants,
  logHalfTrain: number,
  logHalfInf: number,
): number {
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

function approach1Optimum(
  c: T2Approach1Constants,
  trainFlops: Flops,
  inferenceFlops: Flops,
  minSamples: number,
): T2Optimum {
  const [lo, hi] = t2LogParamsRange(inferenceFlops, minSamples);
  const x = Math.min(
    hi,
    Math.max(lo, t2Approach1StationaryLogParams(c, Math.log(trainFlops / 6), Math.log(inferenceFlops / 2))),
  );
  const params = Math.exp(x);
  const tokens = trainFlops / (6 * params);
  const samples = inferenceFlops / (2 * params);
  return design(
    params,
    trainFlops,
    inferenceFlops,
    c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta + c.G / samples ** c.gamma,
  );
}

/**
 * ln(1 − accuracy) at x = ln N with both budgets binding (ln(C_train/6) and ln(C_inf/2) given); minimised. The log
 * failure rate has the same minimiser as −accuracy but keeps resolution when the accuracy saturates near 1.
 */
export function approach2Objective(
  c: T2Approach2Constants,
  logHalfTrain: number,
  logHalfInf: number,
): (x: number) => number {
  return (x: number) => {
    const loss = c.E + c.A * Math.exp(-c.alpha * x) + c.B * Math.exp(c.beta * (x - logHalfTrain));
    return Math.max(-1e300, t2LogFailureFromLoss(c, loss, Math.exp(logHalfInf - x))); // finite for Brent
  };
}

/**
 * A lower bound of the Approach 2 objective ln(1 − Acc) on [x1, x2] (x = ln N, both budgets binding): the accuracy
 * rises with a = μν and with k and falls with b = (1 − μ)ν (Beta stochastic order), so it is at most the accuracy at
 * a = μmax·νmax, b = (1 − μmax)·νmin, k = k(x1). The stage-1 loss is convex in x, so its range on the bracket comes
 * from the ends and its stationary point; μ falls with the loss (θ1 > 0) and ν is monotone in it.
 */
export function approach2Bound(
  c: T2Approach2Constants,
  logHalfTrain: number,
  logHalfInf: number,
): (x1: number, x2: number) => number {
  const loss = (x: number) => c.E + c.A * Math.exp(-c.alpha * x) + c.B * Math.exp(c.beta * (x - logHalfTrain));
  const xStar = (Math.log(c.alpha * c.A) - Math.log(c.beta * c.B) + c.beta * logHalfTrain) / (c.alpha + c.beta);
  return (x1: number, x2: number) => {
    const l1 = loss(x1);
    const l2 = loss(x2);
    const lMin = xStar > x1 && xStar < x2 ? Math.min(l1, l2, loss(xStar)) : Math.min(l1, l2);
    const lMax = Math.max(l1, l2);
    const muMax = c.theta2 / (1 + Math.exp(c.theta1 * (lMin - c.theta0)));
    const nuA = Math.exp(c.theta3 + c.theta4 * lMin);
    const nuB = Math.exp(c.theta3 + c.theta4 * lMax);
    const aMax = muMax * Math.max(nuA, nuB);
    const bMin = (1 - muMax) * Math.min(nuA, nuB);
    const nu = aMax + bMin;
    if (!(nu > 0) || !Number.isFinite(nu)) return Number.NEGATIVE_INFINITY; // degenerate: no pruning
    const v = t2LogFailureFromBeta(aMax / nu, nu, Math.exp(logHalfInf - x1));
    return Number.isFinite(v) ? v - 1e-9 * Math.abs(v) - 1e-300 : Number.NEGATIVE_INFINITY;
  };
}

function approach2Optimum(
  c: T2Approach2Constants,
  trainFlops: Flops,
  inferenceFlops: Flops,
  minSamples: number,
): T2Optimum {
  const [lo, hi] = t2LogParamsRange(inferenceFlops, minSamples);
  const logHalfTrain = Math.log(trainFlops / 6);
  const logHalfInf = Math.log(inferenceFlops / 2);
  const f = approach2Objective(c, logHalfTrain, logHalfInf);
  const best = globalMinimize1d(f, lo, hi, { bound: approach2Bound(c, logHalfTrain, logHalfInf) });
  return design(Math.exp(best.x), trainFlops, inferenceFlops, Math.min(1, Math.max(0, -Math.expm1(best.value))));
}

/**
 * The best design when both budgets bind (T², laws.md §2): D = C_train/(6N), k = C_inf/(2N), k ≥ minSamples.
 * Approach 1 minimises task NLL (value in nats); Approach 2 maximises pass@k accuracy (value in [0, 1]).
 * @param trainFlops C_train (FLOPs, > 0). @param inferenceFlops C_inf (FLOPs per token served, > 0).
 */
export function t2Optimum(
  approach: 1,
  c: T2Approach1Constants,
  trainFlops: Flops,
  inferenceFlops: Flops,
  opts?: T2OptimumOptions,
): T2Optimum;
export function t2Optimum(
  approach: 2,
  c: T2Approach2Constants,
  trainFlops: Flops,
  inferenceFlops: Flops,
  opts?: T2OptimumOptions,
): T2Optimum;
export function t2Optimum(
  approach: T2Approach,
  c: T2Approach1Constants | T2Approach2Constants,
  trainFlops: Flops,
  inferenceFlops: Flops,
  opts?: T2OptimumOptions,
): T2Optimum;
export function t2Optimum(
  approach: T2Approach,
  c: T2Approach1Constants | T2Approach2Constants,
  trainFlops: Flops,
  inferenceFlops: Flops,
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
 * exactly t2Optimum per cell, for both approaches: Approach 2's search is global in every cell (no warm start from a
 * neighbour, which would follow a local maximum after the global one has moved to another size).
 */
export function t2OptimumGrid(
  approach: T2Approach,
  c: T2Approach1Constants | T2Approach2Constants,
  trainFlops: ArrayLike<Flops>,
  inferenceFlops: ArrayLike<Flops>,
  opts: T2OptimumOptions = {},
): T2OptimumGrid {
  const width = trainFlops.length;
  const height = inferenceFlops.length;
  const out: T2OptimumGrid = {
    width,
    height,
    params: new Float64Array(width * height),
    tokens: new Float64Array(width * height),
    samples: new Float64Array(width * height),
    value: new Float64Array(width * height),
  };
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const o = t2Optimum(approach, c, trainFlops[j]!, inferenceFlops[i]!, opts);
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
