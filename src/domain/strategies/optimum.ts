/**
 * The two-budget T² optimum (Roberts et al. 2026; laws.md §0, §2) under a test-time strategy: the N that maximises the
 * strategy's accuracy with both budgets binding, D = C_train/(6N), k = C_inf/(2N), k ≥ 1. The oracle is exactly
 * t2Optimum(2, …). Other strategies use the same global scan of ln N (every 0.5 nats, every local optimum refined by
 * Brent, t2-optimum-search.ts) without the oracle's pruning bound (that bound rests on pass@k's monotonicity in a, b).
 */
import type { T2Approach2Constants } from '../constants-types';
import { assertT2Approach2Constants, t2BetaFromLoss } from '../t2-approach2';
import { approach2Bound, approach2Objective, t2LogParamsRange, t2Optimum, type T2Optimum } from '../t2-optimum';
import { boundedGlobalMinimize1d } from '../t2-optimum-search';
import { t2LifetimeOptimum, type T2LifetimeOptimum } from '../t2-lifetime';
import { assertPositive } from '../errors';
import type { Flops } from '../units';
import { strategyAccuracyFromBeta } from './accuracy';
import { assertStrategyChoice, type StrategyChoice } from './registry';

/**
 * Accuracy at (N, D, k) under `choice` for an Approach 2 set (laws.md §2).
 * @param params N (> 0). @param tokens D (> 0). @param samples k (> 0).
 */
export function strategyAccuracy(
  c: T2Approach2Constants,
  choice: StrategyChoice,
  params: number,
  tokens: number,
  samples: number,
): number {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  assertPositive('samples', samples);
  const loss = c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta;
  const { mu, nu } = t2BetaFromLoss(c, loss);
  return strategyAccuracyFromBeta(choice, mu, nu, samples);
}

/**
 * The lifetime optimum (one budget C_total = 6·N·D + 2·N·k·T, laws.md §0; ../t2-lifetime.ts) under `choice`: the
 * (N, D, k) that maximises the strategy's accuracy with the budget spent in full, k ≥ 1. The oracle is exactly
 * t2LifetimeOptimum(2, …); `value` is the strategy's accuracy.
 * @param totalFlops C_total (FLOPs, > 0). @param tokensServed T (tokens, > 0).
 */
export function strategyLifetimeOptimum(
  c: T2Approach2Constants,
  choice: StrategyChoice,
  totalFlops: Flops,
  tokensServed: number,
): T2LifetimeOptimum {
  assertStrategyChoice(choice);
  if (choice.id === 'oracle') return t2LifetimeOptimum(2, c, totalFlops, tokensServed);
  return t2LifetimeOptimum(2, c, totalFlops, tokensServed, {
    accuracyFromBeta: (mu, nu, k) => strategyAccuracyFromBeta(choice, mu, nu, k),
  });
}

/** Options of strategyOptimum. */
export interface StrategyOptimumOptions {
  /**
   * Brent's relative tolerance on ln N (default 1e-8). A caller that needs the best accuracy only, not where it is
   * reached, may loosen it: at the optimum the accuracy is flat in ln N, so its error is about the square of the step.
   * STRATEGY_VALUE_TOLERANCE is the loosened value the frontier map uses.
   */
  tolerance?: number;
}

/**
 * The Brent tolerance for a best accuracy alone (the frontier map's cells, ../../engine/data/frontier.ts). Measured
 * against the default 1e-8 over 320 budget pairs (C_train 1e16–1e25, C_inf 1e6–1e14) under voting (0.3) and the
 * verifier (0.9, 0.1): the accuracy moved by at most 1.1e-7 while N moved by up to 0.1 % in flat stretches, which is why
 * the design readouts keep the default; at extreme settings it moves more (1.0e-6 at voting agreement 0.01, found by
 * fast-check). Tested (./optimum-bounded.test.ts): the value within 1e-5 of the default's.
 */
export const STRATEGY_VALUE_TOLERANCE = 1e-5;

/**
 * The best design under `choice` when both budgets bind (k ≥ 1); `value` is the strategy's accuracy.
 * @param trainFlops C_train (FLOPs, > 0). @param inferenceFlops C_inf (FLOPs per token served, ≥ 2).
 */
export function strategyOptimum(
  c: T2Approach2Constants,
  choice: StrategyChoice,
  trainFlops: Flops,
  inferenceFlops: Flops,
  opts: StrategyOptimumOptions = {},
): T2Optimum {
  assertStrategyChoice(choice);
  if (choice.id === 'oracle') return t2Optimum(2, c, trainFlops, inferenceFlops);
  assertT2Approach2Constants(c);
  assertPositive('training FLOPs', trainFlops);
  const [lo, hi] = t2LogParamsRange(inferenceFlops, 1);
  const logHalfTrain = Math.log(trainFlops / 6);
  const logHalfInf = Math.log(inferenceFlops / 2);
  const f = (x: number) => {
    const loss = c.E + c.A * Math.exp(-c.alpha * x) + c.B * Math.exp(c.beta * (x - logHalfTrain));
    const { mu, nu } = t2BetaFromLoss(c, loss);
    return -strategyAccuracyFromBeta(choice, mu, nu, Math.max(1, Math.exp(logHalfInf - x)));
  };
  // −pass@k ≤ −accuracy under every strategy (the checks of ./accuracy.ts): a closed-form bound that spares the costly
  // strategy accuracy wherever pass@k alone cannot beat the best found (boundedGlobalMinimize1d; same answer).
  const oracleLogFailure = approach2Objective(c, logHalfTrain, logHalfInf);
  const oracleBound = approach2Bound(c, logHalfTrain, logHalfInf);
  const best = boundedGlobalMinimize1d(f, (x) => Math.expm1(oracleLogFailure(x)), lo, hi, {
    bound: (a, b) => Math.expm1(oracleBound(a, b)) - 1e-12,
    tolerance: opts.tolerance ?? 1e-8,
  });
  const params = Math.exp(best.x);
  const tokens = trainFlops / (6 * params);
  return {
    params,
    tokens,
    samples: inferenceFlops / (2 * params),
    tokensPerParam: tokens / params,
    value: Math.min(1, Math.max(0, -best.value)),
  };
}
