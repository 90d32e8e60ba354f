/**
 * Profiled-E Chinchilla fit, the stage 1 of T² Approach 2 (Roberts et al. 2026, arXiv:2604.01411, App. F; laws.md
 * §1–2): L(N, D) = E + A/N^α + B/D^β fitted to (N, D, task NLL) points with E profiled over the interval
 * [eRange[0], eRange[1]]·min_i L_i (default [0.01, 0.95]) and inverse-variance weights per isoFLOP group
 * (isoflop-weights.ts). Exactly what is done (the paper gives no more detail; the inner solver is ours):
 *
 * - Objective: weighted least squares on NLL, S(E, A, B, α, β) = Σ_i w_i (E + A/N_i^α + B/D_i^β − L_i)².
 * - Outer (profile): S*(E) = min over (A, B, α, β) of S, minimised over E by a grid of `eGrid` (default 24) evenly
 *   spaced values of the interval, then Brent's method in the best grid bracket (optim/minimize1d.ts minimize1dGrid).
 * - Inner, for one E: A and B enter linearly, so for given (α, β) they are the weighted non-negative least-squares
 *   solution (2 × 2 normal equations on N, D scaled by their geometric means; a negative coefficient is set to 0 and
 *   the other refitted). (α, β) ∈ (0, EXPONENT_MAX)² are screened on a 14 × 14 grid (0.05 … 4) plus any `initial`
 *   exponents, and L-BFGS (analytic gradient, α = EXPONENT_MAX·logistic(p)) refines the 3 best.
 * - A coefficient at 0 is reported as COEFFICIENT_FLOOR × its term's scale (its term then adds < 1e-9 of the mean
 *   loss at the geometric-mean N or D) and listed in `atBound`, as are E at either end of its interval and an
 *   exponent within 1e-3 of 0 or EXPONENT_MAX.
 * Deterministic (no random starts). Cost: ~60 inner fits of ~250·n objective terms each.
 */
import { DomainError } from '../errors';
import { lbfgs, LbfgsWorkspace } from '../optim/lbfgs';
import { minimize1dGrid } from '../optim/minimize1d';
import type { ChinchillaConstants } from '../constants-types';
import type { ChinchillaPoint } from './fit-chinchilla';
import { isoflopWeights, type IsoflopWeightOptions } from './isoflop-weights';
import { assertPositiveFields, progressReporter, type FitOptions } from './types';

/** Upper bound of α and β in the profiled fit (dimensionless; Hoffmann's start grid tops out at 2). */
export const EXPONENT_MAX = 5;
/** A coefficient the non-negative fit sets to 0 is stored as this fraction of the mean loss at the reference N or D. */
export const COEFFICIENT_FLOOR = 1e-9;
const SCREEN = [0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4];
const REFINE = 3;

/** Options of fitChinchillaProfiled. Progress and cancellation as every fit (FitOptions; `seed` is unused). */
export interface ProfiledChinchillaOptions extends FitOptions, IsoflopWeightOptions {
  /** E's interval as fractions of the smallest loss (default [0.01, 0.95]; 0 < lo < hi < 1). */
  eRange?: readonly [number, number];
  /** Grid points of the outer search over E (default 24, at least 3). */
  eGrid?: number;
  /** 'isoflop' (default): inverse-variance weights per isoFLOP group; 'none': every weight 1. */
  weights?: 'isoflop' | 'none';
  /** Extra (α, β) starts for the inner fits, e.g. a previous fit's (bootstrap resamples). */
  initial?: readonly Pick<ChinchillaConstants, 'alpha' | 'beta'>[];
}

/** Result of fitChinchillaProfiled. */
export interface ProfiledChinchillaFit {
  /** E (nats), A (nats·params^α), B (nats·tokens^β), α, β at the best E. */
  constants: ChinchillaConstants;
  /** Weighted sum of squares S at the optimum (nats², weights of mean 1). */
  objective: number;
  points: number;
  /** E's interval (nats). */
  eBounds: [number, number];
  /** isoFLOP groups (with weights 'none': the number of points). */
  groups: number;
  /** Constants at a bound of the fit: 'E', 'A', 'B', 'alpha', 'beta'. */
  atBound: string[];
  /** Whether the L-BFGS run of the best inner fit met its convergence test. */
  converged: boolean;
  /** Values of E at which the inner fit ran (grid + Brent). */
  profiled: number;
}

