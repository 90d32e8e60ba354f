/**
 * The global 1-D search behind the T² optima (t2-optimum.ts, t2-lifetime.ts): Approach 2's accuracy along the budget
 * line is not unimodal in general (with θ4 > 0 a smaller, better-trained model and a larger one with fewer samples can
 * both be local maxima), so refining only the best point of a coarse scan can return a local optimum.
 * `globalMinimize1d` scans the whole interval on a fixed step (both ends included), refines EVERY local minimum of the
 * scan with Brent's method inside its two neighbours, and keeps the best. An optional interval bound (a value f cannot
 * go below on a bracket) lets it skip the Brent run of brackets that cannot beat the best found so far (flat stretches
 * where the accuracy is ≈ 0 have many shallow local minima).
 */
import { minimize1d } from './optim/minimize1d';

/** A minimum found by `globalMinimize1d`. */
export interface GlobalMinimum1D {
  /** Argument of the minimum. */
  x: number;
  /** f(x). */
  value: number;
  /** Function evaluations spent (scan, probes and Brent). */
  evaluations: number;
}

/** Options of `globalMinimize1d`. */
export interface GlobalSearchOptions {
  /** Largest scan step (default T2_SCAN_STEP = 0.5, in the units of x: nats of ln N for the T² searches). */
  step?: number;
  /** Least number of scan points, ends included (default 16). */
  minPoints?: number;
  /** Brent's relative tolerance on x (default 1e-8). */
  tolerance?: number;
  /** A lower bound of f on [a, b] (a < b); brackets whose bound is not below the best value so far are skipped. */
  bound?: (a: number, b: number) => number;
}

/**
 * Scan step of the T² searches in ln N (nats): 0.5 is a factor 1.65 in N. Measured: the brute-force property tests
 * (t2-optimum-global.test.ts, run once with 1,500 random sets) and a quarter-decade sweep of every shipped Approach 2
 * set (10,004 budget pairs against a 3,001-point brute force) pass at 0.5; the tests fail at 1.0. 0.5 keeps that
 * factor 2 of margin at half the cost of 0.25.
 */
export const T2_SCAN_STEP = 0.5;

/** Largest number of scan points (guards against a huge interval). */
const MAX_POINTS = 4096;

/**
 * Minimises f on [lo, hi] globally at the scan's resolution: f is sampled on a uniform scan (ends included), EVERY
 * local minimum of the scan is refined with Brent between its two neighbours, and the best is kept, so a basin at
 * least a step wide is never missed. With a `bound`, a local minimum whose bracket cannot beat the best value so far
 * is not refined (flat stretches cost no Brent run). Non-finite values of f count as +∞. An end of the interval that
 * is a local minimum is probed 1/1000 of a step inside; if f does not fall there the end itself is returned (a
 * binding constraint), else Brent refines next to it.
 */
export function globalMinimize1d(
  f: (x: number) => number,
  lo: number,
  hi: number,
  opts: GlobalSearchOptions = {},
): GlobalMinimum1D {
  const g = (x: number) => {
    const y = f(x);
    return Number.isFinite(y) ? y : Number.POSITIVE_INFINITY;
  };
  const tolerance = opts.tolerance ?? 1e-8;
  if (!(hi > lo)) return { x: lo, value: g(lo), evaluations: 1 };
  const n = Math.min(
    MAX_POINTS,
    Math.max(opts.minPoints ?? 16, Math.ceil((hi - lo) / (opts.step ?? T2_SCAN_STEP)) + 1),
  );
  const h = (hi - lo) / (n - 1); // the fine step
  const at = (i: number) => (i === n - 1 ? hi : lo + i * h);
  const ys = new Float64Array(n);
  let bestY = Number.POSITIVE_INFINITY;
  let bestX = lo;
  for (let i = 0; i < n; i++) {
    ys[i] = g(at(i));
    if (ys[i]! < bestY) {
      bestY = ys[i]!;
      bestX = at(i);
    }
  }
  let evaluations = n;
  for (let i = 0; i < n; i++) {
    const y = ys[i]!;
    if (!((i === 0 || y < ys[i - 1]!) && (i === n - 1 || y <= ys[i + 1]!)) || y === Number.POSITIVE_INFINITY) continue;
    const a = at(Math.max(0, i - 1));
    const b = at(Math.min(n - 1, i + 1));
    if (opts.bound && !(opts.bound(a, b) < bestY)) continue;
    if (i === 0 || i === n - 1) {
      evaluations++;
      if (g(i === 0 ? lo + 1e-3 * h : hi - 1e-3 * h) >= y) continue; // f rises inward: the end is the local minimum
    }
    const r = minimize1d(g, a, b, tolerance);
    evaluations += r.evaluations;
    if (r.value < bestY) {
      bestY = r.value;
      bestX = r.x;
    }
  }
  return { x: bestX, value: bestY, evaluations };
}

