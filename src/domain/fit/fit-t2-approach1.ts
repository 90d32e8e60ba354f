/**
 * T² Approach 1 fit (Roberts et al. 2026, arXiv:2604.01411; laws.md §2): least squares on task NLL,
 * Σ_i (E + A/N_i^α + B/D_i^β + G/k_i^γ − NLL_i)², over checkpoints × sampled k, from many seeded random restarts
 * (the paper: L-BFGS-B with 500 restarts). Parametrised without bounds as E = e^e, A = e^a, B = e^b, G = e^g (so they
 * stay positive) with α, β, γ free; L-BFGS with the analytic gradient.
 *
 * Restarts are data-aware: each draws exponents α, β ∈ [0.05, 1], γ ∈ [0.05, 1.5] and term sizes between 1 % and
 * 100 % of the NLL spread at the median N, D, k, which fixes a, b, g; E is drawn in [0.02, 1]·min NLL. As in the
 * Chinchilla fit, every restart is evaluated and L-BFGS runs from the `refine` best (default 64; 'all' for every one).
 */
import { DomainError } from '../errors';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from '../optim/lbfgs';
import { createRng } from '../random';
import type { T2Approach1Constants } from '../constants-types';
import { assertPositiveFields, progressReporter, type FitOptions } from './types';

/** One measurement: a checkpoint (N, D) evaluated with k samples per question; nll = mean −log pass@k (nats). */
export interface T2Approach1Point {
  params: number;
  tokens: number;
  samples: number;
  nll: number;
}

/** Options of fitT2Approach1: restarts and screening. */
export interface T2Approach1FitOptions extends FitOptions {
  /** Random restarts (default 500, as in the paper). */
  starts?: number;
  /** L-BFGS runs from the `refine` restarts with the lowest initial error (default 64), or 'all'. */
  refine?: number | 'all';
}

/** Result of fitT2Approach1: the best constants (laws.md §2, Approach 1) and the fit's size. */
export interface T2Approach1Fit {
  constants: T2Approach1Constants;
  /** Sum of squared NLL errors at the best restart (nats²). */
  objective: number;
  points: number;
  starts: number;
  converged: boolean;
}

/** Σ (model − nll)² and its gradient over p = [e, a, b, g, α, β, γ], on precomputed logs. */
export function t2Approach1Objective(
  logN: Float64Array,
  logD: Float64Array,
  logK: Float64Array,
  nll: Float64Array,
): ObjectiveWithGradient {
  const n = nll.length;
  return (p, grad) => {
    const E = Math.exp(p[0]!),
      a = p[1]!,
      b = p[2]!,
      g = p[3]!,
      al = p[4]!,
      be = p[5]!,
      ga = p[6]!;
    let f = 0,
      dE = 0,
      da = 0,
      db = 0,
      dg = 0,
      dal = 0,
      dbe = 0,
      dga = 0;
    for (let i = 0; i < n; i++) {
      const t1 = Math.exp(a - al * logN[i]!);
      const t2 = Math.exp(b - be * logD[i]!);
      const t3 = Math.exp(g - ga * logK[i]!);
      const r = E + t1 + t2 + t3 - nll[i]!;
      f += r * r;
      const w = 2 * r;
      dE += w;
      da += w * t1;
      db += w * t2;
      dg += w * t3;
      dal -= w * t1 * logN[i]!;
      dbe -= w * t2 * logD[i]!;
      dga -= w * t3 * logK[i]!;
    }
    grad[0] = dE * E;
    grad[1] = da;
    grad[2] = db;
    grad[3] = dg;
    grad[4] = dal;
    grad[5] = dbe;
    grad[6] = dga;
    return f;
  };
}

const median = (v: Float64Array) => {
  const s = Float64Array.from(v).sort();
  return s[s.length >> 1]!;
};

/**
 * Fits E, A, B, α, β, G, γ of T² Approach 1 to (N, D, k, NLL) points (laws.md §2). Deterministic for a given seed.
 * Throws a DomainError on fewer than 8 points, a non-positive value, or k that never varies (G, γ unidentifiable).
 */
export function fitT2Approach1(points: readonly T2Approach1Point[], opts: T2Approach1FitOptions = {}): T2Approach1Fit {
  assertPositiveFields(points, ['params', 'tokens', 'samples', 'nll'], 8, 'T² Approach 1 fit');
  const logN = Float64Array.from(points, (p) => Math.log(p.params));
  const logD = Float64Array.from(points, (p) => Math.log(p.tokens));
  const logK = Float64Array.from(points, (p) => Math.log(p.samples));
  const nll = Float64Array.from(points, (p) => p.nll);
  if (logK.every((v) => v === logK[0]))
    throw new DomainError('T² Approach 1 fit: samples k must take at least two values to fit G and γ');
  const count = opts.starts ?? 500;
  if (!Number.isInteger(count) || count < 1) throw new DomainError(`starts must be a positive integer (got ${count})`);
  const refine = opts.refine === 'all' ? count : Math.min(count, opts.refine ?? 64);
  if (!Number.isInteger(refine) || refine < 1)
    throw new DomainError(`refine must be a positive integer or 'all' (got ${String(opts.refine)})`);
  const objective = t2Approach1Objective(logN, logD, logK, nll);
  const minNll = nll.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
  const spread = Math.max(nll.reduce((m, v) => Math.max(m, v), 0) - minNll, 1e-3 * minNll);
  const mN = median(logN),
    mD = median(logD),
    mK = median(logK);
  const rng = createRng(opts.seed ?? 1);
  const logTerm = () => Math.log(spread) + rng.uniform(Math.log(0.01), 0);
  const starts: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const al = rng.uniform(0.05, 1),
      be = rng.uniform(0.05, 1),
      ga = rng.uniform(0.05, 1.5);
    const e = Math.log(minNll * rng.uniform(0.02, 1));
    starts.push(Float64Array.of(e, logTerm() + al * mN, logTerm() + be * mD, logTerm() + ga * mK, al, be, ga));
  }
  const ws = new LbfgsWorkspace(7, 10);
  const progress = progressReporter(count * 0.01 + refine, opts);
  let order = starts.map((_, i) => i);
  if (refine < count) {
    const initial = starts.map((s) => {
      const v = objective(s, ws.g);
      progress.tick(0.01);
      return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
    });
    order = order.sort((i, j) => initial[i]! - initial[j]! || i - j).slice(0, refine);
  }
  let best: { x: Float64Array; value: number; converged: boolean } | undefined;
  for (const i of order) {
    const r = lbfgs(objective, starts[i]!, { maxIterations: 2000 }, ws);
    if (Number.isFinite(r.value) && (best === undefined || r.value < best.value)) best = r;
    progress.tick();
  }
  if (best === undefined)
    throw new DomainError('T² Approach 1 fit failed: the objective was not finite at any restart');
  progress.done();
  const x = best.x;
  return {
    constants: {
      E: Math.exp(x[0]!),
      A: Math.exp(x[1]!),
      B: Math.exp(x[2]!),
      G: Math.exp(x[3]!),
      alpha: x[4]!,
      beta: x[5]!,
      gamma: x[6]!,
    },
    objective: best.value,
    points: points.length,
    starts: count,
    converged: best.converged,
  };
}
