/**
 * Best-of-k with an imperfect verifier (a reward model or checker that can be wrong), from the per-question accuracy
 * p ~ Beta(a, b) of T² Approach 2 (laws.md §2). Brown et al. 2024 (arXiv:2407.21787) observe that choosing among k
 * samples with a reward model plateaus while coverage (pass@k) keeps rising; Wu et al. 2024 (arXiv:2408.00724,
 * Theorem 2) prove that reward-weighted voting converges to a limit set by the reward model. The verifier model here is
 * OURS, an assumption, with two parameters the user sets:
 *
 *   recall r: the chance the verifier accepts a correct sample; false-positive rate f: the chance it accepts a wrong one.
 *
 * Selection: one sample is picked uniformly among the accepted ones; if none is accepted, uniformly among all. Per
 * question, with c = p·r + (1 − p)·f the chance a sample is accepted,
 *   P(right | p, k) = [p·r / c]·(1 − (1 − c)^k) + (1 − c)^(k−1)·p·(1 − r)
 * (given m ≥ 1 accepted samples each is correct with chance p·r/c; given none, each rejected sample is correct with
 * chance p(1 − r)/(1 − c)). It equals p at k = 1, never exceeds 1 − (1 − p)^k (a correct pick needs a correct sample),
 * equals pass@k for a perfect verifier (r = 1, f = 0), and tends to the precision p·r/(p·r + (1 − p)·f) as k → ∞:
 * with f > 0 the accuracy plateaus below 1, at E[p·r/(p·r + (1 − p)·f)]. Averaged over the Beta by ./beta-quadrature.ts.
 */
import { DomainError } from '../errors';
import { betaExpectation } from './beta-quadrature';

/** The verifier's assumed rates. */
export interface VerifierRates {
  /** r: chance of accepting a correct sample, in (0, 1]. */
  recall: number;
  /** f: chance of accepting a wrong sample, in [0, 1). */
  falsePositive: number;
}

/** Throws unless 0 < r ≤ 1 and 0 ≤ f < 1. */
export function assertVerifierRates({ recall, falsePositive }: VerifierRates): void {
  if (!(recall > 0 && recall <= 1)) throw new DomainError(`verifier recall must lie in (0, 1] (got ${recall})`);
  if (!(falsePositive >= 0 && falsePositive < 1)) {
    throw new DomainError(`verifier false-positive rate must lie in [0, 1) (got ${falsePositive})`);
  }
}

/** Where the per-question formula stops changing, in 1/p: k, and r/f where the precision turns (f > 0). */
function scaleOf(k: number, { recall, falsePositive }: VerifierRates): number {
  return Math.max(k, falsePositive > 0 ? Math.min(1e26, recall / falsePositive) : k);
}

/** P(right | p, k) of the module note, for one question; k ≥ 1 continuous. Unchecked. */
export function verifierWinAtP(p: number, k: number, { recall: r, falsePositive: f }: VerifierRates): number {
  if (!(p > 0)) return 0;
  const c = p * r + (1 - p) * f;
  if (!(c < 1)) return (p * r) / c; // every sample accepted (p = 1 and r = 1, or f = 1): a uniform pick
  const logMiss = Math.log1p(-c);
  // (1 − c)^(k−1) = (1 − c)^k / (1 − c): one exponential for both terms.
  const missAll = Math.exp(k * logMiss);
  const v =
    ((p * r) / c) * (k * logMiss > -1e-3 ? -Math.expm1(k * logMiss) : 1 - missAll) + (missAll / (1 - c)) * p * (1 - r);
  return Math.min(1, Math.max(0, v));
}

/** The per-question limit as k → ∞: the verifier's precision p·r/(p·r + (1 − p)·f) (1 for f = 0 and p > 0). */
export function verifierLimitAtP(p: number, { recall: r, falsePositive: f }: VerifierRates): number {
  if (!(p > 0)) return 0;
  return (p * r) / (p * r + (1 - p) * f);
}

/**
 * Panels of the best-of-k quadrature, as a multiple of ./beta-quadrature.ts's default width (issue 15, step 3: the
 * verifier's chart build is this quadrature's cost). 1.25 spends a fifth fewer nodes than 1 (the chart build ~12 %
 * faster); measured over 3,000 random (μ, ν, k, r, f) (μ 0.001–0.999, ν 0.01–500, k 1–1e5), its largest error is 1.9e-10
 * against the exact pass@k (r = 1, f = 0) and 1.4e-10 against a 10-fold finer rule. 1.5 was tried and rejected: 1.0e-9
 * at k = 1 for a narrow Beta near μ = 0.001, over the 1e-9 the strategy checks demand.
 */
export const VERIFIER_PANEL_FACTOR = 1.25;

/** The stated accuracy of verifierAccuracy's quadrature (absolute, on an accuracy in [0, 1]); the tests check it. */
export const VERIFIER_QUADRATURE_TOLERANCE = 1e-9;

/**
 * Expected best-of-k accuracy with the verifier above, for p ~ Beta(a, b), to VERIFIER_QUADRATURE_TOLERANCE.
 * @param a, b Beta shapes (> 0, finite). @param k samples (≥ 1, continuous).
 */
export function verifierAccuracy(a: number, b: number, k: number, rates: VerifierRates): number {
  assertVerifierRates(rates);
  if (!(k >= 1) || !Number.isFinite(k)) throw new DomainError(`best-of-k needs k ≥ 1 finite (got ${k})`);
  return betaExpectation(a, b, (p) => verifierWinAtP(p, k, rates), scaleOf(k, rates), VERIFIER_PANEL_FACTOR);
}

/** The plateau of best-of-k as k → ∞: E[p·r/(p·r + (1 − p)·f)] for p ~ Beta(a, b). */
export function verifierLimit(a: number, b: number, rates: VerifierRates): number {
  assertVerifierRates(rates);
  return betaExpectation(a, b, (p) => verifierLimitAtP(p, rates), scaleOf(1, rates));
}
