/**
 * Lifetime-optimal model size (Sardana et al. 2024, "Beyond Chinchilla-Optimal", arXiv:2401.00448; laws.md §4), with
 * the app's k: minimise 6·N·D + 2·N·k·T over the iso-loss curve L(N, D) = ℓ of the Chinchilla law, and compare with the
 * equal-loss compute-optimal (Chinchilla-style) model. Units: N parameters, D and T tokens, FLOPs, loss in nats.
 */
import { assertChinchillaConstants, chinchillaOptimumForLoss, isoLossParams } from './chinchilla';
import { DomainError, assertPositive } from './errors';
import { minimize1d, minimize1dGrid } from './optim/minimize1d';
import type { ChinchillaConstants } from './constants-types';
import type { Flops, Nats, Params, Samples, Tokens } from './units';

/** The lifetime optimum and the equal-loss Chinchilla-style model it is compared with. */
export interface LifetimeOptimum {
  /** N minimising lifetime FLOPs at the target loss (parameters). */
  params: Params;
  /** D on the iso-loss curve at that N (tokens). */
  tokens: Tokens;
  /** 6·N·D (FLOPs). */
  trainingFlops: Flops;
  /** 2·N·k·T over the model's life (FLOPs). */
  inferenceFlops: Flops;
  /** trainingFlops + inferenceFlops. */
  totalFlops: Flops;
  /** The cheapest-to-train model with the same loss (chinchillaOptimumForLoss), with its lifetime FLOPs at the same k·T. */
  chinchilla: { params: Params; tokens: Tokens; totalFlops: Flops };
  /** params / chinchilla.params (≤ 1 when inference is served). */
  paramsRatio: number;
  /** tokens / chinchilla.tokens (≥ 1 when inference is served). */
  tokensRatio: number;
  /** totalFlops / chinchilla.totalFlops (≤ 1). */
  flopsRatio: number;
}

/** How far above the asymptote D_min = (B/(ℓ − E))^(1/β) the search over ln D reaches (nats of D). */
const LOG_D_SPAN = 100;

/**
 * Minimum lifetime compute 6ND + 2N·k·T for a target loss ℓ (Sardana et al. 2024 §3; laws.md §4). No closed form:
 * on the iso-loss curve N(D) = (A/(ℓ − E − B/D^β))^(1/α), a grid plus Brent search over ln D minimises the log of the
 * lifetime FLOPs. T_inf of the paper is k·T here (k = 1 recovers the paper).
 * @param targetLoss ℓ in nats; must exceed E.
 * @param inferenceTokens T, tokens served over the model's life (≥ 0).
 * @param samples k, samples per request (> 0, default 1).
 * @throws DomainError when ℓ ≤ E (unreachable at any size) or inputs are invalid.
 */
export function lifetimeOptimum(
  c: ChinchillaConstants,
  targetLoss: Nats,
  inferenceTokens: Tokens,
  samples: Samples = 1,
): LifetimeOptimum {
  assertChinchillaConstants(c);
  if (!Number.isFinite(inferenceTokens) || inferenceTokens < 0) {
    throw new DomainError(`inference tokens must be a non-negative finite number (got ${inferenceTokens})`);
  }
  assertPositive('samples', samples);
  const reference = chinchillaOptimumForLoss(c, targetLoss); // throws on ℓ ≤ E
  const served = samples * inferenceTokens;
  const lifetime = (n: number, d: number) => 6 * n * d + 2 * n * served;

  const logDMin = (Math.log(c.B) - Math.log(targetLoss - c.E)) / c.beta;
  const objective = (logD: number) => {
    const n = isoLossParams(c, targetLoss, Math.exp(logD));
    return n === null ? Number.POSITIVE_INFINITY : Math.log(lifetime(n, Math.exp(logD)));
  };
  const coarse = minimize1dGrid(objective, logDMin + 1e-9, logDMin + LOG_D_SPAN, 96);
  const refined = minimize1d(objective, coarse.x - 0.5, coarse.x + 0.5, 1e-12);
  const logD = refined.value <= coarse.value ? refined.x : coarse.x;

  const tokens = Math.exp(logD);
  const params = isoLossParams(c, targetLoss, tokens);
  if (params === null) throw new DomainError(`no model reaches loss ${targetLoss} within the searched range`);
  const trainingFlops = 6 * params * tokens;
  const inferenceFlops = 2 * params * served;
  const chinchillaTotal = lifetime(reference.params, reference.tokens);
  const totalFlops = trainingFlops + inferenceFlops;
  if (!Number.isFinite(totalFlops) || !Number.isFinite(chinchillaTotal)) {
    throw new DomainError('lifetime FLOPs overflow: the target loss or tokens served are out of range');
  }
  return {
    params,
    tokens,
    trainingFlops,
    inferenceFlops,
    totalFlops,
    chinchilla: { params: reference.params, tokens: reference.tokens, totalFlops: chinchillaTotal },
    paramsRatio: params / reference.params,
    tokensRatio: tokens / reference.tokens,
    flopsRatio: totalFlops / chinchillaTotal,
  };
}
