/**
 * Brent's method for minimising a function of one variable on an interval (Brent 1973, "Algorithms for Minimization
 * without Derivatives", ch. 5; the golden-section / parabolic hybrid of Numerical Recipes §10.3). Used for the 1-D
 * searches over log N (T² optimum) and log D (Sardana et al.'s lifetime optimum).
 */

export interface Minimum1D {
  /** Argument of the minimum. */
  x: number;
  /** Function value there. */
  value: number;
  /** Function evaluations spent. */
  evaluations: number;
}

const GOLDEN = 0.3819660112501051; // (3 − √5)/2

/**
 * Minimises `f` on [lo, hi]. Converges to a local minimum; for unimodal functions it is the global one. Non-finite
 * values of `f` are treated as +∞ so the search moves away from them.
 */
export function minimize1d(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tolerance = 1e-10,
  maxIterations = 200,
): Minimum1D {
  const g = (x: number) => {
    const y = f(x);
    return Number.isFinite(y) ? y : Number.POSITIVE_INFINITY;
  };
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = g(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  let evaluations = 1;
  for (let i = 0; i < maxIterations; i++) {
    const m = 0.5 * (a + b);
    const tol1 = tolerance * Math.abs(x) + 1e-12;
    const tol2 = 2 * tol1;
    if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1 && Number.isFinite(fx) && Number.isFinite(fw) && Number.isFinite(fv)) {
      // Parabolic step through x, w, v.
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      const eOld = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < m ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = (x < m ? b : a) - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = g(u);
    evaluations++;
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx, evaluations };
}

/**
 * Global-ish 1-D minimum: evaluates `f` on `gridPoints` evenly spaced points of [lo, hi], then refines the best
 * bracket with Brent. Robust to multimodal objectives at the cost of `gridPoints` extra evaluations.
 */
export function minimize1dGrid(
  f: (x: number) => number,
  lo: number,
  hi: number,
  gridPoints = 24,
  tolerance = 1e-10,
): Minimum1D {
  let bestI = 0;
  let bestY = Number.POSITIVE_INFINITY;
  const step = (hi - lo) / (gridPoints - 1);
  for (let i = 0; i < gridPoints; i++) {
    const y = f(lo + i * step);
    if (Number.isFinite(y) && y < bestY) {
      bestY = y;
      bestI = i;
    }
  }
  const a = lo + Math.max(0, bestI - 1) * step;
  const b = lo + Math.min(gridPoints - 1, bestI + 1) * step;
  const refined = minimize1d(f, a, b, tolerance);
  const edge = { x: lo + bestI * step, value: bestY, evaluations: 0 };
  const best = refined.value <= edge.value ? refined : edge;
  return { ...best, evaluations: refined.evaluations + gridPoints };
}
