/**
 * Chinchilla Approach 3 fit (Hoffmann et al. 2022, arXiv:2203.15556, §3.3 and App. D.2; Besiroglu et al. 2024,
 * arXiv:2404.10102; laws.md §1): minimise Σ_i Huber_δ(LSE(a − α·ln N_i, b − β·ln D_i, e) − ln L_i), δ = 1e-3, over
 * (a, b, e, α, β), with A = e^a, B = e^b, E = e^e; L-BFGS (analytic gradient) from every point of a grid of starts;
 * report the best. Hoffmann's grid: α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25} (4,500 starts).
 * The objective is the plain sum over points (as in both papers); it is allocation-free over Float64Arrays.
 *
 * Speed (documented deviation, optional): by default the objective is first evaluated at every start and L-BFGS is
 * run from the `refine` = 256 best of them; `refine: 'all'` runs L-BFGS from every start exactly as the papers
 * describe (about 15× slower). On synthetic data both give the same optimum (tested).
 *
 * Scale (documented deviation, optional): with more than `searchRows` = 500 points, the multi-start search (screen
 * and L-BFGS from the best starts) runs on a seeded random subsample of 500 points, and the `polish` = 4 best
 * distinct optima found there are refined by L-BFGS on all the points; the lowest full-data objective wins. The cost
 * then grows with the polish runs only (~8 full-data L-BFGS runs' worth instead of ~256): measured 1e5 rows in
 * seconds instead of minutes (see the src/domain README). `searchRows: 'all'` searches on every point as the papers do.
 */
import { DomainError } from '../errors';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from '../optim/lbfgs';
import { createRng } from '../random';
import type { ChinchillaConstants } from '../constants-types';
import { huber, huberDerivative } from './huber';
import { assertPositiveFields, progressReporter, type FitOptions } from './types';

const DEFAULT_REFINE = 256;
const SCREEN_WEIGHT = 0.01;
/** Points above which the start search runs on a subsample (see the file comment). */
export const CHINCHILLA_SEARCH_ROWS = 500;
const DEFAULT_POLISH = 4;

/** Huber threshold on log-loss residuals (Hoffmann et al. 2022; laws.md §1). */
export const CHINCHILLA_HUBER_DELTA = 1e-3;

/** One measured run: N parameters, D tokens, final loss L (nats). */
export interface ChinchillaPoint {
  params: number;
  tokens: number;
  loss: number;
}

/** Starting points: 'hoffmann' (4,500), 'small' (108, for quick fits and bootstraps) or n seeded random starts in Hoffmann's box. */
export type ChinchillaGrid = 'hoffmann' | 'small' | number;

/** Options of fitChinchilla: starting grid, extra starts, screening and the per-start iteration cap. */
export interface ChinchillaFitOptions extends FitOptions {
  grid?: ChinchillaGrid;
  /** Extra starting points (e.g. a previous fit, for bootstrap resamples), tried before the grid. */
  initial?: readonly ChinchillaConstants[];
  /** Run L-BFGS from the `refine` starts with the lowest initial objective (default 256), or from all of them. */
  refine?: number | 'all';
  /** L-BFGS iteration cap per start (default 1000). */
  maxIterations?: number;
  /** Search starts on a seeded subsample of this many points when there are more (default 500), or on 'all'. */
  searchRows?: number | 'all';
  /** Subsample optima refined on all points (default 4). */
  polish?: number;
}

/** Result of fitChinchilla: the best constants (E in nats, A, B, α, β as in laws.md §1) and how they were found. */
export interface ChinchillaFit {
  constants: ChinchillaConstants;
  /** The minimised Huber sum at the best start. */
  objective: number;
  /** Points fitted. */
  points: number;
  /** Starts on the grid (plus `initial`), all evaluated. */
  starts: number;
  /** Starts L-BFGS ran from. */
  refined: number;
  /** Whether L-BFGS met its convergence test at the best start. */
  converged: boolean;
  /** Points the start search ran on (= points unless subsampled). */
  searchedOn: number;
}

