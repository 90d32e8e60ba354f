/**
 * Majority voting over k samples per question (self-consistency), from the per-question accuracy p ~ Beta(a, b) of
 * T² Approach 2 (laws.md §2). Wu et al. 2024 (arXiv:2408.00724, "Inference Scaling Laws", Theorems 1–2) show that the
 * accuracy of (weighted) majority voting converges, as k grows, to the share of questions whose correct answer is the
 * most likely one; Brown et al. 2024 (arXiv:2407.21787) observe majority voting plateau while coverage (pass@k) keeps
 * rising. The papers give the limit, not a model of how wrong answers spread: that model is OURS, an assumption, with
 * one parameter the user sets:
 *
 *   share s ∈ (0, 1] of the wrong samples that agree on one distractor answer; every other wrong sample is an answer
 *   of its own (seen once). s = 1: two candidate answers (correct or the distractor); small s: scattered wrong answers.
 *
 * Per question (p given), the k samples split into X correct ~ Bin(k, p), Y distractor | X ~ Bin(k − X, s), the rest
 * singletons; the plurality answer wins, ties broken uniformly at random. Averaged over p ~ Beta(a, b), X is
 * BetaBinomial(k, a, b) (./beta-binomial.ts) and the win probability given X = x depends on (x, k, s) only:
 *   h(0, k) = 0;  h(1, k) = [P(Y = 0) + P(Y = 1)]/k (a tie of k answers with one vote each);
 *   h(x ≥ 2, k) = P(Y < x) + ½·P(Y = x),  Y ~ Bin(k − x, s).
 * So accuracy(k) = Σ_x P(X = x)·h(x, k), exact for whole k ≤ MAJORITY_EXACT_MAX_K. Its limit (Wu et al. Theorem 1
 * under this model): the correct answer is the most likely one when p > s(1 − p), i.e. p > t = s/(1 + s), so
 *   accuracy(∞) = P(p > t) = 1 − I_t(a, b).
 * Approximations (ours, stated): between whole k the accuracy is interpolated linearly; above MAJORITY_EXACT_MAX_K it is
 * accuracy(∞) + (accuracy(K) − accuracy(∞))·K/k (the leading 1/k approach of a smoothed step to its limit), capped by
 * pass@k (a vote can be right only when some sample is). Below one sample (k < 1) every strategy is pass@k.
 */
import { DomainError } from '../errors';
import { betaBinomialLogPmf } from './beta-binomial';
import { regularizedIncompleteBeta } from './incomplete-beta';

/** Largest whole k computed exactly; above it the 1/k approach to the limit is used. */
export const MAJORITY_EXACT_MAX_K = 128;

const tables = new Map<number, Float64Array[]>();
const MAX_TABLES = 8;

/** h(x, k) for k = 0…K, x = 0…k, for one share s (memoised: a handful of s values are in use at once). */
function winTable(s: number): Float64Array[] {
  const cached = tables.get(s);
  if (cached) return cached;
  const K = MAJORITY_EXACT_MAX_K;
  // Binomial(n, s) pmf rows n = 0…K (Pascal's recurrence: exact, no powers of 0).
  const pmf: Float64Array[] = [Float64Array.of(1)];
  for (let n = 1; n <= K; n++) {
    const prev = pmf[n - 1]!;
    const row = new Float64Array(n + 1);
    for (let j = 0; j <= n; j++) row[j] = (j < n ? prev[j]! * (1 - s) : 0) + (j > 0 ? prev[j - 1]! * s : 0);
    pmf.push(row);
  }
  const cdf = pmf.map((row) => {
    const out = new Float64Array(row.length);
    let acc = 0;
    for (let j = 0; j < row.length; j++) {
      acc += row[j]!;
      out[j] = acc;
    }
    return out;
  });
  const table: Float64Array[] = [Float64Array.of(0)];
  for (let k = 1; k <= K; k++) {
    const row = new Float64Array(k + 1);
    for (let x = 1; x <= k; x++) {
      const n = k - x;
      const at = (j: number) => (j <= n ? pmf[n]![j]! : 0);
      row[x] = x === 1 ? (at(0) + at(1)) / k : Math.min(1, (x - 1 <= n ? cdf[n]![x - 1]! : 1) + 0.5 * at(x));
    }
    table.push(row);
  }
  if (tables.size >= MAX_TABLES) tables.delete(tables.keys().next().value!);
  tables.set(s, table);
  return table;
}

/** Throws unless s lies in (0, 1]. */
export function assertAgreement(s: number): void {
  if (!(s > 0 && s <= 1)) throw new DomainError(`wrong-answer agreement must lie in (0, 1] (got ${s})`);
}

/** Accuracy of majority voting at a whole k ≤ MAJORITY_EXACT_MAX_K for p ~ Beta(a, b), unchecked (a, b > 0). */
function exactAt(a: number, b: number, k: number, s: number): number {
  const h = winTable(s)[k]!;
  const lp = betaBinomialLogPmf(k, a, b);
  let sum = 0;
  for (let x = 1; x <= k; x++) sum += Math.exp(lp[x]!) * h[x]!;
  return Math.min(1, Math.max(0, sum));
}

/** Per-question (fixed p) majority-vote win probability at a whole k ≤ K: Σ_x Bin(x; k, p)·h(x, k). Unchecked. */
export function majorityWinAtP(p: number, k: number, s: number): number {
  const h = winTable(s)[k]!;
  let sum = 0;
  let lc = 0; // ln C(k, x)
  for (let x = 1; x <= k; x++) {
    lc += Math.log((k - x + 1) / x);
    const term = p >= 1 ? (x === k ? 1 : 0) : Math.exp(lc + x * Math.log(p) + (k - x) * Math.log1p(-p));
    sum += term * h[x]!;
  }
  return Math.min(1, Math.max(0, sum));
}

/**
 * The limit of majority voting as k → ∞ (Wu et al. 2024, Theorem 1, under the agreement model above): the share of
 * questions whose correct answer is their most likely answer, P(p > s/(1 + s)) = 1 − I_(s/(1+s))(a, b).
 * @param a, b Beta shapes (> 0). @param s wrong-answer agreement in (0, 1].
 */
export function majorityVoteLimit(a: number, b: number, s: number): number {
  assertAgreement(s);
  return 1 - regularizedIncompleteBeta(s / (1 + s), a, b);
}

/**
 * Expected accuracy of majority voting over k samples when per-question accuracy p ~ Beta(a, b) (see the module
 * note for the model, its exact range and its approximations).
 * @param a, b Beta shapes (> 0, finite). @param k samples (≥ 1, continuous). @param s agreement in (0, 1].
 * @param passAtK pass@k at the same (a, b, k): the cap above K (the caller has it already).
 */
export function majorityVoteAccuracy(a: number, b: number, k: number, s: number, passAtK: number): number {
  assertAgreement(s);
  if (!(k >= 1) || !Number.isFinite(k)) throw new DomainError(`majority voting needs k ≥ 1 finite (got ${k})`);
  const K = MAJORITY_EXACT_MAX_K;
  if (k <= K) {
    const lo = Math.floor(k);
    const vLo = exactAt(a, b, lo, s);
    if (lo === k) return vLo;
    const vHi = exactAt(a, b, lo + 1, s);
    return vLo + (vHi - vLo) * (k - lo);
  }
  const limit = majorityVoteLimit(a, b, s);
  const atK = exactAt(a, b, K, s);
  return Math.min(passAtK, Math.max(0, limit + ((atK - limit) * K) / k));
}
