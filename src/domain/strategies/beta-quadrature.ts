/**
 * E[f(p)] for p ~ Beta(a, b), for a per-question success function f with f(0) = 0 and f(1) = 1 (a strategy's chance
 * of answering a question right given its single-sample accuracy p). The Beta density can be singular at both ends
 * (a, b ≪ 1 in the T² fits) or very narrow (a, b ≫ 1), so the integral is taken in the log-odds t = ln(p/(1 − p)),
 * where the density g(t) = e^(a·t)/(1 + e^t)^(a+b)/B(a, b) is smooth and log-concave with its mode at p = μ = a/(a + b)
 * and a width of about sd = √(1/a + 1/b). Left of the mode the integrand is g·f (it falls as e^((a+1)t) once
 * f ≤ scale·p); right of it E[f] is written M − ∫ g·(1 − f), M = 1 − I_μ(a, b) the Beta mass above μ, so that integrand
 * falls as e^(−(b+1)t). Composite 6-point Gauss–Legendre on panels min(1, sd/2) wide, walked outwards from the mode
 * until a panel's bound is e^(−24) below the mode's density. The tests check it against a 10-fold finer rule.
 */
import { logBeta } from '../math/special';
import { regularizedIncompleteBeta } from './incomplete-beta';

const GL_X = [
  -0.9324695142031521, -0.6612093864662645, -0.2386191860831909, 0.2386191860831909, 0.6612093864662645,
  0.9324695142031521,
];
const GL_W = [
  0.1713244923791704, 0.3607615730481386, 0.467913934572691, 0.467913934572691, 0.3607615730481386, 0.1713244923791704,
];
const MAX_PANELS = 4000;
const CUT = 24;

/** ln(1 + e^t), stable for large |t|. */
function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/**
 * E[f(p)] for p ~ Beta(a, b); f must map [0, 1] into [0, 1] with f(0) = 0 and f(1) = 1, and f ≤ scale·p,
 * 1 − f ≤ scale·(1 − p). Unchecked: a, b > 0 finite.
 * @param scale the largest 1/p at which f still changes (k, or recall/false-positive rate).
 * @param panelFactor panel width as a share of the default (tests only; default 1).
 */
export function betaExpectation(a: number, b: number, f: (p: number) => number, scale = 1, panelFactor = 1): number {
  const lnB = logBeta(a, b);
  const mu = a / (a + b);
  const t0 = Math.log(a) - Math.log(b);
  const width = panelFactor * Math.min(1, 0.5 * Math.sqrt(1 / a + 1 / b));
  const logG = (t: number) => a * t - (a + b) * softplus(t) - lnB;
  const stopAt = logG(t0) + Math.log(width) - CUT;
  const lnScale = Math.log(Math.max(1, scale));
  let sum = 0;
  for (const side of [-1, 1] as const) {
    for (let j = 0; j < MAX_PANELS; j++) {
      const inner = t0 + side * j * width;
      const outer = inner + side * width;
      for (let g = 0; g < GL_X.length; g++) {
        const t = inner + side * width * (0.5 + 0.5 * GL_X[g]!);
        const p = 1 / (1 + Math.exp(-t));
        const w = 0.5 * width * GL_W[g]! * Math.exp(logG(t));
        sum += side < 0 ? w * f(p) : -w * (1 - f(p));
      }
      // log of the integrand's bound at the panel's outer end: density × min(1, scale·p) (left) or scale·(1 − p) (right)
      const tail = side < 0 ? Math.min(0, lnScale - softplus(-outer)) : Math.min(0, lnScale - softplus(outer));
      if (logG(outer) + tail + Math.log(width) < stopAt) break;
    }
  }
  const massAbove = 1 - regularizedIncompleteBeta(mu, a, b);
  return Math.min(1, Math.max(0, sum + massAbove));
}
