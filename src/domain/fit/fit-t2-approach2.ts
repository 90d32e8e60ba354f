/**
 * T² Approach 2, stage 2 (Roberts et al. 2026, arXiv:2604.01411; laws.md §2): given a stage-1 Chinchilla fit L̂(N, D)
 * on task NLL, fit θ0…θ4 of μ = θ2/(1 + exp(θ1(L̂ − θ0))), ν = exp(θ3 + θ4·L̂) by least squares on measured pass@k,
 * Σ_i (1 − B(a_i, b_i + k_i)/B(a_i, b_i) − pass@k_i)². θ2 is kept in (0, 1) through a logistic and θ1 ≥ THETA1_MIN
 * through θ1 = THETA1_MIN + e^p (accuracy falls as the loss rises, as the law requires; runs whose pass@k does not
 * fall with L̂ end at that bound, finite); θ0, θ3, θ4 are free.
 * L-BFGS with the analytic gradient (digamma differences), from seeded random restarts spread over the observed
 * range of L̂ (θ0), θ1 ∈ [0.1, 3], θ2 ∈ [0.3, 0.99], ν at the middle of the range in [e^−1, e^3], θ4 ∈ [−0.3, 0.3].
 * The stage-1 loss L̂ is computed as E + exp(ln A − α ln N) + exp(ln B − β ln D); stage-1 constants that are not
 * finite (or A, B ≤ 0, E < 0), or a non-finite L̂ at a point, are rejected with a DomainError naming them.
 */
import { DomainError } from '../errors';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from '../optim/lbfgs';
import { createRng } from '../random';
import { logBetaFailure } from '../t2-approach2';
import type { ChinchillaConstants, T2Approach2Constants } from '../constants-types';
import { digamma } from './digamma';
import { assertPositiveFields, progressReporter, type FitOptions } from './types';

/** One measurement: a checkpoint (N, D) evaluated with k samples per question; passAtK in [0, 1]. */
export interface T2Approach2Point {
  params: number;
  tokens: number;
  samples: number;
  passAtK: number;
}

/** Options of fitT2Approach2: restarts. */
export interface T2Approach2FitOptions extends FitOptions {
  /** Random restarts, all run with L-BFGS (default 32). */
  starts?: number;
}

/** Result of fitT2Approach2: stage-1 constants with the fitted θ0…θ4 (laws.md §2, Approach 2). */
export interface T2Approach2Fit {
  /** Stage-1 constants as given, with the fitted θ0…θ4. */
  constants: T2Approach2Constants;
  /** Sum of squared pass@k errors at the best restart. */
  objective: number;
  points: number;
  starts: number;
  converged: boolean;
}

/** Smallest θ1 (per nat) the fit returns: θ1 = THETA1_MIN + e^p keeps it positive and finite. */
export const THETA1_MIN = 1e-6;

/** Σ (Acc − pass@k)² and its gradient over p = [θ0, ln(θ1 − THETA1_MIN), logit θ2, θ3, θ4], given stage-1 losses. */
export function t2Approach2Objective(
  loss: Float64Array,
  samples: Float64Array,
  passAtK: Float64Array,
): ObjectiveWithGradient {
  const n = loss.length;
  return (p, grad) => {
    const t0 = p[0]!,
      e1 = Math.exp(p[1]!),
      t1 = THETA1_MIN + e1,
      t3 = p[3]!,
      t4 = p[4]!;
    const t2 = 1 / (1 + Math.exp(-p[2]!));
    let f = 0,
      g0 = 0,
      g1 = 0,
      g2 = 0,
      g3 = 0,
      g4 = 0;
    for (let i = 0; i < n; i++) {
      const L = loss[i]!,
        k = samples[i]!;
      const q = 1 / (1 + Math.exp(t1 * (L - t0)));
      const mu = t2 * q;
      const nu = Math.exp(t3 + t4 * L);
      const a = mu * nu,
        b = (1 - mu) * nu;
      if (!(a > 0 && b > 0 && Number.isFinite(nu))) return Number.POSITIVE_INFINITY;
      const failure = Math.exp(logBetaFailure(a, b, k));
      const r = 1 - failure - passAtK[i]!;
      f += r * r;
      // dAcc/da = −R·(ψ(a+b) − ψ(a+b+k)), dAcc/db = −R·(ψ(b+k) − ψ(b) − ψ(a+b+k) + ψ(a+b)).
      const psiAB = digamma(a + b),
        psiABK = digamma(a + b + k);
      const dA = -failure * (psiAB - psiABK);
      const dB = -failure * (digamma(b + k) - digamma(b) - psiABK + psiAB);
      const w = 2 * r;
      const dq = q * (1 - q);
      const dMu0 = t2 * t1 * dq,
        dMu1 = -t2 * dq * (L - t0),
        dMu2 = q * t2 * (1 - t2);
      // a = μν, b = (1 − μ)ν: ∂/∂μ gives ν(dA − dB); ∂/∂ν gives μ·dA + (1 − μ)·dB.
      const viaMu = w * nu * (dA - dB);
      const viaNu = w * nu * (mu * dA + (1 - mu) * dB);
      g0 += viaMu * dMu0;
      g1 += viaMu * dMu1;
      g2 += viaMu * dMu2;
      g3 += viaNu;
      g4 += viaNu * L;
    }
    grad[0] = g0;
    grad[1] = g1 * e1;
    grad[2] = g2;
    grad[3] = g3;
    grad[4] = g4;
    return f;
  };
}