/**
 * `globalMinimize1d` for an f that is costly but has a cheap pointwise lower bound, lower(x) ≤ f(x) (a test-time
 * strategy's −accuracy is bounded below by −pass@k, a closed form: src/domain/strategies/optimum.ts). Same uniform scan,
 * and every bracket `globalMinimize1d` would refine is refined here too, so the answer is the same at the scan's
 * resolution in practice (tested against the plain scan); what it saves is evaluations of f. The scan points are
 * visited in order of increasing bound; a point whose bound is not below the best value found so far is not evaluated
 * (its f is at least that bound, so it cannot be a better scan point). Refined with Brent: every evaluated point whose
 * evaluated neighbours are higher (a neighbour not evaluated counts as higher), unless `bound` on its bracket cannot
 * beat the best value. What it gives up against globalMinimize1d: a basin narrower than two scan steps around a point
 * that was not evaluated, which the plain scan refines only when that point happens to be a scan minimum.
 */
export function boundedGlobalMinimize1d(
  f: (x: number) => number,
  lower: (x: number) => number,
  lo: number,
  hi: number,
  opts: GlobalSearchOptions & { bound: (a: number, b: number) => number },
): GlobalMinimum1D & { skipped: number } {
  const g = (x: number) => {
    const y = f(x);
    return Number.isFinite(y) ? y : Number.POSITIVE_INFINITY;
  };
  const tolerance = opts.tolerance ?? 1e-8;
  if (!(hi > lo)) return { x: lo, value: g(lo), evaluations: 1, skipped: 0 };
  const n = Math.min(
    MAX_POINTS,
    Math.max(opts.minPoints ?? 16, Math.ceil((hi - lo) / (opts.step ?? T2_SCAN_STEP)) + 1),
  );
  const h = (hi - lo) / (n - 1);
  const at = (i: number) => (i === n - 1 ? hi : lo + i * h);
  const bounds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = lower(at(i));
    bounds[i] = Number.isFinite(b) ? b : Number.NEGATIVE_INFINITY;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => bounds[i]! - bounds[j]!);
  const ys = new Float64Array(n);
  const known = new Uint8Array(n);
  let bestY = Number.POSITIVE_INFINITY;
  let bestX = lo;
  let evaluations = 0;
  // A point is skipped only when f cannot beat the best anywhere in its neighbourhood [x(i−1), x(i+1)] (the interval
  // bound): the point bound alone would let a dip between two skipped points go unseen (fast-check found one).
  const neighbourhoodBound = (i: number) => opts.bound(at(Math.max(0, i - 1)), at(Math.min(n - 1, i + 1)));
  for (const i of order) {
    if (bounds[i]! >= bestY && neighbourhoodBound(i) >= bestY) {
      ys[i] = bounds[i]!;
      continue;
    }
    ys[i] = g(at(i));
    known[i] = 1;
    evaluations++;
    if (ys[i]! < bestY) {
      bestY = ys[i]!;
      bestX = at(i);
    }
  }
  const skipped = n - evaluations;
  const higher = (i: number, j: number, strict: boolean) =>
    j < 0 || j >= n || !known[j] || (strict ? ys[i]! < ys[j]! : ys[i]! <= ys[j]!);
  for (let i = 0; i < n; i++) {
    if (!known[i] || !(higher(i, i - 1, true) && higher(i, i + 1, false)) || ys[i] === Number.POSITIVE_INFINITY)
      continue;
    const a = at(Math.max(0, i - 1));
    const b = at(Math.min(n - 1, i + 1));
    if (!(opts.bound(a, b) < bestY)) continue;
    const y = ys[i]!;
    if (i === 0 || i === n - 1) {
      evaluations++;
      if (g(i === 0 ? lo + 1e-3 * h : hi - 1e-3 * h) >= y) continue;
    }
    const r = minimize1d(g, a, b, tolerance);
    evaluations += r.evaluations;
    if (r.value < bestY) {
      bestY = r.value;
      bestX = r.x;
    }
  }
  return { x: bestX, value: bestY, evaluations, skipped };
}
