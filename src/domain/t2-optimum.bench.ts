import { bench, describe } from 'vitest';
import { t2OptimumGrid } from './t2-optimum';
import { getT2Approach1Set, getT2Approach2Set } from './t2-sets';

/** 64 training budgets 1e16…1e26 × 64 inference budgets 1e6…1e13 FLOPs per token (log-spaced). */
const logSpace = (lo: number, hi: number, n: number) =>
  Array.from({ length: n }, (_, i) => 10 ** (lo + ((hi - lo) * i) / (n - 1)));
const train = logSpace(16, 26, 64);
const inference = logSpace(6, 13, 64);
const c1 = getT2Approach1Set('t2-illustrative')!.constants;
const c2 = getT2Approach2Set('t2-illustrative')!.constants;

describe('T² two-budget optimum over a 64×64 grid of budgets', () => {
  bench('Approach 1 (Newton on the convex loss in ln N)', () => {
    t2OptimumGrid(1, c1, train, inference);
  });
  bench('Approach 2 (global: 0.5-nat scan of ln N + Brent on every local optimum of the log failure rate)', () => {
    t2OptimumGrid(2, c2, train, inference);
  });
});
