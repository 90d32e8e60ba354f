/**
 * The strategy optimum's bounded scan (t2-optimum-search.ts boundedGlobalMinimize1d, issue 15 step 3) against the plain
 * global scan it replaces: the same optimum, for fewer evaluations of the strategy's accuracy.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getT2Approach2Set } from '../t2-sets';
import { defaultConstantSet } from '../registry';
import { t2BetaFromLoss } from '../t2-approach2';
import { t2LogParamsRange } from '../t2-optimum';
import { boundedGlobalMinimize1d, globalMinimize1d } from '../t2-optimum-search';
import { strategyAccuracyFromBeta } from './accuracy';
import { strategyOptimum } from './optimum';
import type { StrategyChoice } from './registry';

const c = getT2Approach2Set(defaultConstantSet('t2-2'))!.constants;

/** The plain search (every scan point evaluated), as strategyOptimum did before the bound. */
function plainOptimum(choice: StrategyChoice, trainFlops: number, inferenceFlops: number) {
  const [lo, hi] = t2LogParamsRange(inferenceFlops, 1);
  const logHalfTrain = Math.log(trainFlops / 6);
  const logHalfInf = Math.log(inferenceFlops / 2);
  let evaluations = 0;
  const f = (x: number) => {
    evaluations++;
    const loss = c.E + c.A * Math.exp(-c.alpha * x) + c.B * Math.exp(c.beta * (x - logHalfTrain));
    const { mu, nu } = t2BetaFromLoss(c, loss);
    return -strategyAccuracyFromBeta(choice, mu, nu, Math.max(1, Math.exp(logHalfInf - x)));
  };
  const best = globalMinimize1d(f, lo, hi);
  return { value: -best.value, params: Math.exp(best.x), evaluations };
}

const arbChoice = fc.oneof(
  fc.double({ min: 0.01, max: 1, noNaN: true }).map((s): StrategyChoice => ({ id: 'vote', params: { agreement: s } })),
  fc
    .tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.95, noNaN: true }))
    .map(([r, f]): StrategyChoice => ({ id: 'verifier', params: { recall: r, falsePositive: f } })),
);

describe('bounded scan of the strategy optimum', () => {
  it("finds the plain scan's optimum (value within 1e-9) for random strategies and budgets (property)", () => {
    fc.assert(
      fc.property(
        arbChoice,
        fc.double({ min: 15, max: 25, noNaN: true }),
        fc.double({ min: 6, max: 14, noNaN: true }),
        (choice, lct, lci) => {
          const ct = 10 ** lct;
          const ci = 10 ** lci;
          const plain = plainOptimum(choice, ct, ci);
          const bounded = strategyOptimum(c, choice, ct, ci);
          return bounded.value >= plain.value - 1e-9;
        },
      ),
      { numRuns: 60 },
    );
  });
  it('finds a dip between grid points whose point bounds are both above the best (fast-check seed -334165659)', () => {
    const choice: StrategyChoice = { id: 'verifier', params: { recall: 0.05, falsePositive: 0 } };
    const [ct, ci] = [10 ** 15.124913057274641, 10 ** 12.122884437530233];
    const plain = plainOptimum(choice, ct, ci);
    const bounded = strategyOptimum(c, choice, ct, ci);
    expect(bounded.value).toBeGreaterThanOrEqual(plain.value - 1e-12); // was 8.55e-9 against 1.197e-8
    expect(bounded.params / plain.params).toBeCloseTo(1, 6);
  });
  it('spares evaluations at the T² setting', () => {
    const choice: StrategyChoice = { id: 'verifier', params: { recall: 0.9, falsePositive: 0.1 } };
    const [lo, hi] = t2LogParamsRange(2e9, 1);
    const logHalfTrain = Math.log(2.56e19 / 6);
    const logHalfInf = Math.log(1e9);
    const f = (x: number) => {
      const loss = c.E + c.A * Math.exp(-c.alpha * x) + c.B * Math.exp(c.beta * (x - logHalfTrain));
      const { mu, nu } = t2BetaFromLoss(c, loss);
      return -strategyAccuracyFromBeta(choice, mu, nu, Math.max(1, Math.exp(logHalfInf - x)));
    };
    const plain = plainOptimum(choice, 2.56e19, 2e9);
    const bounded = boundedGlobalMinimize1d(f, () => Number.NEGATIVE_INFINITY, lo, hi, {
      bound: () => Number.NEGATIVE_INFINITY,
    });
    // with no usable bound it degenerates to the plain scan, and finds the same value
    expect(-bounded.value).toBeCloseTo(plain.value, 9);
    expect(bounded.skipped).toBe(0);
  });
});

describe('best-of-k quadrature at VERIFIER_PANEL_FACTOR (issue 15 step 3)', () => {
  it('is within the stated tolerance of the exact pass@k (r = 1, f = 0) and of a 10-fold finer rule (property)', async () => {
    const { VERIFIER_QUADRATURE_TOLERANCE, verifierAccuracy, verifierWinAtP } = await import('./verifier');
    const { betaExpectation } = await import('./beta-quadrature');
    const { betaPassAtK } = await import('../t2-approach2');
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: Math.log(0.01), max: Math.log(500), noNaN: true }),
        fc.double({ min: 0, max: Math.log(1e5), noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (mu, lnNu, lnK, r, f) => {
          const nu = Math.exp(lnNu);
          const k = Math.exp(lnK);
          const a = mu * nu;
          const b = (1 - mu) * nu;
          const exact = Math.abs(verifierAccuracy(a, b, k, { recall: 1, falsePositive: 0 }) - betaPassAtK(a, b, k));
          const rates = { recall: r, falsePositive: f };
          const fine = Math.abs(
            verifierAccuracy(a, b, k, rates) - betaExpectation(a, b, (p) => verifierWinAtP(p, k, rates), 1e30, 0.1),
          );
          return exact < VERIFIER_QUADRATURE_TOLERANCE && fine < VERIFIER_QUADRATURE_TOLERANCE;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("strategy optimum at STRATEGY_VALUE_TOLERANCE (the frontier map's cells)", () => {
  it("gives the best accuracy within STRATEGY_VALUE_TOLERANCE (1e-5) of the default tolerance's (property)", async () => {
    const { STRATEGY_VALUE_TOLERANCE } = await import('./optimum');
    fc.assert(
      fc.property(
        arbChoice,
        fc.double({ min: 15, max: 25, noNaN: true }),
        fc.double({ min: 6, max: 14, noNaN: true }),
        (choice, lct, lci) => {
          const exact = strategyOptimum(c, choice, 10 ** lct, 10 ** lci);
          const loose = strategyOptimum(c, choice, 10 ** lct, 10 ** lci, { tolerance: STRATEGY_VALUE_TOLERANCE });
          // Within the tolerance's own size; fast-check found 1.0e-6 at voting agreement 0.01 (seed -1956437119).
          return Math.abs(loose.value - exact.value) <= STRATEGY_VALUE_TOLERANCE;
        },
      ),
      { numRuns: 60 },
    );
  });
});
