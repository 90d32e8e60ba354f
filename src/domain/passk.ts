/**
 * pass@k (laws.md §3): per question, for a Beta distribution of per-question difficulty, Chen et al.'s unbiased
 * estimator from measured samples, and the Large Language Monkeys coverage law. All results are probabilities in
 * [0, 1]; k counts samples per question (continuous in the laws, an integer for the estimator).
 */
import { DomainError } from './errors';
import { logBetaFailure, logGammaShift } from './math/special';
import type { Probability, Samples } from './units';

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new DomainError(`${name} must be a finite number (got ${value})`);
}

function assertProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new DomainError(`${name} must be a probability in [0, 1] (got ${p})`);
}

function assertSamples(k: number): void {
  if (!(k >= 0) || !Number.isFinite(k)) throw new DomainError(`k must be a non-negative finite number (got ${k})`);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * pass@k = 1 − (1 − p)^k for one question with single-sample success probability p (laws.md §3), evaluated as
 * −expm1(k·log1p(−p)) so that tiny p with huge k keeps its digits.
 * @param p single-sample success probability in [0, 1].
 * @param k samples (≥ 0, continuous); pass@0 = 0.
 */
export function passAtK(p: Probability, k: Samples): Probability {
  assertProbability('p', p);
  assertSamples(k);
  if (k === 0) return 0;
  if (p === 1) return 1;
  return clamp01(-Math.expm1(k * Math.log1p(-p)));
}

/** ln Γ(x + s) − ln Γ(x) (see `logGammaShift` in ./math/special). */
export const logGammaRatio = logGammaShift;

/**
 * E[pass@k] when per-question accuracy p ~ Beta(a, b): 1 − B(a, b + k)/B(a, b) (laws.md §3; T² Approach 2). The ratio
 * is Γ(b + k)Γ(a + b)/(Γ(a + b + k)Γ(b)), taken in log space; the large-argument part uses `logGammaRatio` so the
 * failure rate, which falls as k^(−a), keeps full precision for k up to 1e7 and a, b down to 1e-3.
 * @param a, b Beta shape parameters (> 0). @param k samples (≥ 0, continuous).
 */
export function passAtKBeta(a: number, b: number, k: Samples): Probability {
  return clamp01(-Math.expm1(passAtKBetaLogFailure(a, b, k)));
}

/**
 * ln(1 − E[pass@k]) for p ~ Beta(a, b): ln B(a, b + k) − ln B(a, b) (≤ 0). Keeps full relative precision of the
 * failure rate even when pass@k rounds to 1 (e.g. a = 2, k = 1e7, where the failure rate is ~1e-13).
 */
export function passAtKBetaLogFailure(a: number, b: number, k: Samples): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new DomainError(`Beta parameters must be positive finite numbers (got a = ${a}, b = ${b})`);
  }
  assertSamples(k);
  if (k === 0) return 0;
  return logBetaFailure(a, b, k);
}

/** Largest count the estimator takes: 2^53 − 1, the last integer a double holds exactly (Number.MAX_SAFE_INTEGER). */
export const PASSK_MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** Above this many factors the estimator's product is taken through log-gamma shifts instead of term by term. */
export const PASSK_ESTIMATE_MAX_TERMS = 1_000_000;

function assertCount(name: string, value: number, min: number, max: number, maxText: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError(`${name} must be an integer in [${min}, ${maxText}] (got ${value})`);
  }
}

/**
 * Chen et al.'s unbiased estimator of pass@k from n samples with c correct (arXiv:2107.03374, §2.1; laws.md §3):
 * 1 − C(n−c, k)/C(n, k), exactly 1 when n − c < k. The ratio has two product forms, Π_{i=n−c+1..n} (1 − k/i) (c
 * factors) and Π_{j=0..k−1} (1 − c/(n − j)) (k factors); the shorter one is summed in log space (log1p), so the work
 * is min(c, k) terms. Above PASSK_ESTIMATE_MAX_TERMS factors the same ratio is B(c, n − c + 1)/B(c, n − c − k + 1),
 * taken from log-gamma shifts (`logBetaFailure`; absolute error of the log failure ~1e-16·k·ln n).
 * @param n samples drawn (whole number, 1 ≤ n ≤ 2^53 − 1, the counts a double holds exactly).
 * @param c correct samples (whole number, 0 ≤ c ≤ n). @param k whole number, 1 ≤ k ≤ n.
 */
export function passAtKEstimate(n: number, c: number, k: number): Probability {
  assertCount('n', n, 1, PASSK_MAX_COUNT, '2^53 − 1 = 9007199254740991');
  assertCount('c', c, 0, n, `n = ${n}`);
  assertCount('k', k, 1, n, `n = ${n}`);
  if (n - c < k) return 1;
  if (c === 0) return 0;
  let logFailure = 0;
  if (Math.min(c, k) > PASSK_ESTIMATE_MAX_TERMS) {
    logFailure = logBetaFailure(c, n - c - k + 1, k);
  } else if (k <= c) {
    for (let j = 0; j < k; j++) logFailure += Math.log1p(-c / (n - j));
  } else {
    for (let i = n - c + 1; i <= n; i++) logFailure += Math.log1p(-k / i);
  }
  return clamp01(-Math.expm1(logFailure));
}

/**
 * Mean of Chen et al.'s estimator over questions (laws.md §3: "average over questions"), each with its own n and c.
 * @throws DomainError on an empty list or any invalid (n, c, k).
 */
export function meanPassAtKEstimate(results: readonly { n: number; c: number }[], k: number): Probability {
  if (results.length === 0) throw new DomainError('need at least one question to average pass@k over');
  let sum = 0;
  for (const r of results) sum += passAtKEstimate(r.n, r.c, k);
  return sum / results.length;
}

/**
 * Coverage law of Large Language Monkeys (Brown et al. 2024, arXiv:2407.21787; laws.md §3): coverage ≈ exp(a·k^b),
 * with a, b < 0 fitted per model and task. Coverage rises towards 1 as k grows.
 * @param a, b negative fitted constants. @param k samples (> 0).
 */
export function monkeysCoverage(a: number, b: number, k: Samples): Probability {
  assertFinite('a', a);
  assertFinite('b', b);
  if (!(a < 0) || !(b < 0)) throw new DomainError(`the coverage law needs a < 0 and b < 0 (got a = ${a}, b = ${b})`);
  if (!(k > 0) || !Number.isFinite(k)) throw new DomainError(`k must be a positive finite number (got ${k})`);
  return clamp01(Math.exp(a * k ** b));
}

/**
 * Example Monkeys constants: Llama-3-8B-Instruct on MATH, a ≈ −1.33, b ≈ −0.43 (Brown et al. 2024, transcribed from a
 * figure; approximate, laws.md §3).
 */
export const MONKEYS_LLAMA3_8B_MATH = Object.freeze({
  a: -1.33,
  b: -0.43,
  approximate: true,
  source: 'Brown et al. 2024, Large Language Monkeys (arXiv:2407.21787), figure transcription; laws.md §3',
});