/**
 * The stage-1 loss L̂(N, D) = E + A/N^α + B/D^β at each point, computed in logs (A = 1e300, α = 60 stays finite).
 * @throws DomainError when a stage-1 constant is not usable or L̂ is not finite at a point (naming both).
 */
export function stage1Losses(
  points: readonly Pick<T2Approach2Point, 'params' | 'tokens'>[],
  stage1: ChinchillaConstants,
): Float64Array {
  const need = {
    E: 'a non-negative finite number',
    A: 'a positive finite number',
    B: 'a positive finite number',
    alpha: 'a finite number',
    beta: 'a finite number',
  } as const;
  for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
    const v = stage1[key];
    const ok = Number.isFinite(v) && (key === 'A' || key === 'B' ? v > 0 : key === 'E' ? v >= 0 : true);
    if (!ok)
      throw new DomainError(`T² Approach 2 fit: the stage-1 fit gave ${key} = ${String(v)}; it must be ${need[key]}`);
  }
  const lnA = Math.log(stage1.A),
    lnB = Math.log(stage1.B);
  return Float64Array.from(points, (p, i) => {
    const v =
      stage1.E + Math.exp(lnA - stage1.alpha * Math.log(p.params)) + Math.exp(lnB - stage1.beta * Math.log(p.tokens));
    if (!Number.isFinite(v)) {
      throw new DomainError(
        `T² Approach 2 fit: the stage-1 law gives a non-finite loss at point ${i + 1} (N = ${p.params}, D = ${p.tokens}); stage 1 (E ${stage1.E}, A ${stage1.A}, α ${stage1.alpha}, B ${stage1.B}, β ${stage1.beta}) does not describe these runs`,
      );
    }
    return v;
  });
}

/**
 * Fits stage 2 of T² Approach 2 (θ0…θ4) to (N, D, k, pass@k) points given the stage-1 constants (laws.md §2).
 * Deterministic for a given seed. Throws a DomainError on fewer than 6 points, bad values or pass@k outside [0, 1].
 */
export function fitT2Approach2(
  points: readonly T2Approach2Point[],
  stage1: ChinchillaConstants,
  opts: T2Approach2FitOptions = {},
): T2Approach2Fit {
  assertPositiveFields(points, ['params', 'tokens', 'samples'], 6, 'T² Approach 2 fit');
  points.forEach((p, i) => {
    if (!(p.passAtK >= 0 && p.passAtK <= 1))
      throw new DomainError(`T² Approach 2 fit: point ${i + 1} has passAtK = ${p.passAtK}; it must lie in [0, 1]`);
  });
  const loss = stage1Losses(points, stage1);
  const objective = t2Approach2Objective(
    loss,
    Float64Array.from(points, (p) => p.samples),
    Float64Array.from(points, (p) => p.passAtK),
  );
  const lo = loss.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
  const hi = loss.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
  const mid = 0.5 * (lo + hi);
  const count = opts.starts ?? 32;
  if (!Number.isInteger(count) || count < 1) throw new DomainError(`starts must be a positive integer (got ${count})`);
  const rng = createRng(opts.seed ?? 1);
  const ws = new LbfgsWorkspace(5, 10);
  const progress = progressReporter(count, opts);
  let best: { x: Float64Array; value: number; converged: boolean } | undefined;
  for (let i = 0; i < count; i++) {
    const t2 = rng.uniform(0.3, 0.99);
    const t4 = rng.uniform(-0.3, 0.3);
    const start = [
      rng.uniform(lo, hi),
      Math.log(rng.uniform(0.1, 3) - THETA1_MIN),
      Math.log(t2 / (1 - t2)),
      rng.uniform(-1, 3) - t4 * mid,
      t4,
    ];
    const r = lbfgs(objective, start, { maxIterations: 1000 }, ws);
    if (Number.isFinite(r.value) && (best === undefined || r.value < best.value)) best = r;
    progress.tick();
  }
  if (best === undefined)
    throw new DomainError('T² Approach 2 fit failed: the objective was not finite at any restart');
  progress.done();
  const x = best.x;
  return {
    constants: {
      E: stage1.E,
      A: stage1.A,
      B: stage1.B,
      alpha: stage1.alpha,
      beta: stage1.beta,
      theta0: x[0]!,
      theta1: THETA1_MIN + Math.exp(x[1]!),
      theta2: 1 / (1 + Math.exp(-x[2]!)),
      theta3: x[3]!,
      theta4: x[4]!,
    },
    objective: best.value,
    points: points.length,
    starts: count,
    converged: best.converged,
  };
}
