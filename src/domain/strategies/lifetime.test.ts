import { describe, expect, it } from 'vitest';
import { getT2Approach2Set } from '../t2-sets';
import { defaultConstantSet } from '../registry';
import { betaPassAtK } from '../t2-approach2';
import { t2LifetimeOptimum } from '../t2-lifetime';
import { strategyAccuracy, strategyLifetimeOptimum } from './optimum';
import type { StrategyChoice } from './registry';

const vote: StrategyChoice = { id: 'vote', params: { agreement: 0.3 } };
const bok = (recall: number, falsePositive: number): StrategyChoice => ({
  id: 'verifier',
  params: { recall, falsePositive },
});
const oracle: StrategyChoice = { id: 'oracle', params: {} };

describe('strategy lifetime optimum (one budget 6ND + 2NkT, laws.md §0)', () => {
  const c = getT2Approach2Set(defaultConstantSet('t2-2'))!.constants;
  const total = 1e21;
  const served = 1e10;
  it('the oracle is exactly T² Approach 2 over a lifetime, and the accuracy hook with pass@k gives the same design', () => {
    const plain = t2LifetimeOptimum(2, c, total, served);
    expect(strategyLifetimeOptimum(c, oracle, total, served)).toEqual(plain);
    const hooked = t2LifetimeOptimum(2, c, total, served, {
      accuracyFromBeta: (mu, nu, k) => betaPassAtK(mu * nu, (1 - mu) * nu, k),
    });
    expect(hooked.params / plain.params).toBeCloseTo(1, 4);
    expect(hooked.value).toBeCloseTo(plain.value, 9);
  });
  it('a perfect verifier (r = 1, f = 0) is pass@k over a lifetime too', () => {
    const plain = t2LifetimeOptimum(2, c, total, served);
    const perfect = strategyLifetimeOptimum(c, bok(1, 0), total, served);
    expect(perfect.value).toBeCloseTo(plain.value, 6);
  });
  it('spends the budget in full, and beats a brute-force grid over (N, training share) for each strategy', () => {
    for (const choice of [vote, bok(0.9, 0.1)]) {
      const o = strategyLifetimeOptimum(c, choice, total, served);
      expect((o.trainFlops + o.inferenceFlops) / total).toBeCloseTo(1, 9);
      expect(o.samples).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(o.value).toBeCloseTo(strategyAccuracy(c, choice, o.params, o.tokens, o.samples), 9);
      let best = 0;
      for (let i = 1; i <= 60; i++) {
        const n = Math.exp((Math.log(total / (2 * served)) * i) / 61);
        for (let j = 1; j < 40; j++) {
          const f = j / 40;
          const k = ((1 - f) * total) / (2 * n * served);
          if (k < 1) continue;
          best = Math.max(best, strategyAccuracy(c, choice, n, (f * total) / (6 * n), k));
        }
      }
      expect(o.value).toBeGreaterThanOrEqual(best - 1e-9);
    }
  });
  it("pass@k bounds every strategy's lifetime optimum, and voting moves it to fewer samples", () => {
    const o = strategyLifetimeOptimum(c, oracle, total, served);
    const m = strategyLifetimeOptimum(c, vote, total, served);
    const v = strategyLifetimeOptimum(c, bok(0.9, 0.1), total, served);
    expect(m.value).toBeLessThanOrEqual(o.value + 1e-12);
    expect(v.value).toBeLessThanOrEqual(o.value + 1e-12);
    expect(m.samples).toBeLessThan(o.samples);
  });
});
