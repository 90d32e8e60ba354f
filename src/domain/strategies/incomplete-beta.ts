/**
 * The regularised incomplete Beta function I_x(a, b) = P(p ≤ x) for p ~ Beta(a, b), the Beta CDF the strategies need
 * for the majority-voting limit (./majority.ts). Lentz's continued fraction (Numerical Recipes 3rd ed. §6.4), taken on
 * the side of x where it converges fast (x < (a + 1)/(a + b + 2), else through I_x(a, b) = 1 − I_(1−x)(b, a)); the
 * prefactor x^a (1 − x)^b / (a·B(a, b)) is formed in logs (laws.md pitfalls).
 */
import { DomainError } from '../errors';
import { logBeta } from '../math/special';

const MAX_ITERATIONS = 2000;
const EPS = 1e-15;
const TINY = 1e-300;

function continuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h; // converged to the last digits the iteration budget allows (reached only for a, b ≫ 1e6)
}

/**
 * I_x(a, b), the probability that p ~ Beta(a, b) is at most x, in [0, 1].
 * @param x in [0, 1]. @param a, b shape parameters (> 0, finite).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new DomainError(`Beta parameters must be positive finite numbers (got a = ${a}, b = ${b})`);
  }
  if (!(x >= 0 && x <= 1)) throw new DomainError(`x must lie in [0, 1] (got ${x})`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    return Math.min(1, Math.max(0, (Math.exp(logFront) * continuedFraction(a, b, x)) / a));
  }
  return Math.min(1, Math.max(0, 1 - (Math.exp(logFront) * continuedFraction(b, a, 1 - x)) / b));
}
