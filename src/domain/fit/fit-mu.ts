/**
 * Stage 2 of T² Approach 2 at k = 1 (Roberts et al. 2026, arXiv:2604.01411; laws.md §2 and §8): the mean
 * single-sample accuracy μ as a function of the stage-1 loss L̂,
 *   μ(L̂) = floor + (θ2 − floor)/(1 + exp(θ1(L̂ − θ0))),
 * fitted by least squares to measured accuracies Σ_i (μ(L̂_i) − acc_i)². With floor = 0 this is the paper's μ form; a
 * positive floor (the chance accuracy of a multiple-choice task, 1/choices) is OUR extension (laws.md §8), not the
 * paper's, and must be labelled so wherever it is used.
 *
 * At k = 1 the Beta model gives Acc = a/(a + b) = μ whatever ν is, so accuracy measured at k = 1 (including greedy or
 * argmax-over-choices accuracy, which is not a sampled pass@1: say so beside any result) identifies θ0, θ1, θ2 only;
 * ν (θ3, θ4) needs repeated-sampling data.
 *
 * θ2 is kept in (floor, 1) through a logistic, θ0 and θ1 are free. L-BFGS with the analytic gradient from a fixed,
 * deterministic grid of starts (θ0 at 5 points across the observed L̂ range, θ1 ∈ {0.25, 0.5, 1, 2, 4, 8}, θ2 at 30 %,
 * 70 % and 95 % of the way from the floor to 1), or from given starts only (warm refits).
 */
import { DomainError } from '../errors';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from '../optim/lbfgs';

/** One measurement: stage-1 loss L̂ (nats) and the accuracy measured there (0–1). */
export interface MuPoint {
  loss: number;
  accuracy: number;
}

/** Constants of μ(L̂): θ0 (nats), θ1 (1/nats), θ2 (ceiling, 0–1) and the fixed floor (0–1, 0 = the paper's form). */
export interface MuConstants {
  theta0: number;
  theta1: number;
  theta2: number;
  floor: number;
}

/** Options of fitMu: the floor (default 0) and optional starts that replace the grid (warm refits). */
export interface MuFitOptions {
  /** Chance floor in [0, 1) (default 0, the paper's form). */
  floor?: number;
  /** Starts to run from instead of the grid (e.g. a previous fit, for bootstrap resamples). */
  initial?: readonly Pick<MuConstants, 'theta0' | 'theta1' | 'theta2'>[];
}

/** Result of fitMu: the best constants and the least-squares objective there. */
export interface MuFit {
  constants: MuConstants;
  /** Σ (μ − accuracy)² at the best start. */
  objective: number;
  points: number;
  starts: number;
  converged: boolean;
}

/** μ(L̂) for the given constants (laws.md §2; floor > 0 is our extension, laws.md §8). */
export function muOfLoss(c: MuConstants, loss: number): number {
  return c.floor + (c.theta2 - c.floor) / (1 + Math.exp(c.theta1 * (loss - c.theta0)));
}

/** Σ (μ(L̂_i) − acc_i)² and its gradient over p = [θ0, θ1, u], θ2 = floor + (1 − floor)·σ(u). */
export function muObjective(loss: Float64Array, accuracy: Float64Array, floor: number): ObjectiveWithGradient {
  const n = loss.length;
  return (p, grad) => {
    const t0 = p[0]!,
      t1 = p[1]!;
    const s = 1 / (1 + Math.exp(-p[2]!));
    const t2 = floor + (1 - floor) * s;
    let f = 0,
      g0 = 0,
      g1 = 0,
      g2 = 0;
    for (let i = 0; i < n; i++) {
      const d = loss[i]! - t0;
      const q = 1 / (1 + Math.exp(t1 * d));
      const r = floor + (t2 - floor) * q - accuracy[i]!;
      f += r * r;
      const w = 2 * r;
      const dq = q * (1 - q);
      g0 += w * (t2 - floor) * t1 * dq;
      g1 -= w * (t2 - floor) * d * dq;
      g2 += w * q * (1 - floor) * s * (1 - s);
    }
    grad[0] = g0;
    grad[1] = g1;
    grad[2] = g2;
    return f;
  };
}

const logit = (v: number) => Math.log(v / (1 - v));

/**
 * Fits θ0, θ1, θ2 of μ(L̂) (floor fixed) to (L̂, accuracy) points by least squares. Deterministic. Throws a
 * DomainError on fewer than 4 points, a non-finite loss, an accuracy outside [0, 1] or a floor outside [0, 1).
 */
export function fitMu(points: readonly MuPoint[], opts: MuFitOptions = {}): MuFit {
  const floor = opts.floor ?? 0;
  if (!(floor >= 0 && floor < 1)) throw new DomainError(`μ fit: floor must lie in [0, 1) (got ${floor})`);
  if (points.length < 4) throw new DomainError(`μ fit needs at least 4 points (got ${points.length})`);
  points.forEach((p, i) => {
    if (!Number.isFinite(p.loss))
      throw new DomainError(`μ fit: point ${i + 1} has loss = ${p.loss}; it must be finite`);
    if (!(p.accuracy >= 0 && p.accuracy <= 1))
      throw new DomainError(`μ fit: point ${i + 1} has accuracy = ${p.accuracy}; it must lie in [0, 1]`);
  });
  const loss = Float64Array.from(points, (p) => p.loss);
  const accuracy = Float64Array.from(points, (p) => p.accuracy);
  const objective = muObjective(loss, accuracy, floor);
  const share = (t2: number) => logit(Math.min(1 - 1e-9, Math.max(1e-9, (t2 - floor) / (1 - floor))));
  const starts: number[][] = [];
  if (opts.initial && opts.initial.length > 0) {
    for (const c of opts.initial) starts.push([c.theta0, c.theta1, share(c.theta2)]);
  } else {
    const lo = loss.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
    const hi = loss.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
    for (let i = 0; i < 5; i++) {
      for (const t1 of [0.25, 0.5, 1, 2, 4, 8]) {
        for (const w of [0.3, 0.7, 0.95]) starts.push([lo + (hi - lo) * (i / 4), t1, logit(w)]);
      }
    }
  }
  const ws = new LbfgsWorkspace(3, 10);
  let best: { x: Float64Array; value: number; converged: boolean } | undefined;
  for (const s of starts) {
    const r = lbfgs(objective, s, { maxIterations: 2000 }, ws);
    if (Number.isFinite(r.value) && (best === undefined || r.value < best.value)) best = r;
  }
  if (best === undefined) throw new DomainError('μ fit failed: the objective was not finite at any start');
  const x = best.x;
  return {
    constants: { theta0: x[0]!, theta1: x[1]!, theta2: floor + (1 - floor) / (1 + Math.exp(-x[2]!)), floor },
    objective: best.value,
    points: points.length,
    starts: starts.length,
    converged: best.converged,
  };
}
