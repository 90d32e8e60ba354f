/**
 * The two-budget optimum is global (issue 11, item 3): Approach 2's accuracy along the budget line can have two local
 * maxima (θ4 > 0), and the search must return the better one. Checked against an independent dense brute-force grid
 * of ln N, for every shipped set and for random sets, at random budgets; and on the quoted bimodal case.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { T2Approach1Constants, T2Approach2Constants } from './constants-types';
import { t2Loss } from './t2-approach1';
import { t2Accuracy } from './t2-approach2';
import { t2Optimum, t2OptimumGrid } from './t2-optimum';
import { T2_APPROACH1_SETS, T2_APPROACH2_SETS } from './t2-sets';
import bimodal from './testing-bimodal-chain.json';

const BRUTE_POINTS = 4000;

/** Best quality on a uniform grid of BRUTE_POINTS + 1 values of ln N in [0, ln(C_inf/2)] (k ≥ 1). */
function bruteForce(approach: 1 | 2, c: T2Approach1Constants | T2Approach2Constants, ct: number, ci: number): number {
  const hi = Math.log(ci / 2);
  let best = approach === 1 ? Number.POSITIVE_INFINITY : 0;
  for (let i = 0; i <= BRUTE_POINTS; i++) {
    const n = Math.exp((hi * i) / BRUTE_POINTS);
    const d = ct / (6 * n);
    const k = ci / (2 * n);
    if (approach === 1) best = Math.min(best, t2Loss(c as T2Approach1Constants, n, d, k));
    else best = Math.max(best, t2Accuracy(c as T2Approach2Constants, n, d, k));
  }
  return best;
}

function expectGlobal(approach: 1 | 2, c: T2Approach1Constants | T2Approach2Constants, ct: number, ci: number): void {
  const o = t2Optimum(approach, c, ct, ci);
  const best = bruteForce(approach, c, ct, ci);
  if (approach === 1) expect(o.value).toBeLessThanOrEqual(best + 1e-9 * Math.abs(best));
  else expect(o.value).toBeGreaterThanOrEqual(best - 1e-9);
}

const trainArb = fc.double({ min: 1e10, max: 1e26, noNaN: true });
const infArb = fc.double({ min: 1e4, max: 1e14, noNaN: true });

describe('t2Optimum is global (brute force over ln N)', () => {
  it('finds the better of two local maxima on the quoted bimodal case (t2-testbed-chain, 1e12 / 1e10)', () => {
    const c = bimodal.constants as T2Approach2Constants;
    const o = t2Optimum(2, c, 1e12, 1e10);
    expect(o.value).toBeGreaterThan(0.95); // the local maximum near N = 1.15e5 gives 0.876
    expect(o.params).toBeGreaterThan(1e4);
    expect(o.params).toBeLessThan(1.3e4);
    expect(o.value).toBeGreaterThanOrEqual(bruteForce(2, c, 1e12, 1e10) - 1e-9);
  });

  it('every shipped set, random budgets (property, both approaches)', () => {
    const sets = [
      ...T2_APPROACH1_SETS.map((s) => ({
        approach: 1 as const,
        c: s.constants as T2Approach1Constants | T2Approach2Constants,
      })),
      ...T2_APPROACH2_SETS.map((s) => ({
        approach: 2 as const,
        c: s.constants as T2Approach1Constants | T2Approach2Constants,
      })),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sets.length - 1 }), trainArb, infArb, (i, ct, ci) => {
        expectGlobal(sets[i]!.approach, sets[i]!.c, ct, ci);
      }),
      { numRuns: 300 },
    );
  });

  it('every cell of the shipped Approach 2 sets’ budget grid of the UI range (the chain set is bimodal there)', () => {
    for (const s of T2_APPROACH2_SETS) {
      for (let lt = 10; lt <= 22; lt += 1)
        for (let li = 5; li <= 12; li += 1) expectGlobal(2, s.constants, 10 ** lt, 10 ** li);
    }
  });

  it('random sets, random budgets, including bimodal ones (property, both approaches)', () => {
    const stage1 = fc.record({
      E: fc.double({ min: 0, max: 10, noNaN: true }),
      A: fc.double({ min: 1, max: 1e9, noNaN: true }),
      B: fc.double({ min: 1, max: 1e6, noNaN: true }),
      alpha: fc.double({ min: 0.05, max: 2.5, noNaN: true }),
      beta: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    const extra1 = fc.record({
      G: fc.double({ min: 0.01, max: 50, noNaN: true }),
      gamma: fc.double({ min: 0.05, max: 2, noNaN: true }),
    });
    const extra2 = fc.record({
      theta0: fc.double({ min: 1, max: 20, noNaN: true }),
      theta1: fc.double({ min: 0.05, max: 4, noNaN: true }),
      theta2: fc.double({ min: 0.3, max: 1, noNaN: true }),
      theta3: fc.double({ min: -15, max: 3, noNaN: true }),
      theta4: fc.double({ min: -0.5, max: 4, noNaN: true }),
    });
    fc.assert(
      fc.property(stage1, extra1, extra2, trainArb, infArb, (s, e1, e2, ct, ci) => {
        expectGlobal(1, { ...s, ...e1 }, ct, ci);
        expectGlobal(2, { ...s, ...e2 }, ct, ci);
      }),
      { numRuns: 300 },
    );
  });

  it('t2OptimumGrid is global in every cell too (bimodal chain set)', () => {
    const c = bimodal.constants as T2Approach2Constants;
    const train = [1e11, 1e12, 1e13];
    const inf = [1e9, 1e10];
    const g = t2OptimumGrid(2, c, train, inf);
    inf.forEach((ci, i) =>
      train.forEach((ct, j) => {
        expect(g.value[i * 3 + j]).toBeGreaterThanOrEqual(bruteForce(2, c, ct, ci) - 1e-9);
      }),
    );
  });
});
