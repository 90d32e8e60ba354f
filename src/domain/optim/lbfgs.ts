/**
 * Limited-memory BFGS (Liu & Nocedal 1989; Nocedal & Wright, "Numerical Optimization", 2nd ed., Alg. 7.4 two-loop
 * recursion and Alg. 3.5–3.6 strong-Wolfe line search with cubic-interpolation zoom). Unconstrained; callers
 * reparametrise bounded quantities (logs, logits). Written here because no small, maintained npm package offered
 * L-BFGS with analytic gradients (checked 2026-11: only unmaintained ones such as fmin 0.0.4, without L-BFGS).
 * Allocation-free after setup: all vectors live in an LbfgsWorkspace that multi-start fits reuse.
 */

/** Objective with gradient: writes ∇f(x) into `grad` and returns f(x). Must not keep references to its arguments. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** Stopping rules and memory of the optimiser. */
export interface LbfgsOptions {
  /** Correction pairs kept (default 10). */
  memory?: number;
  /** Iteration cap (default 500). */
  maxIterations?: number;
  /** Stop when ‖∇f‖∞ ≤ this (default 1e-9). */
  gradientTolerance?: number;
  /** Stop when (f_prev − f)/max(|f_prev|, |f|, 1) ≤ this (default 1e-12; scipy's L-BFGS-B uses 2.2e-9). */
  functionTolerance?: number;
}

/** Why the optimiser stopped: the first two count as converged. */
export type LbfgsStop = 'gradient' | 'function' | 'max-iterations' | 'line-search';

export interface LbfgsResult {
  /** The final point (a fresh array). */
  x: Float64Array;
  /** f at x. */
  value: number;
  iterations: number;
  /** Objective evaluations. */
  evaluations: number;
  converged: boolean;
  stop: LbfgsStop;
}

/** Reusable buffers for problems of dimension n with memory m. */
export class LbfgsWorkspace {
  readonly x: Float64Array;
  readonly g: Float64Array;
  readonly d: Float64Array;
  readonly xt: Float64Array;
  readonly gt: Float64Array;
  readonly s: Float64Array;
  readonly y: Float64Array;
  readonly rho: Float64Array;
  readonly alpha: Float64Array;
  constructor(
    readonly n: number,
    readonly m = 10,
  ) {
    this.x = new Float64Array(n);
    this.g = new Float64Array(n);
    this.d = new Float64Array(n);
    this.xt = new Float64Array(n);
    this.gt = new Float64Array(n);
    this.s = new Float64Array(n * m);
    this.y = new Float64Array(n * m);
    this.rho = new Float64Array(m);
    this.alpha = new Float64Array(m);
  }
}

