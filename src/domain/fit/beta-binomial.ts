/**
 * Beta-binomial likelihood of repeated-sampling counts (laws.md §2 Approach 2 and §8: "a beta-binomial likelihood on
 * per-problem (n samples, c correct) counts uses all of the data"). Each question i has a single-sample success
 * probability p_i ~ Beta(a, b) across questions; c_i of its n_i samples are correct, so c_i ~ BetaBinomial(n_i, a, b):
 *   ln P(c | n, a, b) = ln C(n, c) + ln B(c + a, n − c + b) − ln B(a, b).
 * This module gives that log-likelihood with its gradient (digamma differences), the maximum-likelihood (a, b) of one
 * group of questions, and the T² Approach 2 stage-2 fit of θ0…θ4 by maximum likelihood on the counts of many
 * checkpoints (a = μν, b = (1 − μ)ν with μ = θ2/(1 + exp(θ1(L̂ − θ0))), ν = exp(θ3 + θ4·L̂); Roberts et al. 2026,
 * arXiv:2604.01411, fit θ by squared error on pass@k instead: the likelihood is our choice, labelled so).
 * Counts with equal (n, c) are pooled with a weight, so 10^4 questions cost as much as their distinct counts.
 */
import { DomainError } from '../errors';
import { logGamma, logGammaShift } from '../math/special';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from '../optim/lbfgs';
import { createRng } from '../random';
import { digamma } from './digamma';
import { progressReporter, type FitOptions } from './types';

/** One question's repeated-sampling outcome: n samples drawn, c of them correct (integers, 0 ≤ c ≤ n, n ≥ 1). */
export interface SampleCount {
  n: number;
  c: number;
}

/** Distinct (n, c) pairs with how many questions share each (weight). */
export interface PooledCounts {
  n: Float64Array;
  c: Float64Array;
  weight: Float64Array;
  questions: number;
}

/** Checks every count and pools equal (n, c) pairs. Throws a DomainError naming the first bad count. */
export function poolCounts(counts: readonly SampleCount[], what = 'beta-binomial'): PooledCounts {
  if (counts.length === 0) throw new DomainError(`${what}: needs at least one question`);
  const map = new Map<string, [number, number, number]>();
  counts.forEach(({ n, c }, i) => {
    if (!Number.isInteger(n) || n < 1)
      throw new DomainError(`${what}: question ${i + 1} has n = ${String(n)}; it must be an integer ≥ 1`);
    if (!Number.isInteger(c) || c < 0 || c > n)
      throw new DomainError(`${what}: question ${i + 1} has c = ${String(c)}; it must be an integer in [0, n = ${n}]`);
    const key = `${n}/${c}`;
    const e = map.get(key);
    if (e) e[2] += 1;
    else map.set(key, [n, c, 1]);
  });
  const rows = [...map.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return {
    n: Float64Array.from(rows, (r) => r[0]),
    c: Float64Array.from(rows, (r) => r[1]),
    weight: Float64Array.from(rows, (r) => r[2]),
    questions: counts.length,
  };
}

/** ln C(n, c) through log-gamma (exact enough for n up to 1e7). */
function logChoose(n: number, c: number): number {
  return logGamma(n + 1) - logGamma(c + 1) - logGamma(n - c + 1);
}

/**
 * ln P(c | n, a, b) of the beta-binomial, for a, b > 0. @param n samples (integer ≥ 1). @param c correct (0 ≤ c ≤ n).
 * @throws DomainError on invalid counts or a, b not positive finite.
 */
export function betaBinomialLogPmf(n: number, c: number, a: number, b: number): number {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)))
    throw new DomainError(`beta-binomial needs a, b > 0 (got a = ${a}, b = ${b})`);
  poolCounts([{ n, c }]);
  return logChoose(n, c) + logGammaShift(a, c) + logGammaShift(b, n - c) - logGammaShift(a + b, n);
}

/** Asymptotic tail of ψ beyond ln x − 1/(2x) (Abramowitz & Stegun 6.3.18), for x ≥ 10. */
function digammaTail(x: number): number {
  const r2 = 1 / (x * x);
  return r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 / 132))));
}

/** ψ(x + s) − ψ(x) for x > 0, s ≥ 0, without cancelling two large numbers (a concentrated Beta has a + b ~ 1e20). */
export function digammaShift(x: number, s: number): number {
  if (s === 0) return 0;
  if (x < 10) return digamma(x + s) - digamma(x);
  return Math.log1p(s / x) - 0.5 / (x + s) + 0.5 / x - digammaTail(x + s) + digammaTail(x);
}

/**
 * Σ_j w_j · ln P(c_j | n_j, a, b) over pooled counts, without the constant ln C(n, c) terms, and its partial
 * derivatives: ∂/∂a = Σ w(ψ(c + a) − ψ(n + a + b) − ψ(a) + ψ(a + b)), ∂/∂b = Σ w(ψ(n − c + b) − ψ(n + a + b) − ψ(b) + ψ(a + b)).
 * Each term is written as log-gamma and digamma SHIFTS, [lnΓ(c + a) − lnΓ(a)] + [lnΓ(n − c + b) − lnΓ(b)] −
 * [lnΓ(n + a + b) − lnΓ(a + b)], so a concentrated Beta (a + b up to 1e20) keeps its digits.
 * Returns NaN-free values for a, b > 0 (−Infinity value otherwise).
 */