const range = (lo: number, hi: number, step: number) =>
  Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, i) => lo + i * step);

/** Starting points as rows [a, b, e, α, β]. */
export function chinchillaStarts(grid: ChinchillaGrid, seed = 1): number[][] {
  const starts: number[][] = [];
  if (grid === 'hoffmann' || grid === 'small') {
    const ab = grid === 'hoffmann' ? range(0, 25, 5) : [0, 10, 20];
    const es = grid === 'hoffmann' ? range(-1, 1, 0.5) : [-1, 0, 1];
    const exps = grid === 'hoffmann' ? range(0, 2, 0.5) : [0.5, 1.5];
    for (const a of ab)
      for (const b of ab)
        for (const e of es) for (const al of exps) for (const be of exps) starts.push([a, b, e, al, be]);
    return starts;
  }
  if (!Number.isInteger(grid) || grid < 1)
    throw new DomainError(`number of random starts must be a positive integer (got ${grid})`);
  const rng = createRng(seed);
  for (let i = 0; i < grid; i++)
    starts.push([rng.uniform(0, 25), rng.uniform(0, 25), rng.uniform(-1, 1), rng.uniform(0, 2), rng.uniform(0, 2)]);
  return starts;
}

/** The Approach 3 objective and gradient over precomputed logs, for p = [a, b, e, α, β]. */
export function chinchillaObjective(
  logN: Float64Array,
  logD: Float64Array,
  logL: Float64Array,
  delta = CHINCHILLA_HUBER_DELTA,
): ObjectiveWithGradient {
  const n = logN.length;
  return (p, g) => {
    const a = p[0]!,
      b = p[1]!,
      e = p[2]!,
      al = p[3]!,
      be = p[4]!;
    let f = 0,
      ga = 0,
      gb = 0,
      ge = 0,
      gal = 0,
      gbe = 0;
    for (let i = 0; i < n; i++) {
      const u1 = a - al * logN[i]!;
      const u2 = b - be * logD[i]!;
      const m = Math.max(u1, u2, e);
      const e1 = Math.exp(u1 - m),
        e2 = Math.exp(u2 - m),
        e3 = Math.exp(e - m);
      const s = e1 + e2 + e3;
      const r = m + Math.log(s) - logL[i]!;
      f += huber(r, delta);
      const h = huberDerivative(r, delta) / s;
      ga += h * e1;
      gb += h * e2;
      ge += h * e3;
      gal -= h * e1 * logN[i]!;
      gbe -= h * e2 * logD[i]!;
    }
    g[0] = ga;
    g[1] = gb;
    g[2] = ge;
    g[3] = gal;
    g[4] = gbe;
    return f;
  };
}

/**
 * Fits E, A, B, α, β to (N, D, L) points by Approach 3 (laws.md §1). Deterministic. Throws a DomainError on fewer
 * than 5 points or a non-positive value, FitCancelledError when cancelled.
 */
