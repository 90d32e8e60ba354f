/**
 * The T² laws under the lifetime view (laws.md §0): one budget C_total = 6·N·D + 2·N·k·T for T tokens served over the
 * model's life (Sardana et al. 2024's framing, arXiv:2401.00448, extended with k; the T² paper itself keeps two
 * budgets, see t2-optimum.ts). The best quality over (N, D, k) with the budget spent in full.
 *
 * Parametrisation: x = ln N and the training share f ∈ (0, 1) of C_total, so D = f·C_total/(6N) and
 * k = (1 − f)·C_total/(2N·T). Requiring k ≥ minSamples caps f at 1 − 2N·T·minSamples/C_total and N below
 * C_total/(2T·minSamples). The inner search runs over s = logit(f) (a monotone change of variable, so it keeps
 * unimodality; for Approach 1 the loss is convex in f) from one training token (D ≥ 1) up to that cap, the outer
 * over x from N = 1; both searches are global (t2-optimum-search.ts: a scan every LIFETIME_SCAN_STEP nats, Brent on
 * every local optimum of the scan, the best kept), since Approach 2 can have two local optima in either variable.
 */
import { DomainError, assertPositive } from './errors';
import { globalMinimize1d } from './t2-optimum-search';
import { assertT2Approach1Constants, t2LossUnchecked } from './t2-approach1';
import { assertT2Approach2Constants, t2BetaFromLoss, t2LogFailureFromLoss, t2Stage1Loss } from './t2-approach2';
import type { T2Approach, T2Optimum, T2OptimumOptions } from './t2-optimum';
import type { T2Approach1Constants, T2Approach2Constants } from './constants-types';
import type { Flops, Tokens } from './units';

/** A lifetime optimum: the design, plus how the budget splits. */
export interface T2LifetimeOptimum extends T2Optimum {
  /** 6·N·D (FLOPs). */
  trainFlops: Flops;
  /** 2·N·k·T, inference over the model's life (FLOPs). */
  inferenceFlops: Flops;
  /** trainFlops / (trainFlops + inferenceFlops). */
  trainFraction: number;
}

/** Options of the lifetime search. */
export interface T2LifetimeOptions extends T2OptimumOptions {
  /**
   * Approach 2 only: the accuracy at k from the per-question Beta (mean μ, concentration ν; laws.md §2) that replaces
   * pass@k, e.g. a test-time strategy's (src/domain/strategies/accuracy.ts). Default: pass@k, 1 − B(a, b + k)/B(a, b).
   */
  accuracyFromBeta?: (mu: number, nu: number, k: number) => number;
}

/** Scan step of both lifetime searches (nats of ln N and of logit f). */
export const LIFETIME_SCAN_STEP = 0.5;

/**
 * The best (N, D, k) for a lifetime budget `totalFlops` = 6ND + 2NkT and `tokensServed` = T (laws.md §0, §2).
 * Approach 1 minimises task NLL (value in nats); Approach 2 maximises pass@k accuracy.
 * @param totalFlops C_total (FLOPs, > 0). @param tokensServed T (tokens, > 0).
 */
export function t2LifetimeOptimum(
  approach: T2Approach,
  c: T2Approach1Constants | T2Approach2Constants,
  totalFlops: Flops,
  tokensServed: Tokens,
  opts: T2LifetimeOptions = {},
): T2LifetimeOptimum {
  assertPositive('lifetime FLOPs', totalFlops);
  assertPositive('tokens served', tokensServed);
  const minSamples = opts.minSamples ?? 1;
  assertPositive('minimum samples', minSamples);
  if (approach === 1) assertT2Approach1Constants(c as T2Approach1Constants);
  else if (approach === 2) assertT2Approach2Constants(c as T2Approach2Constants);
  else throw new DomainError(`unknown T² approach ${String(approach)} (expected 1 or 2)`);
  const xCap = Math.log(totalFlops / (2 * tokensServed * minSamples));
  if (!(xCap > 1e-6)) {
    throw new DomainError(
      `lifetime budget ${totalFlops} FLOPs cannot serve ${tokensServed} tokens with ${minSamples} sample(s) each`,
    );
  }
  // Minimised objective: loss (Approach 1) or ln(1 − accuracy) (Approach 2; same argmax as accuracy, no saturation).
  const accuracy = opts.accuracyFromBeta;
  const objective =
    approach === 1
      ? (n: number, d: number, k: number) => t2LossUnchecked(c as T2Approach1Constants, n, d, k)
      : accuracy
        ? (n: number, d: number, k: number) => {
            const { mu, nu } = t2BetaFromLoss(c as T2Approach2Constants, t2Stage1Loss(c as T2Approach2Constants, n, d));
            return Math.max(-1e300, Math.log1p(-Math.min(1, Math.max(0, accuracy(mu, nu, k)))));
          }
        : (n: number, d: number, k: number) =>
            Math.max(
              -1e300,
              t2LogFailureFromLoss(c as T2Approach2Constants, t2Stage1Loss(c as T2Approach2Constants, n, d), k),
            );
  const split = (x: number, s: number) => {
    const n = Math.exp(x);
    const f = 1 / (1 + Math.exp(-s));
    return { n, d: (f * totalFlops) / (6 * n), k: ((1 - f) * totalFlops) / (2 * n * tokensServed), f };
  };
  // logit of the largest training share, 1 − r with r = 2N·T·minSamples/C_total, written to survive r ~ 1e-17.
  const sCap = (x: number) => {
    const r = (2 * Math.exp(x) * tokensServed * minSamples) / totalFlops;
    return Math.log1p(-r) - Math.log(r);
  };
  // logit of the least training share worth searching: at least one training token, D = f·C/(6N) ≥ 1.
  const sFloor = (x: number) => Math.log((6 * Math.exp(x)) / totalFlops);
  const inner = (x: number) => {
    const hi = sCap(x);
    return globalMinimize1d(
      (s) => {
        const p = split(x, s);
        return objective(p.n, p.d, p.k);
      },
      Math.min(sFloor(x), hi - 1),
      hi,
      { step: LIFETIME_SCAN_STEP, minPoints: 12, tolerance: 1e-10 },
    );
  };
  const outer = globalMinimize1d((x) => inner(x).value, 0, xCap - 1e-6, {
    step: LIFETIME_SCAN_STEP,
    minPoints: 24,
    tolerance: 1e-10,
  });
  const p = split(outer.x, inner(outer.x).x);
  const value = objective(p.n, p.d, p.k);
  const trainFlops = 6 * p.n * p.d;
  const inferenceFlops = 2 * p.n * p.k * tokensServed;
  return {
    params: p.n,
    tokens: p.d,
    samples: p.k,
    tokensPerParam: p.d / p.n,
    value: approach === 1 ? value : Math.min(1, Math.max(0, -Math.expm1(value))),
    trainFlops,
    inferenceFlops,
    trainFraction: trainFlops / (trainFlops + inferenceFlops),
  };
}