interface Inner {
  value: number;
  alpha: number;
  beta: number;
  A: number;
  B: number;
  converged: boolean;
}

/** The inner fit for fixed E over data scaled to the reference N, D (see the file comment). */
function innerSolver(lnN: Float64Array, lnD: Float64Array, L: Float64Array, w: Float64Array) {
  const n = L.length;
  const x = new Float64Array(n),
    z = new Float64Array(n);
  const ws = new LbfgsWorkspace(2, 8);
  let E = 0;
  // Weighted NNLS for (A, B) given x, z; returns S and leaves the coefficients in coef.
  const coef = { A: 0, B: 0 };
  const solve = (alpha: number, beta: number): number => {
    let sxx = 0,
      szz = 0,
      sxz = 0,
      sxy = 0,
      szy = 0;
    for (let i = 0; i < n; i++) {
      const xi = Math.exp(-alpha * lnN[i]!),
        zi = Math.exp(-beta * lnD[i]!),
        yi = L[i]! - E,
        wi = w[i]!;
      x[i] = xi;
      z[i] = zi;
      sxx += wi * xi * xi;
      szz += wi * zi * zi;
      sxz += wi * xi * zi;
      sxy += wi * xi * yi;
      szy += wi * zi * yi;
    }
    const det = sxx * szz - sxz * sxz;
    let A = det > 1e-12 * sxx * szz ? (sxy * szz - szy * sxz) / det : -1;
    let B = det > 1e-12 * sxx * szz ? (szy * sxx - sxy * sxz) / det : -1;
    if (!(A >= 0 && B >= 0)) {
      const aOnly = Math.max(0, sxy / sxx),
        bOnly = Math.max(0, szy / szz);
      // S(A, 0) − S(0, 0) = −sxy²/sxx at A = sxy/sxx: keep the single term that lowers S most.
      if (aOnly * sxy >= bOnly * szy) {
        A = aOnly;
        B = 0;
      } else {
        A = 0;
        B = bOnly;
      }
    }
    coef.A = A;
    coef.B = B;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = A * x[i]! + B * z[i]! + E - L[i]!;
      s += w[i]! * r * r;
    }
    return s;
  };
  const toP = (e: number) => {
    const u = Math.min(1 - 1e-12, Math.max(1e-12, e / EXPONENT_MAX));
    return Math.log(u / (1 - u));
  };
  const fromP = (p: number) => EXPONENT_MAX / (1 + Math.exp(-p));
  const objective = (p: Float64Array, g: Float64Array): number => {
    const alpha = fromP(p[0]!),
      beta = fromP(p[1]!);
    const s = solve(alpha, beta);
    // Envelope theorem: ∂S/∂α at the optimal (A, B) = Σ 2w·r·(−A·x·ln N), r = prediction − L.
    let ga = 0,
      gb = 0;
    for (let i = 0; i < n; i++) {
      const r = coef.A * x[i]! + coef.B * z[i]! + E - L[i]!;
      ga -= 2 * w[i]! * r * coef.A * x[i]! * lnN[i]!;
      gb -= 2 * w[i]! * r * coef.B * z[i]! * lnD[i]!;
    }
    g[0] = ga * alpha * (1 - alpha / EXPONENT_MAX);
    g[1] = gb * beta * (1 - beta / EXPONENT_MAX);
    return s;
  };
  return (e: number, initial: readonly [number, number][]): Inner => {
    E = e;
    const starts: { a: number; b: number; v: number }[] = [];
    for (const [a, b] of initial) starts.push({ a, b, v: solve(a, b) });
    for (const a of SCREEN) for (const b of SCREEN) starts.push({ a, b, v: solve(a, b) });
    starts.sort((s, t) => s.v - t.v);
    let best: Inner = { value: Number.POSITIVE_INFINITY, alpha: 1, beta: 1, A: 0, B: 0, converged: false };
    for (const s of starts.slice(0, REFINE)) {
      const r = lbfgs(objective, [toP(s.a), toP(s.b)], { maxIterations: 300 }, ws);
      const alpha = fromP(r.x[0]!),
        beta = fromP(r.x[1]!);
      const value = solve(alpha, beta);
      if (value < best.value) best = { value, alpha, beta, A: coef.A, B: coef.B, converged: r.converged };
    }
    return best;
  };
}

