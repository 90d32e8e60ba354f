import type { ObjectiveWithGradient } from '../optim/lbfgs';

/** Largest |analytic − central difference| / max(1, |analytic|) over the coordinates of the gradient at x. */
export function gradientError(f: ObjectiveWithGradient, x: readonly number[], h = 1e-6): number {
  const n = x.length;
  const g = new Float64Array(n);
  const scratch = new Float64Array(n);
  f(Float64Array.from(x), g);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[i]! += h;
    down[i]! -= h;
    const numeric = (f(up, scratch) - f(down, scratch)) / (2 * h);
    worst = Math.max(worst, Math.abs(g[i]! - numeric) / Math.max(1, Math.abs(g[i]!)));
  }
  return worst;
}