export function betaBinomialLogLik(p: PooledCounts, a: number, b: number): { value: number; dA: number; dB: number } {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)))
    return { value: Number.NEGATIVE_INFINITY, dA: 0, dB: 0 };
  let value = 0,
    dA = 0,
    dB = 0;
  for (let j = 0; j < p.n.length; j++) {
    const n = p.n[j]!,
      c = p.c[j]!,
      w = p.weight[j]!;
    const shiftN = digammaShift(a + b, n);
    value += w * (logGammaShift(a, c) + logGammaShift(b, n - c) - logGammaShift(a + b, n));
    dA += w * (digammaShift(a, c) - shiftN);
    dB += w * (digammaShift(b, n - c) - shiftN);
  }
  return { value, dA, dB };
}

/** Result of fitBetaBinomial: the maximum-likelihood a, b, with μ = a/(a + b), ν = a + b and the log-likelihood. */
export interface BetaBinomialFit {
  a: number;
  b: number;
  mu: number;
  nu: number;
  logLik: number;
  converged: boolean;
}

/**
 * Maximum-likelihood Beta(a, b) of per-question success probabilities from repeated-sampling counts (one group of
 * questions, e.g. one checkpoint on one task). L-BFGS on (ln a, ln b) from a method-of-moments start. The returned
 * logLik includes the ln C(n, c) terms. Throws a DomainError on invalid counts or when every question has c = 0 or
 * every one has c = n (a, b then run off to 0 or ∞: unidentified).
 */
export function fitBetaBinomial(counts: readonly SampleCount[]): BetaBinomialFit {
  const p = poolCounts(counts, 'beta-binomial fit');
  let anyC = false,
    anyF = false;
  for (let j = 0; j < p.n.length; j++) {
    if (p.c[j]! > 0) anyC = true;
    if (p.c[j]! < p.n[j]!) anyF = true;
  }
  if (!anyC || !anyF)
    throw new DomainError(
      'beta-binomial fit: every question was always wrong or always right; a and b are unidentified',
    );
  let m = 0,
    v = 0;
  for (let j = 0; j < p.n.length; j++) m += (p.weight[j]! * p.c[j]!) / p.n[j]! / p.questions;
  for (let j = 0; j < p.n.length; j++) v += (p.weight[j]! * (p.c[j]! / p.n[j]! - m) ** 2) / p.questions;
  const mu0 = Math.min(0.99, Math.max(1e-4, m));
  const nu0 = Math.min(1e3, Math.max(0.05, v > 0 ? (mu0 * (1 - mu0)) / v - 1 : 10));
  const objective: ObjectiveWithGradient = (x, g) => {
    const a = Math.exp(x[0]!),
      b = Math.exp(x[1]!);
    const r = betaBinomialLogLik(p, a, b);
    g[0] = -r.dA * a;
    g[1] = -r.dB * b;
    return -r.value;
  };
  const r = lbfgs(objective, [Math.log(mu0 * nu0), Math.log((1 - mu0) * nu0)], { maxIterations: 2000 });
  const a = Math.exp(r.x[0]!),
    b = Math.exp(r.x[1]!);
  let constant = 0;
  for (let j = 0; j < p.n.length; j++) constant += p.weight[j]! * logChoose(p.n[j]!, p.c[j]!);
  return { a, b, mu: a / (a + b), nu: a + b, logLik: constant - r.value, converged: r.converged };
}

/** One checkpoint's repeated-sampling counts with its stage-1 loss L̂(N, D) (nats). */
export interface LossCountGroup {
  loss: number;
  counts: readonly SampleCount[];
}

/** θ0…θ4 of T² Approach 2 stage 2 (laws.md §2). */
export interface T2Thetas {
  theta0: number;
  theta1: number;
  theta2: number;
  theta3: number;
  theta4: number;
}

/** Options of fitT2BetaBinomial: restarts (default 48, all run with L-BFGS) and an optional warm start tried first. */
export interface T2BetaBinomialOptions extends FitOptions {
  starts?: number;
  initial?: T2Thetas;
}

/** Result of fitT2BetaBinomial: θ, the log-likelihood (without ln C(n, c) terms) and the fit's size. */
export interface T2BetaBinomialFit {
  thetas: T2Thetas;
  logLik: number;
  groups: number;
  questions: number;
  converged: boolean;
}

interface PreparedGroup {
  loss: number;
  pooled: PooledCounts;
}

