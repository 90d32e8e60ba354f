/**
 * T² Approach 2 (Roberts et al. 2026, arXiv:2604.01411; laws.md §2): pass@k accuracy through a Beta model of
 * per-question difficulty. Stage 1 is a Chinchilla law on task NLL, L̂(N, D) = E + A/N^α + B/D^β (nats per answer);
 * stage 2 maps it to the Beta(a, b) distribution of single-sample accuracy p across questions:
 *   μ = θ2 / (1 + exp(θ1·(L̂ − θ0))),  ν = exp(θ3 + θ4·L̂),  a = μ·ν,  b = (1 − μ)·ν,
 *   Acc(N, D, k) = E_p[1 − (1 − p)^k] = 1 − B(a, b + k)/B(a, b).
 * The Beta functions are never formed: the ratio is computed from log-gamma differences (laws.md pitfalls), with a
 * Stirling-series difference for large arguments so it stays accurate for k up to 1e7 and beyond.
 */
import { assertPositive, DomainError } from './errors';
import { digamma, EULER_GAMMA, logBetaFailure } from './math/special';
import type { T2Approach2Constants } from './constants-types';
import type { Nats, Params, Probability, Samples, Tokens } from './units';

/** The ten constant names of Approach 2, in a fixed order (stage 1 then stage 2). */
export const T2_APPROACH2_KEYS = [
  'E',
  'A',
  'B',
  'alpha',
  'beta',
  'theta0',
  'theta1',
  'theta2',
  'theta3',
  'theta4',
] as const;

/**
 * Throws a DomainError unless the constants are usable: all finite, E ≥ 0, A, B, α, β > 0, θ1 > 0 and 0 < θ2 ≤ 1
 * (θ2 is the ceiling of the mean single-sample accuracy μ). θ1 > 0 is the law's premise: μ = θ2/(1 + e^(θ1(L̂ − θ0)))
 * falls as the task NLL L̂ rises; θ1 ≤ 0 would make accuracy rise with NLL (or ignore it), and every optimum would
 * then favour the worst model.
 */
export function assertT2Approach2Constants(c: T2Approach2Constants): void {
  for (const key of T2_APPROACH2_KEYS) {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DomainError(`T² Approach 2 constant ${key} must be a finite number (got ${String(v)})`);
    }
  }
  if (c.E < 0) throw new DomainError(`T² Approach 2 constant E must be non-negative (got ${c.E})`);
  for (const key of ['A', 'B', 'alpha', 'beta'] as const) {
    if (c[key] <= 0) throw new DomainError(`T² Approach 2 constant ${key} must be positive (got ${c[key]})`);
  }
  if (!(c.theta1 > 0)) {
    throw new DomainError(
      `T² Approach 2 constant theta1 must be positive: accuracy falls as the task NLL rises (got ${c.theta1})`,
    );
  }
  if (!(c.theta2 > 0 && c.theta2 <= 1)) {
    throw new DomainError(`T² Approach 2 constant theta2 must lie in (0, 1] (got ${c.theta2})`);
  }
}

/** Re-exported from ./math/special for the fitting code. */
export { logBetaFailure };

/**
 * E[pass@k] = 1 − B(a, b + k)/B(a, b) for per-question accuracy p ~ Beta(a, b) (laws.md §2–3), in [0, 1]. Written as
 * −expm1(ln ratio) so small accuracies keep their digits. Degenerate limits are returned exactly: a = 0 (every p = 0)
 * gives 0; b = 0 (every p = 1) gives 1.
 */
export function betaPassAtK(a: number, b: number, k: Samples): Probability {
  if (!(a > 0)) return 0;
  if (!(b > 0)) return 1;
  if (!(k > 0)) return 0;
  return Math.min(1, Math.max(0, -Math.expm1(logBetaFailure(a, b, k))));
}

/** Stage-2 mapping from a stage-1 NLL L̂ (nats) to the Beta parameters (laws.md §2). */
export function t2BetaFromLoss(c: T2Approach2Constants, loss: Nats): { a: number; b: number; mu: number; nu: number } {
  const mu = c.theta2 / (1 + Math.exp(c.theta1 * (loss - c.theta0)));
  const nu = Math.exp(c.theta3 + c.theta4 * loss);
  return { a: mu * nu, b: (1 - mu) * nu, mu, nu };
}

/** Stage-1 NLL L̂(N, D) = E + A/N^α + B/D^β (nats per answer), unchecked. */
export function t2Stage1Loss(c: T2Approach2Constants, params: Params, tokens: Tokens): Nats {
  return c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta;
}

