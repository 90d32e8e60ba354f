/**
 * Accuracy at k under a test-time strategy (./registry.ts), from the Beta model of T² Approach 2 (laws.md §2): mean μ
 * and concentration ν of per-question single-sample accuracy p ~ Beta(μν, (1 − μ)ν). The oracle is exactly T²'s
 * pass@k, 1 − B(a, b + k)/B(a, b); the other strategies are ./majority.ts and ./verifier.ts. Shared rules, checked by
 * the tests: at k = 1 every strategy equals pass@1 = μ; pass@k bounds every strategy from above; below one sample
 * (k < 1, the continuous laws' fractional k) every strategy is pass@k. The Beta's degenerate limits follow
 * t2LogFailureFromBeta: μ = 0 gives 0, μ = 1 gives 1, ν → 0 (every question solved always or never) gives μ for every
 * strategy and k, ν → ∞ (every question at p = μ) the per-question formula at p = μ.
 */
import { t2LogFailureFromBeta, T2_SMALL_NU } from '../t2-approach2';
import type { Probability, Samples } from '../units';
import { MAJORITY_EXACT_MAX_K, majorityVoteAccuracy, majorityVoteLimit, majorityWinAtP } from './majority';
import { assertStrategyChoice, type StrategyChoice } from './registry';
import { verifierAccuracy, verifierLimit, verifierLimitAtP, verifierWinAtP, type VerifierRates } from './verifier';

/** Above this ν the Beta is treated as a point mass at μ. */
const POINT_MASS_NU = 1e8;

function oracle(mu: number, nu: number, k: number): number {
  return Math.min(1, Math.max(0, -Math.expm1(t2LogFailureFromBeta(mu, nu, k))));
}

function rates(choice: StrategyChoice): VerifierRates {
  return { recall: choice.params.recall!, falsePositive: choice.params.falsePositive! };
}

function majorityPointMass(mu: number, k: number, s: number): number {
  const K = MAJORITY_EXACT_MAX_K;
  if (k <= K) {
    const lo = Math.floor(k);
    const vLo = majorityWinAtP(mu, lo, s);
    return lo === k ? vLo : vLo + (majorityWinAtP(mu, lo + 1, s) - vLo) * (k - lo);
  }
  const t = s / (1 + s);
  const limit = mu > t ? 1 : mu === t ? 0.5 : 0;
  return Math.max(0, limit + ((majorityWinAtP(mu, K, s) - limit) * K) / k);
}

/**
 * Expected accuracy at k samples under `choice`, for p ~ Beta(μν, (1 − μ)ν), in [0, 1]. Unchecked μ, ν (the law
 * computes them); `choice` is checked.
 * @param mu mean single-sample accuracy μ in [0, 1]. @param nu concentration ν ≥ 0. @param k samples (> 0, continuous).
 */
export function strategyAccuracyFromBeta(choice: StrategyChoice, mu: number, nu: number, k: Samples): Probability {
  assertStrategyChoice(choice);
  const passAtK = oracle(mu, nu, k);
  if (choice.id === 'oracle' || !(k >= 1) || !(mu > 0) || !(mu < 1)) return passAtK;
  if (nu * Math.max(1, 1 / k) < T2_SMALL_NU) return mu;
  const pointMass = !Number.isFinite(nu) || nu > POINT_MASS_NU;
  if (choice.id === 'vote') {
    const s = choice.params.agreement!;
    if (pointMass) return Math.min(passAtK, majorityPointMass(mu, k, s));
    return majorityVoteAccuracy(mu * nu, (1 - mu) * nu, k, s, passAtK);
  }
  const r = rates(choice);
  if (pointMass) return Math.min(passAtK, verifierWinAtP(mu, k, r));
  // The quadrature's error (~1e-10) must not lift the result above the exact bound it obeys.
  return Math.min(passAtK, verifierAccuracy(mu * nu, (1 - mu) * nu, k, r));
}

/**
 * The strategy's limit as k → ∞ for p ~ Beta(μν, (1 − μ)ν): 1 for the oracle (every question with p > 0 is solved
 * eventually), Wu et al.'s Theorem 1 limit for majority voting, the verifier's mean precision for best-of-k.
 */
export function strategyLimitFromBeta(choice: StrategyChoice, mu: number, nu: number): Probability {
  assertStrategyChoice(choice);
  if (!(mu > 0)) return 0;
  if (!(mu < 1)) return 1;
  if (choice.id === 'oracle') return 1;
  if (nu < T2_SMALL_NU) return mu;
  const pointMass = !Number.isFinite(nu) || nu > POINT_MASS_NU;
  if (choice.id === 'vote') {
    const s = choice.params.agreement!;
    if (pointMass) {
      const t = s / (1 + s);
      return mu > t ? 1 : mu === t ? 0.5 : 0;
    }
    return majorityVoteLimit(mu * nu, (1 - mu) * nu, s);
  }
  if (pointMass) return verifierLimitAtP(mu, rates(choice));
  return verifierLimit(mu * nu, (1 - mu) * nu, rates(choice));
}