/** −Σ log-likelihood and its gradient over p = [θ0, θ1, logit θ2, θ3, θ4], for the prepared groups. */
export function t2BetaBinomialObjective(groups: readonly PreparedGroup[]): ObjectiveWithGradient {
  return (p, grad) => {
    const t0 = p[0]!,
      t1 = p[1]!,
      t3 = p[3]!,
      t4 = p[4]!;
    const t2 = 1 / (1 + Math.exp(-p[2]!));
    let f = 0,
      g0 = 0,
      g1 = 0,
      g2 = 0,
      g3 = 0,
      g4 = 0;
    for (const { loss: L, pooled } of groups) {
      const q = 1 / (1 + Math.exp(t1 * (L - t0)));
      const mu = t2 * q;
      const nu = Math.exp(t3 + t4 * L);
      const a = mu * nu,
        b = (1 - mu) * nu;
      if (!(a > 0 && b > 0 && Number.isFinite(nu))) return Number.POSITIVE_INFINITY;
      const r = betaBinomialLogLik(pooled, a, b);
      if (!Number.isFinite(r.value)) return Number.POSITIVE_INFINITY;
      f -= r.value;
      const dq = q * (1 - q);
      // a = μν, b = (1 − μ)ν: ∂ℓ/∂μ = ν(∂ℓ/∂a − ∂ℓ/∂b), ∂ℓ/∂ln ν = ν(μ ∂ℓ/∂a + (1 − μ) ∂ℓ/∂b).
      const viaMu = -nu * (r.dA - r.dB);
      const viaLogNu = -nu * (mu * r.dA + (1 - mu) * r.dB);
      g0 += viaMu * t2 * t1 * dq;
      g1 += viaMu * -t2 * dq * (L - t0);
      g2 += viaMu * q * t2 * (1 - t2);
      g3 += viaLogNu;
      g4 += viaLogNu * L;
    }
    grad[0] = g0;
    grad[1] = g1;
    grad[2] = g2;
    grad[3] = g3;
    grad[4] = g4;
    return f;
  };
}

/** Prepares and checks groups for fitT2BetaBinomial / t2BetaBinomialObjective. */
export function prepareLossCountGroups(groups: readonly LossCountGroup[]): PreparedGroup[] {
  if (groups.length < 3)
    throw new DomainError(`T² beta-binomial fit needs at least 3 checkpoints (got ${groups.length})`);
  return groups.map((g, i) => {
    if (!(Number.isFinite(g.loss) && g.loss > 0))
      throw new DomainError(
        `T² beta-binomial fit: checkpoint ${i + 1} has loss ${String(g.loss)}; it must be a positive finite number`,
      );
    return { loss: g.loss, pooled: poolCounts(g.counts, `T² beta-binomial fit, checkpoint ${i + 1}`) };
  });
}

/**
 * Fits θ0…θ4 of T² Approach 2 stage 2 by maximum beta-binomial likelihood on per-question counts of several
 * checkpoints, each with its stage-1 loss L̂ (laws.md §2, §8). Seeded restarts: θ0 across the observed L̂ range,
 * θ1 ∈ [0.1, 5], θ2 ∈ [0.05, 0.95], θ4 ∈ [−2, 2] and ν at the middle of the range in [e^−2, e^3]. Deterministic.
 * Throws a DomainError on fewer than 3 checkpoints, invalid counts or loss, or no finite restart.
 */
export function fitT2BetaBinomial(
  groups: readonly LossCountGroup[],
  opts: T2BetaBinomialOptions = {},
): T2BetaBinomialFit {
  const prepared = prepareLossCountGroups(groups);
  const objective = t2BetaBinomialObjective(prepared);
  const losses = prepared.map((g) => g.loss);
  const lo = Math.min(...losses),
    hi = Math.max(...losses),
    mid = 0.5 * (lo + hi);
  const count = opts.starts ?? 48;
  if (!Number.isInteger(count) || count < 1) throw new DomainError(`starts must be a positive integer (got ${count})`);
  const rng = createRng(opts.seed ?? 1);
  const starts: number[][] = [];
  const logit = (t: number) => Math.log(t / (1 - t));
  if (opts.initial) {
    const t = opts.initial;
    starts.push([t.theta0, t.theta1, logit(Math.min(1 - 1e-12, Math.max(1e-12, t.theta2))), t.theta3, t.theta4]);
  }
  for (let i = 0; i < count; i++) {
    const t4 = rng.uniform(-2, 2);
    starts.push([
      rng.uniform(lo, hi),
      rng.uniform(0.1, 5),
      logit(rng.uniform(0.05, 0.95)),
      rng.uniform(-2, 3) - t4 * mid,
      t4,
    ]);
  }
  const ws = new LbfgsWorkspace(5, 10);
  const progress = progressReporter(starts.length, opts);
  let best: { x: Float64Array; value: number; converged: boolean } | undefined;
  for (const s of starts) {
    const r = lbfgs(objective, s, { maxIterations: 2000 }, ws);
    if (Number.isFinite(r.value) && (best === undefined || r.value < best.value)) best = r;
    progress.tick();
  }
  if (best === undefined)
    throw new DomainError('T² beta-binomial fit failed: the likelihood was not finite at any restart');
  progress.done();
  const x = best.x;
  return {
    thetas: { theta0: x[0]!, theta1: x[1]!, theta2: 1 / (1 + Math.exp(-x[2]!)), theta3: x[3]!, theta4: x[4]! },
    logLik: -best.value,
    groups: prepared.length,
    questions: prepared.reduce((s, g) => s + g.pooled.questions, 0),
    converged: best.converged,
  };
}