export function fitChinchilla(points: readonly ChinchillaPoint[], opts: ChinchillaFitOptions = {}): ChinchillaFit {
  assertPositiveFields(points, ['params', 'tokens', 'loss'], 5, 'Chinchilla fit');
  const searchRows = opts.searchRows ?? CHINCHILLA_SEARCH_ROWS;
  if (searchRows !== 'all' && !(Number.isInteger(searchRows) && searchRows >= 5))
    throw new DomainError(`searchRows must be an integer ≥ 5 or 'all' (got ${String(searchRows)})`);
  const polish = opts.polish ?? DEFAULT_POLISH;
  if (!(Number.isInteger(polish) && polish >= 1))
    throw new DomainError(`polish must be a positive integer (got ${String(polish)})`);
  const full = logsOf(points);
  const subsampled = searchRows !== 'all' && points.length > searchRows;
  const search = subsampled ? logsOf(subsample(points, searchRows, opts.seed ?? 1)) : full;
  const objective = chinchillaObjective(search.logN, search.logD, search.logL);
  const starts = [
    ...(opts.initial ?? []).map((c) => [Math.log(c.A), Math.log(c.B), Math.log(c.E), c.alpha, c.beta]),
    ...chinchillaStarts(opts.grid ?? 'hoffmann', opts.seed ?? 1),
  ];
  const ws = new LbfgsWorkspace(5, 10);
  const refine =
    opts.refine === 'all' || (opts.refine === undefined && starts.length <= DEFAULT_REFINE)
      ? starts.length
      : Math.min(starts.length, opts.refine ?? DEFAULT_REFINE);
  if (!(refine >= 1) || !Number.isInteger(refine))
    throw new DomainError(`refine must be a positive integer or 'all' (got ${String(opts.refine)})`);
  // Screening costs about one L-BFGS evaluation per start; a run costs ~100; a polish run on all points ~n/searchRows runs.
  const polishWeight = subsampled ? (points.length / search.logN.length) * 0.5 : 0;
  const progress = progressReporter(starts.length * SCREEN_WEIGHT + refine + polish * polishWeight, opts);
  let order = starts.map((_, i) => i);
  if (refine < starts.length) {
    const initial = new Float64Array(starts.length);
    starts.forEach((s, i) => {
      const v = objective(Float64Array.from(s), ws.g);
      initial[i] = Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
      progress.tick(SCREEN_WEIGHT);
    });
    order = order.sort((i, j) => initial[i]! - initial[j]! || i - j).slice(0, refine);
  }
  const found: { x: Float64Array; value: number; converged: boolean }[] = [];
  for (const i of order) {
    const r = lbfgs(objective, starts[i]!, { maxIterations: opts.maxIterations ?? 1000 }, ws);
    if (Number.isFinite(r.value)) found.push(r);
    progress.tick();
  }
  if (found.length === 0) throw new DomainError('Chinchilla fit failed: the objective was not finite at any start');
  found.sort((a, b) => a.value - b.value);
  let best = found[0]!;
  if (subsampled) {
    const fullObjective = chinchillaObjective(full.logN, full.logD, full.logL);
    const distinct: typeof found = [];
    for (const r of found) {
      if (distinct.length >= polish) break;
      if (!distinct.some((d) => d.x.every((v, j) => Math.abs(v - r.x[j]!) <= 1e-6 * Math.max(1, Math.abs(v)))))
        distinct.push(r);
    }
    let polished: typeof best | undefined;
    for (const d of distinct) {
      const r = lbfgs(fullObjective, d.x, { maxIterations: opts.maxIterations ?? 1000 }, ws);
      if (Number.isFinite(r.value) && (polished === undefined || r.value < polished.value)) polished = r;
      progress.tick(polishWeight);
    }
    if (polished === undefined)
      throw new DomainError(
        'Chinchilla fit failed: the objective was not finite on all points at any subsample optimum',
      );
    best = polished;
  }
  progress.done();
  const [a, b, e, alpha, beta] = best.x as unknown as [number, number, number, number, number];
  return {
    constants: { E: Math.exp(e), A: Math.exp(a), B: Math.exp(b), alpha, beta },
    objective: best.value,
    points: points.length,
    starts: starts.length,
    refined: refine,
    converged: best.converged,
    searchedOn: search.logN.length,
  };
}

function logsOf(points: readonly ChinchillaPoint[]) {
  return {
    logN: Float64Array.from(points, (p) => Math.log(p.params)),
    logD: Float64Array.from(points, (p) => Math.log(p.tokens)),
    logL: Float64Array.from(points, (p) => Math.log(p.loss)),
  };
}

/** `m` of the points drawn without replacement (partial Fisher–Yates, seeded), in their original order. */
function subsample<P>(points: readonly P[], m: number, seed: number): P[] {
  const rng = createRng(seed ^ 0x51ab);
  const idx = Array.from(points, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(idx.length - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, m)
    .sort((x, y) => x - y)
    .map((i) => points[i]!);
}
