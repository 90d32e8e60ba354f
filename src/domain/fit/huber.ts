/**
 * The Huber loss used by Chinchilla's Approach 3 fit (Hoffmann et al. 2022, §D.2; Besiroglu et al. 2024; laws.md §1,
 * δ = 1e-3 on log-loss residuals): quadratic for |r| ≤ δ, linear beyond, so outliers weigh little.
 */

/** Huber_δ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) otherwise (dimensionless; r is a log-loss residual). */
export function huber(r: number, delta: number): number {
  const a = Math.abs(r);
  return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

/** dHuber_δ/dr = r for |r| ≤ δ, δ·sign(r) otherwise. */
export function huberDerivative(r: number, delta: number): number {
  return r > delta ? delta : r < -delta ? -delta : r;
}
