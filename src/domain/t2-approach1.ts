/**
 * T² Approach 1 (Roberts et al. 2026, "Test-Time Scaling Makes Overtraining Compute-Optimal", arXiv:2604.01411;
 * laws.md §2): the task negative log-likelihood as a function of model size, training tokens and samples per question,
 * L(N, D, k) = E + A/N^α + B/D^β + G/k^γ. It models E_i[−log pass@k_i] (the mean negative log of per-question
 * pass@k over the task's questions), in nats per answer (values ~10–20 in the paper), not pretraining loss per token.
 * At k = 1 it is a Chinchilla law with irreducible term E + G.
 */
import { assertPositive, DomainError } from './errors';
import type { T2Approach1Constants } from './constants-types';
import type { Nats, Params, Samples, Tokens } from './units';

/** The seven constant names of Approach 1, in a fixed order (used by validation, fits and JSON readers). */
export const T2_APPROACH1_KEYS = ['E', 'A', 'B', 'alpha', 'beta', 'G', 'gamma'] as const;

/**
 * Throws a DomainError unless every constant of Approach 1 is finite, E ≥ 0 and A, B, G, α, β, γ > 0 (the law's
 * terms then fall with N, D and k, as the paper's fits do).
 */
export function assertT2Approach1Constants(c: T2Approach1Constants): void {
  for (const key of T2_APPROACH1_KEYS) {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DomainError(`T² Approach 1 constant ${key} must be a finite number (got ${String(v)})`);
    }
    if (key === 'E' ? v < 0 : v <= 0) {
      throw new DomainError(
        `T² Approach 1 constant ${key} must be ${key === 'E' ? 'non-negative' : 'positive'} (got ${v})`,
      );
    }
  }
}

/**
 * L(N, D, k) = E + A/N^α + B/D^β + G/k^γ (T² Approach 1; Roberts et al. 2026, laws.md §2), task NLL in nats.
 * @param params N (> 0), all parameters.
 * @param tokens D (> 0), training tokens.
 * @param samples k (> 0), samples drawn per question; continuous in the law.
 */
export function t2Loss(c: T2Approach1Constants, params: Params, tokens: Tokens, samples: Samples): Nats {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  assertPositive('samples', samples);
  return t2LossUnchecked(c, params, tokens, samples);
}

/** t2Loss without input checks, for inner loops whose inputs are positive by construction. */
export function t2LossUnchecked(c: T2Approach1Constants, params: Params, tokens: Tokens, samples: Samples): Nats {
  return c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta + c.G / samples ** c.gamma;
}

/**
 * The three reducible terms of Approach 1 at (N, D, k), in nats: how much of the loss each of model size, data and
 * sampling still leaves on the table. Useful for explaining an optimum (at the two-budget optimum the marginal
 * values α·A/N^α = β·B/D^β + γ·G/k^γ balance; see t2-optimum.ts).
 */
export function t2LossTerms(
  c: T2Approach1Constants,
  params: Params,
  tokens: Tokens,
  samples: Samples,
): {
  params: Nats;
  tokens: Nats;
  samples: Nats;
} {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  assertPositive('samples', samples);
  return { params: c.A / params ** c.alpha, tokens: c.B / tokens ** c.beta, samples: c.G / samples ** c.gamma };
}
