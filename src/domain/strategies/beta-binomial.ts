/**
 * The number of correct samples among k when per-question accuracy p ~ Beta(a, b) (the Beta of T² Approach 2,
 * laws.md §2): X ~ BetaBinomial(k, a, b), P(X = x) = C(k, x)·B(a + x, b + k − x)/B(a, b). Voting and verifier
 * strategies (./majority.ts) average a per-count win probability over this law. The log pmf is built by the ratio
 * recurrence from P(X = 0) = B(a, b + k)/B(a, b) (stable log-gamma shifts, math/special.ts).
 */
import { logBetaFailure } from '../math/special';

/**
 * ln P(X = x) for x = 0…k (a Float64Array of length k + 1). Unchecked: k a whole number ≥ 0, a, b > 0 finite.
 * ln P(X = x + 1) − ln P(X = x) = ln[(k − x)(a + x)] − ln[(x + 1)(b + k − x − 1)].
 */
export function betaBinomialLogPmf(k: number, a: number, b: number): Float64Array {
  const out = new Float64Array(k + 1);
  let lp = logBetaFailure(a, b, k);
  out[0] = lp;
  for (let x = 0; x < k; x++) {
    lp += Math.log(((k - x) * (a + x)) / ((x + 1) * (b + k - x - 1)));
    out[x + 1] = lp;
  }
  return out;
}
