/**
 * T² Approach 2, the μ part of stage 2 alone (Roberts et al. 2026, arXiv:2604.01411; laws.md §2, §8): at k = 1 the
 * Beta model's accuracy is its mean μ, whatever ν is, so single-answer accuracy (lm-eval's greedy / argmax "acc")
 * identifies θ0, θ1, θ2 of μ(L̂) = floor + (θ2 − floor)/(1 + exp(θ1(L̂ − θ0))) and nothing of ν. floor = 0 is the
 * paper's form; floor > 0 (1/choices for a multiple-choice task) is our extension, labelled so (laws.md §8).
 * Least squares on accuracy over the checkpoints, L-BFGS on (θ0, ln θ1, logit of (θ2 − floor)/(1 − floor)) from seeded
 * restarts spread over the observed L̂ range. θ1 > 0 (accuracy falls as the loss rises) and floor < θ2 < 1 hold by
 * construction.
 */
import { DomainError } from '../errors';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from '../optim/lbfgs';
import { createRng } from '../random';
import { assertPositiveFields, progressReporter, type FitOptions } from './types';

/** One checkpoint: its stage-1 loss L̂ (nats) and its measured single-answer accuracy in [0, 1]. */
export interface MuPoint { loss: number; accuracy: number }

/** θ0 (nats), θ1 (1/nats), θ2 (ceiling) of μ(L̂), with the floor they were fitted with. */
export interface MuConstants { theta0: number; theta1: number; theta2: number; floor: number }

/** Options: chance floor (default 0), restarts (default 24), a warm start tried first. */
export interface MuFitOptions extends FitOptions {
  floor?: number;
  starts?: number;
  initial?: MuConstants;
}

/** Result of fitT2Mu: the constants and the sum of squared accuracy errors. */
export interface MuFit { constants: MuConstants; objective: number; points: number; converged: boolean }

/** μ(L̂) of constants c (laws.md §2, with the §8 floor). */
export function muOfLoss(c: MuConstants, loss: number): number {
  return c.floor + (c.theta2 - c.floor) / (1 + Math.exp(c.theta1 * (loss - c.theta0)));
}

/** Σ (μ(L̂_i) − acc_i)² and its gradient over p = [θ0, ln θ1, logit s] with θ2 = floor + (1 − floor)·s. */
export function muObjective(loss: Float64Array, acc: Float64Array, floor: number): ObjectiveWithGradient {
  return (p, g) => {
    const t0 = p[0]!, t1 = Math.exp(p[1]!), s = 1 / (1 + Math.exp(-p[2]!));
    const span = (1 - floor) * s;
    let f = 0, g0 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < loss.length; i++) {
      const q = 1 / (1 + Math.exp(t1 * (loss[i]! - t0)));
      const r = floor + span * q - acc[i]!;
      f += r * r;
      const dq = q * (1 - q);
      g0 += 2 * r * span * t1 * dq;
      g1 += 2 * r * span * -dq * (loss[i]! - t0) * t1;
      g2 += 2 * r * (1 - floor) * s * (1 - s) * q;
    }
    g[0] = g0; g[1] = g1; g[2] = g2;
    return f;
  };
}

/**
 * Fits θ0, θ1, θ2 of μ(L̂) to (L̂, accuracy) points by least squares (laws.md §2, §8). Deterministic for a seed.
 * Throws a DomainError on fewer than 4 points, a non-positive loss, accuracy outside [0, 1] or a floor outside [0, 1).
 */
export function fitT2Mu(points: readonly MuPoint[], opts: MuFitOptions = {}): MuFit {
  assertPositiveFields(points, ['loss'], 4, 'μ fit');
  const floor = opts.floor ?? 0;
  if (!(floor >= 0 && floor < 1)) throw new DomainError(`μ fit: the chance floor must lie in [0, 1) (got ${floor})`);
  points.forEach((p, i) => {
    if (!(p.accuracy >= 0 && p.accuracy <= 1)) throw new DomainError(`μ fit: point ${i + 1} has accuracy ${p.accuracy}; it must lie in [0, 1]`);
  });
  const loss = Float64Array.from(points, (p) => p.loss);
  const acc = Float64Array.from(points, (p) => p.accuracy);
  const objective = muObjective(loss, acc, floor);
  const lo = Math.min(...loss), hi = Math.max(...loss);
  const maxAcc = Math.max(...acc);
  const rng = createRng(opts.seed ?? 1);
  const logitS = (t2: number) => {
    const s = Math.min(1 - 1e-9, Math.max(1e-9, (t2 - floor) / (1 - floor)));
    return Math.log(s / (1 - s));
  };
  const starts: number[][] = [];
  if (opts.initial) starts.push([opts.initial.theta0, Math.log(opts.initial.theta1), logitS(opts.initial.theta2)]);
  const count = opts.starts ?? 24;
  if (!Number.isInteger(count) || count < 1) throw new DomainError(`starts must be a positive integer (got ${count})`);
  for (let i = 0; i < count; i++) {
    starts.push([rng.uniform(lo, hi), Math.log(rng.uniform(0.1, 5)), logitS(Math.min(0.999, Math.max(floor + 1e-3, maxAcc * rng.uniform(1, 1.6))))]);
  }
  const ws = new LbfgsWorkspace(3, 10);
  const progress = progressReporter(starts.length, opts);
  let best: { x: Float64Array; value: number; converged: boolean } | undefined;
  for (const s of starts) {
    const r = lbfgs(objective, s, { maxIterations: 2000 }, ws);
    if (Number.isFinite(r.value) && (best === undefined || r.value < best.value)) best = r;
    progress.tick();
  }
  if (best === undefined) throw new DomainError('μ fit failed: the objective was not finite at any restart');
  progress.done();
  const s = 1 / (1 + Math.exp(-best.x[2]!));
  return {
    constants: { theta0: best.x[0]!, theta1: Math.exp(best.x[1]!), theta2: floor + (1 - floor) * s, floor },
    objective: best.value, points: points.length, converged: best.converged,
  };
}