/**
 * The Beta model at (N, D): stage-1 loss L̂ (nats), mean accuracy μ, concentration ν and shapes a = μν, b = (1 − μ)ν
 * (T² Approach 2, laws.md §2).
 * @param params N (> 0); @param tokens D (> 0).
 */
export function t2BetaParams(
  c: T2Approach2Constants,
  params: Params,
  tokens: Tokens,
): {
  a: number;
  b: number;
  mu: number;
  nu: number;
  loss: Nats;
} {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  const loss = t2Stage1Loss(c, params, tokens);
  return { ...t2BetaFromLoss(c, loss), loss };
}

/**
 * Below this ν·max(1, 1/k) the Beta model is replaced by its small-ν expansion (see `t2LogFailureFromBeta`); there the
 * expansion's O(ν²) remainder is below 1e-16 and the plain formula would start to lose digits to denormal a and b.
 */
export const T2_SMALL_NU = 1e-8;

/**
 * ln(1 − Acc) for per-question accuracy p ~ Beta(μν, (1 − μ)ν) and k samples, unchecked: the log expected failure
 * rate ln B(a, b + k)/B(a, b), ≤ 0. Limits are taken where the Beta parameters degenerate, continuously:
 * - ν → 0 (ν·max(1, 1/k) < T2_SMALL_NU, including ν underflowing to 0): the Beta becomes a two-point mass (each
 *   question solved always, with probability μ, or never), so Acc → μ for every k. Expanding the log-gamma terms to
 *   first order in ν gives ln(1 − Acc) = log1p(−μ) − μν·(ψ(k) + γ) + O(ν²) (ψ = digamma, γ = Euler's constant;
 *   ψ(k) + γ is the harmonic number H_(k−1) for whole k), used there instead of denormal a, b.
 * - ν = ∞: a point mass at μ, k·log1p(−μ).
 * - μ = 0 gives 0 (nothing solved); μ = 1 gives −∞.
 */
export function t2LogFailureFromBeta(mu: number, nu: number, samples: Samples): number {
  if (!(mu > 0) || !(samples > 0)) return 0;
  if (!(mu < 1)) return Number.NEGATIVE_INFINITY;
  if (!Number.isFinite(nu)) return samples * Math.log1p(-mu);
  if (nu * Math.max(1, 1 / samples) < T2_SMALL_NU) {
    return Math.min(0, Math.log1p(-mu) - mu * nu * (digamma(samples) + EULER_GAMMA));
  }
  const a = mu * nu;
  const b = (1 - mu) * nu;
  if (!(b > 0)) return Number.NEGATIVE_INFINITY;
  return logBetaFailure(a, b, samples);
}

/**
 * ln(1 − Acc) from a stage-1 loss and k, unchecked: the log expected failure rate, ≤ 0. Searches maximise accuracy by
 * minimising this (a monotone transform that keeps its resolution when the accuracy saturates near 1). The limits
 * ν → 0 (Acc → μ), ν → ∞ (point mass), μ = 0 and μ = 1 are those of `t2LogFailureFromBeta`.
 */
export function t2LogFailureFromLoss(c: T2Approach2Constants, loss: Nats, samples: Samples): number {
  const mu = c.theta2 / (1 + Math.exp(c.theta1 * (loss - c.theta0)));
  return t2LogFailureFromBeta(mu, Math.exp(c.theta3 + c.theta4 * loss), samples);
}

/** Accuracy from a stage-1 loss and k, unchecked (inner loops): −expm1 of t2LogFailureFromLoss, in [0, 1]. */
export function t2AccuracyFromLoss(c: T2Approach2Constants, loss: Nats, samples: Samples): Probability {
  return Math.min(1, Math.max(0, -Math.expm1(t2LogFailureFromLoss(c, loss, samples))));
}

/**
 * Expected pass@k accuracy Acc(N, D, k) = 1 − B(a, b + k)/B(a, b) (T² Approach 2; Roberts et al. 2026, laws.md §2),
 * a probability in [0, 1], non-decreasing in k.
 * @param params N (> 0); @param tokens D (> 0); @param samples k (> 0, continuous; stable to 1e7 and beyond).
 */
export function t2Accuracy(c: T2Approach2Constants, params: Params, tokens: Tokens, samples: Samples): Probability {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  assertPositive('samples', samples);
  return t2AccuracyFromLoss(c, t2Stage1Loss(c, params, tokens), samples);
}