function dot(a: Float64Array, aOff: number, b: Float64Array, bOff: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[aOff + i]! * b[bOff + i]!;
  return sum;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN (Nocedal & Wright Eq. 3.59). */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_STEPS = 40;

/**
 * Minimises f from x0. Deterministic (no randomness). Non-finite objective values are treated as "too far" by the
 * line search, which then shortens the step.
 */
export function lbfgs(
  f: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: LbfgsOptions = {},
  workspace?: LbfgsWorkspace,
): LbfgsResult {
  const n = x0.length;
  const m = options.memory ?? 10;
  const ws = workspace && workspace.n === n && workspace.m === m ? workspace : new LbfgsWorkspace(n, m);
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-9;
  const ftol = options.functionTolerance ?? 1e-12;
  const { x, g, d, xt, gt, s, y, rho, alpha } = ws;
  for (let i = 0; i < n; i++) x[i] = x0[i]!;
  let fx = f(x, g);
  let evaluations = 1;
  let stored = 0;
  let head = 0;
  let iterations = 0;
  let stop: LbfgsStop = 'max-iterations';
  let failures = 0;

  // φ(t) = f(x + t·d), φ'(t) = ∇f·d; evaluated into xt, gt.
  const phi = (t: number): number => {
    for (let i = 0; i < n; i++) xt[i] = x[i]! + t * d[i]!;
    evaluations++;
    const v = f(xt, gt);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  if (!Number.isFinite(fx))
    return { x: Float64Array.from(x), value: fx, iterations: 0, evaluations, converged: false, stop: 'line-search' };
  while (iterations < maxIterations) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax <= gtol) {
      stop = 'gradient';
      break;
    }
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    for (let j = 0; j < stored; j++) {
      const k = (head - 1 - j + m) % m;
      const a = rho[k]! * dot(s, k * n, d, 0, n);
      alpha[k] = a;
      for (let i = 0; i < n; i++) d[i]! -= a * y[k * n + i]!;
    }
    if (stored > 0) {
      const k = (head - 1 + m) % m;
      const gamma = dot(s, k * n, y, k * n, n) / dot(y, k * n, y, k * n, n);
      for (let i = 0; i < n; i++) d[i]! *= gamma;
    }
    for (let j = stored - 1; j >= 0; j--) {
      const k = (head - 1 - j + m) % m;
      const b = rho[k]! * dot(y, k * n, d, 0, n);
      for (let i = 0; i < n; i++) d[i]! += (alpha[k]! - b) * s[k * n + i]!;
    }
    let dphi0 = dot(g, 0, d, 0, n);
    if (!(dphi0 < 0)) {
      // Not a descent direction (bad curvature pairs): restart from steepest descent.
      stored = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      dphi0 = dot(g, 0, d, 0, n);
    }
    let t = stored === 0 ? Math.min(1, 1 / Math.sqrt(-dphi0)) : 1;

    // Strong-Wolfe line search (Nocedal & Wright Alg. 3.5) with zoom (Alg. 3.6).
    let tPrev = 0;
    let fPrev = fx;
    let dPrev = dphi0;
    let accepted = false;
    let fNew = fx;
    let lo = 0,
      fLo = fx,
      dLo = dphi0,
      hi = 0,
      fHi = 0,
      dHi = 0,
      zoom = false;
    for (let step = 0; step < MAX_LINE_STEPS; step++) {
      const ft = phi(t);
      const dt = Number.isFinite(ft) ? dot(gt, 0, d, 0, n) : Number.NaN;
      if (!Number.isFinite(ft) || ft > fx + C1 * t * dphi0 || (step > 0 && ft >= fPrev)) {
        lo = tPrev;
        fLo = fPrev;
        dLo = dPrev;
        hi = t;
        fHi = ft;
        dHi = dt;
        zoom = true;
        break;
      }
      if (Math.abs(dt) <= -C2 * dphi0) {
        accepted = true;
        fNew = ft;
        break;
      }
      if (dt >= 0) {
        lo = t;
        fLo = ft;
        dLo = dt;
        hi = tPrev;
        fHi = fPrev;
        dHi = dPrev;
        zoom = true;
        break;
      }
      tPrev = t;
      fPrev = ft;
      dPrev = dt;
      t *= 2;
    }
    if (zoom) {
      for (let step = 0; step < MAX_LINE_STEPS; step++) {
        const width = hi - lo;
        let trial = Number.isFinite(fHi) && Number.isFinite(dHi) ? cubicMin(lo, fLo, dLo, hi, fHi, dHi) : Number.NaN;
        const a = Math.min(lo, hi) + 0.1 * Math.abs(width);
        const b = Math.max(lo, hi) - 0.1 * Math.abs(width);
        if (!(trial >= a && trial <= b)) trial = lo + 0.5 * width;
        if (Math.abs(width) < 1e-16 * Math.max(1, Math.abs(lo))) break;
        const ft = phi(trial);
        const dt = Number.isFinite(ft) ? dot(gt, 0, d, 0, n) : Number.NaN;
        if (!Number.isFinite(ft) || ft > fx + C1 * trial * dphi0 || ft >= fLo) {
          hi = trial;
          fHi = ft;
          dHi = dt;
        } else {
          if (Math.abs(dt) <= -C2 * dphi0) {
            accepted = true;
            fNew = ft;
            break;
          }
          if (dt * (hi - lo) >= 0) {
            hi = lo;
            fHi = fLo;
            dHi = dLo;
          }
          lo = trial;
          fLo = ft;
          dLo = dt;
        }
      }
      if (!accepted && lo > 0 && fLo < fx) {
        // Accept the best sufficient-decrease point found even without the curvature condition.
        fNew = phi(lo);
        accepted = true;
      }
    }
    if (!accepted) {
      if (stored > 0 && failures === 0) {
        stored = 0;
        failures++;
        continue;
      }
      stop = 'line-search';
      break;
    }
    failures = 0;
    iterations++;
    // Update: s = t·d, y = g_new − g; keep the pair only with positive curvature.
    const k = head;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      const si = xt[i]! - x[i]!;
      const yi = gt[i]! - g[i]!;
      s[k * n + i] = si;
      y[k * n + i] = yi;
      sy += si * yi;
      x[i] = xt[i]!;
      g[i] = gt[i]!;
    }
    if (sy > 1e-300) {
      rho[k] = 1 / sy;
      head = (head + 1) % m;
      stored = Math.min(stored + 1, m);
    }
    const fOld = fx;
    fx = fNew;
    if ((fOld - fx) / Math.max(Math.abs(fOld), Math.abs(fx), 1) <= ftol) {
      stop = 'function';
      break;
    }
  }
  return {
    x: Float64Array.from(x),
    value: fx,
    iterations,
    evaluations,
    converged: stop === 'gradient' || stop === 'function',
    stop,
  };
}
