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

/** ln Γ(x + s) − ln Γ(x) takes the Stirling form from this argument up (7 terms: truncation below 1e-17 relative). */
const STIRLING_FROM = 10;

/** Stirling coefficients B₂ⱼ/(2j(2j−1)), j = 1…7, of the correction Σ cⱼ·x^−(2j−1) to ln Γ(x). */
const STIRLING_C = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

/**
 * tail(y + s) − tail(y) for y ≥ 10, s ≥ 0, tail(x) = Σ cⱼ·x^−m (m = 2j − 1): each term is cⱼ·y^−m·(q^m − 1) with
 * q = y/(y + s) and q^m − 1 = (q − 1)(1 + q + … + q^(m−1)), a sum of positive terms, so tiny s keeps its digits.
 */
function stirlingTailShift(y: number, s: number): number {
  const q = y / (y + s);
  const qMinus1 = -s / (y + s);
  const r = 1 / y;
  const r2 = r * r;
  let pow = r; // y^−m
  let geo = 1; // 1 + q + … + q^(m−1)
  let qm = 1; // q^(m−1)
  let sum = 0;
  for (let j = 0; j < STIRLING_C.length; j++) {
    sum += STIRLING_C[j]! * pow * geo;
    pow *= r2;
    qm *= q;
    geo += qm;
    qm *= q;
    geo += qm;
  }
  return qMinus1 * sum;
}

/** log1p(t) − t for t > −1, without cancellation for small |t| (series below 0.01, else direct). */
function log1pMinusX(t: number): number {
  if (Math.abs(t) < 0.01) {
    // −t²/2 + t³/3 − t⁴/4 + … ; 9 terms reach 1e-20 relative at |t| = 0.01.
    let term = t;
    let sum = 0;
    for (let n = 2; n <= 10; n++) {
      term *= -t;
      sum += term / n;
    }
    return sum;
  }
  return Math.log1p(t) - t;
}

/**
 * ln Γ(x + s) − ln Γ(x) for x > 0, s ≥ 0, with full relative precision for any s, tiny ones included (e.g. s = 1e-12,
 * where subtracting two ln Γ values would lose ~4 digits). For x < 10 and s ≥ 1/2 the plain difference of ln Γ is used
 * (no cancellation worth a digit there); for smaller s the argument is shifted up with
 * ln Γ(x + s) − ln Γ(x) = [ln Γ(x + m + s) − ln Γ(x + m)] − Σ_{j<m} log1p(s/(x + j)); at y = x + m ≥ 10 the Stirling
 * series gives s·ln(y + s) + y·(log1p(t) − t) − ½·log1p(t) + tail(y + s) − tail(y), t = s/y, each term free of
 * cancellation. Returns NaN outside x > 0, s ≥ 0 finite.
 */
export function logGammaShift(x: number, s: number): number {
  if (!(x > 0) || !(s >= 0) || !Number.isFinite(x) || !Number.isFinite(s)) return Number.NaN;
  if (s === 0) return 0;
  if (x < STIRLING_FROM && s >= 0.5) return logGamma(x + s) - logGamma(x);
  let y = x;
  let lower = 0;
  while (y < STIRLING_FROM) {
    lower += Math.log1p(s / y);
    y += 1;
  }
  const t = s / y;
  const upper = s * Math.log(y + s) + y * log1pMinusX(t) - 0.5 * Math.log1p(t) + stirlingTailShift(y, s);
  return upper - lower;
}

/**
 * Digamma ψ(x) = d ln Γ(x)/dx for x > 0 (recurrence ψ(x) = ψ(x + 1) − 1/x up to 20, then the asymptotic series
 * ln x − 1/(2x) − Σ B₂ⱼ/(2j·x^2j); absolute error ~1e-16). Returns NaN for x ≤ 0 or non-finite x.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 0;
  let y = x;
  while (y < 20) {
    shift -= 1 / y;
    y += 1;
  }
  const r2 = 1 / (y * y);
  const series = r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132)))));
  return shift + Math.log(y) - 0.5 / y - series;
}

/** Euler–Mascheroni constant γ = −ψ(1). */
export const EULER_GAMMA = 0.5772156649015329;

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
