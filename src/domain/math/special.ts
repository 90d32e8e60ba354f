/**
 * Special functions in log space (laws.md pitfalls: "Beta functions overflow: always use log-gamma differences").
 */

/** Lanczos coefficients (g = 7, n = 9), as in Numerical Recipes 3rd ed. §6.1 / Godfrey's table. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0 (Lanczos approximation, relative error ~1e-15; for x < 0.5 via Γ(x) = Γ(x + 1)/x, which keeps
 * small arguments such as 1e-3 accurate). Returns NaN for x ≤ 0 or non-finite x.
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Arguments at or above this use the Stirling series in `logGammaShift` (truncation below 1e-15). */
const STIRLING_FROM = 20;

/** Σ B₂ⱼ/(2j(2j−1)·x^(2j−1)), the Stirling correction to ln Γ(x) beyond (x − ½)ln x − x + ½ln 2π. */
function stirlingTail(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
}

/**
 * ln Γ(x + s) − ln Γ(x) for x > 0, s ≥ 0, without cancelling two huge numbers: for x ≥ 20 the Stirling series gives
 * (x − ½)·log1p(s/x) + s·ln(x + s) − s + tail(x + s) − tail(x); below that the plain difference is already exact.
 */
export function logGammaShift(x: number, s: number): number {
  if (x < STIRLING_FROM) return logGamma(x + s) - logGamma(x);
  return (x - 0.5) * Math.log1p(s / x) + s * Math.log(x + s) - s + stirlingTail(x + s) - stirlingTail(x);
}

/**
 * ln[B(a, b + k)/B(a, b)] = [lnΓ(b + k) − lnΓ(a + b + k)] − [lnΓ(b) − lnΓ(a + b)] ≤ 0: the log of the expected failure
 * rate E_p[(1 − p)^k] for p ~ Beta(a, b) (laws.md §3). The four terms are grouped as two shifts by the smaller of a
 * and k, so neither k up to 1e7 nor a concentrated Beta (a, b ~ 1e20) loses the result to cancellation; the lnΓ(a)
 * terms of the two Beta functions cancel and are never formed.
 * @param a, b Beta shape parameters (> 0). @param k samples per question (≥ 0, continuous).
 */
export function logBetaFailure(a: number, b: number, k: number): number {
  const v = a <= k ? logGammaShift(b, a) - logGammaShift(b + k, a) : logGammaShift(b, k) - logGammaShift(a + b, k);
  return Math.min(0, v);
}