/**
 * Fits E, A, B, α, β to (N, D, NLL) points with E profiled over [0.01, 0.95]·min NLL and inverse-variance isoFLOP
 * weights (see the file comment). @throws DomainError on fewer than 5 points, a non-positive value or bad options;
 * FitCancelledError when cancelled.
 */
export function fitChinchillaProfiled(
  points: readonly ChinchillaPoint[],
  opts: ProfiledChinchillaOptions = {},
): ProfiledChinchillaFit {
  assertPositiveFields(points, ['params', 'tokens', 'loss'], 5, 'Profiled Chinchilla fit');
  const [fLo, fHi] = opts.eRange ?? [0.01, 0.95];
  if (!(fLo > 0 && fLo < fHi && fHi < 1))
    throw new DomainError(
      `E's range must satisfy 0 < lo < hi < 1 (fractions of the smallest loss; got [${fLo}, ${fHi}])`,
    );
  const eGrid = opts.eGrid ?? 24;
  if (!(Number.isInteger(eGrid) && eGrid >= 3)) throw new DomainError(`eGrid must be an integer ≥ 3 (got ${eGrid})`);
  const meanLog = (v: number[]) => v.reduce((s, x) => s + Math.log(x), 0) / v.length;
  const refN = meanLog(points.map((p) => p.params)),
    refD = meanLog(points.map((p) => p.tokens));
  const lnN = Float64Array.from(points, (p) => Math.log(p.params) - refN);
  const lnD = Float64Array.from(points, (p) => Math.log(p.tokens) - refD);
  const L = Float64Array.from(points, (p) => p.loss);
  const iso = opts.weights === 'none' ? null : isoflopWeights(points, opts);
  const w = iso ? iso.weight : new Float64Array(points.length).fill(1);
  const minL = L.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
  const meanL = L.reduce((s, v) => s + v, 0) / L.length;
  const eLo = fLo * minL,
    eHi = fHi * minL;
  const inner = innerSolver(lnN, lnD, L, w);
  const initial = (opts.initial ?? [])
    .map((c): [number, number] => [
      Math.min(EXPONENT_MAX * 0.999, Math.max(1e-3, c.alpha)),
      Math.min(EXPONENT_MAX * 0.999, Math.max(1e-3, c.beta)),
    ])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  const progress = progressReporter(eGrid + 40, opts);
  const profile = (e: number) => {
    progress.tick();
    return inner(e, initial).value;
  };
  const m = minimize1dGrid(profile, eLo, eHi, eGrid, 1e-10 * Math.max(1, minL));
  const best = inner(m.x, initial);
  if (!Number.isFinite(best.value))
    throw new DomainError('Profiled Chinchilla fit failed: the weighted sum of squares is not finite at any E');
  progress.done();
  // Back to unscaled coefficients: A·(N/N_ref)^−α = (A·N_ref^α)/N^α, in logs so no intermediate overflows.
  const floorA = COEFFICIENT_FLOOR * meanL,
    floorB = COEFFICIENT_FLOOR * meanL;
  const lnA = Math.log(Math.max(best.A, floorA)) + best.alpha * refN;
  const lnB = Math.log(Math.max(best.B, floorB)) + best.beta * refD;
  if (!(lnA < 709 && lnB < 709))
    throw new DomainError(
      `Profiled Chinchilla fit: the fitted coefficients overflow (ln A = ${lnA.toPrecision(4)}, ln B = ${lnB.toPrecision(4)})`,
    );
  const span = eHi - eLo;
  const atBound: string[] = [];
  if (m.x - eLo <= 1e-6 * span || eHi - m.x <= 1e-6 * span) atBound.push('E');
  if (best.A < floorA) atBound.push('A');
  if (best.B < floorB) atBound.push('B');
  if (best.alpha < 1e-3 || best.alpha > EXPONENT_MAX - 1e-3) atBound.push('alpha');
  if (best.beta < 1e-3 || best.beta > EXPONENT_MAX - 1e-3) atBound.push('beta');
  return {
    constants: { E: m.x, A: Math.exp(lnA), B: Math.exp(lnB), alpha: best.alpha, beta: best.beta },
    objective: best.value,
    points: points.length,
    eBounds: [eLo, eHi],
    groups: iso ? iso.groups : points.length,
    atBound,
    converged: best.converged,
    profiled: m.evaluations,
  };
}
