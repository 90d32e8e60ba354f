/**
 * Compute accounting (laws.md §0), shared by every law in the explorer: training costs 6·N·D FLOPs, one forward pass
 * costs about 2·N FLOPs per token, so drawing k samples costs 2·N·k FLOPs per token served. The attention term of
 * Brown et al. §2.3 is left out, as in the papers the app follows (Hoffmann, Sardana, Roberts et al.).
 */
import { DomainError, assertPositive } from './errors';
import type { Flops, Params, Samples, Tokens } from './units';

/** Throws a DomainError unless `value` is a finite number ≥ 0. */
function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new DomainError(`${name} must be a non-negative finite number (got ${value})`);
  }
}

/**
 * Training compute C_train = 6·N·D (FLOPs), laws.md §0 (Kaplan et al. 2020; Hoffmann et al. 2022 §3).
 * @param params N, all parameters (> 0).
 * @param tokens D, training tokens (> 0).
 */
export function trainingFlops(params: Params, tokens: Tokens): Flops {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  return 6 * params * tokens;
}

/**
 * Inference compute per token served when drawing k samples: C_inf = 2·N·k (FLOPs per token), laws.md §0 — what T²
 * (Roberts et al. 2026) calls "inference FLOPs per token served".
 * @param params N (> 0).
 * @param samples k, samples per question (> 0; continuous in the laws).
 */
export function inferenceFlopsPerToken(params: Params, samples: Samples): Flops {
  assertPositive('params', params);
  assertPositive('samples', samples);
  return 2 * params * samples;
}

/**
 * Lifetime compute C_total = 6·N·D + 2·N·k·T (FLOPs), laws.md §0: Sardana et al.'s single-budget view (arXiv:2401.00448)
 * extended with k samples per question.
 * @param tokensServed T, tokens served over the model's life (requests × tokens per request; ≥ 0).
 */
export function lifetimeFlops(params: Params, tokens: Tokens, samples: Samples, tokensServed: Tokens): Flops {
  assertNonNegative('tokens served', tokensServed);
  return trainingFlops(params, tokens) + inferenceFlopsPerToken(params, samples) * tokensServed;
}

/**
 * Training tokens a training budget buys at model size N: D = C_train/(6N) (laws.md §0 and §2, the binding training
 * budget of T²).
 */
export function tokensForTrainingBudget(params: Params, trainFlops: Flops): Tokens {
  assertPositive('params', params);
  assertPositive('training FLOPs', trainFlops);
  return trainFlops / (6 * params);
}

/**
 * Samples per question an inference budget (FLOPs per token served) buys at model size N: k = C_inf/(2N) (laws.md §0
 * and §2). Continuous; callers decide whether to require k ≥ 1 or an integer.
 */
export function samplesForInferenceBudget(params: Params, inferenceFlops: Flops): Samples {
  assertPositive('params', params);
  assertPositive('inference FLOPs', inferenceFlops);
  return inferenceFlops / (2 * params);
}
