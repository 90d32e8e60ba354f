/**
 * The digamma function ψ(x) = d ln Γ(x)/dx, for the analytic gradient of the T² Approach 2 stage-2 fit
 * (d/da ln B(a, b) = ψ(a) − ψ(a + b)). Recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * (Abramowitz & Stegun 6.3.18); absolute error below 1e-13 for x > 0.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  return shift + Math.log(x) - 0.5 * r - r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 / 132))));
}
