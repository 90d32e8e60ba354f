import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors';
import { t2Loss } from './t2-approach1';
import { t2Accuracy } from './t2-approach2';
import { t2LifetimeOptimum, t2Optimum } from './t2-optimum';
import { getT2Approach1Set, getT2Approach2Set, T2_APPROACH2_SETS } from './t2-sets';

const c1 = getT2Approach1Set('t2-illustrative')!.constants;
const c2 = getT2Approach2Set('t2-illustrative')!.constants;

describe('t2LifetimeOptimum (one budget 6ND + 2NkT, laws.md §0)', () => {
  it('spends the whole budget and keeps k ≥ minSamples', () => {
    for (const approach of [1, 2] as const) {
      const o = t2LifetimeOptimum(approach, approach === 1 ? c1 : c2, 1e22, 1e11, { minSamples: 2 });
      expect((6 * o.params * o.tokens + 2 * o.params * o.samples * 1e11) / 1e22).toBeCloseTo(1, 9);
      expect(o.trainFlops + o.inferenceFlops).toBeCloseTo(1e22, -9);
      expect(o.samples).toBeGreaterThanOrEqual(2);
      expect(o.trainFraction).toBeGreaterThan(0);
      expect(o.trainFraction).toBeLessThan(1);
    }
  });

  it('equals the two-budget optimum at the split it chooses (the two views agree)', () => {
    for (const approach of [1, 2] as const) {
      const c = approach === 1 ? c1 : c2;
      const life = t2LifetimeOptimum(approach, c, 3e21, 5e10);
      const two = t2Optimum(approach, c, life.trainFlops, life.inferenceFlops / 5e10);
      expect(two.params / life.params).toBeCloseTo(1, 4);
      expect(two.value).toBeCloseTo(life.value, 8);
    }
  });

  it('no (N, training share) on a dense grid beats it (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e18, max: 1e25, noNaN: true }),
        fc.double({ min: 1e6, max: 1e13, noNaN: true }),
        (total, served) => {
          fc.pre(total / (2 * served) > 1e3);
          for (const approach of [1, 2] as const) {
            const o = t2LifetimeOptimum(approach, approach === 1 ? c1 : c2, total, served);
            const xCap = Math.log(total / (2 * served));
            for (let i = 1; i < 60; i++) {
              const n = Math.exp((xCap * i) / 60);
              for (let j = 1; j < 60; j++) {
                const f = j / 60;
                const d = (f * total) / (6 * n);
                const k = ((1 - f) * total) / (2 * n * served);
                if (k < 1) continue;
                if (approach === 1) expect(t2Loss(c1, n, d, k)).toBeGreaterThanOrEqual(o.value - 1e-9 * o.value);
                else expect(t2Accuracy(c2, n, d, k)).toBeLessThanOrEqual(o.value + 1e-9);
              }
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('no (N, training share) on a grid beats it for random constants either (property)', () => {
    const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    const consts = fc.record({
      E: pos(0, 10),
      A: pos(1, 1e4),
      B: pos(1, 1e4),
      alpha: pos(0.05, 1),
      beta: pos(0.05, 1),
      G: pos(0.01, 50),
      gamma: pos(0.05, 2),
      theta0: pos(2, 20),
      theta1: pos(0.05, 3),
      theta2: pos(0.3, 1),
      theta3: pos(-2, 3),
      theta4: pos(-0.3, 0.3),
    });
    fc.assert(
      fc.property(consts, pos(1e18, 1e26), pos(1e6, 1e13), (c, total, served) => {
        fc.pre(total / (2 * served) > 1e3);
        const o1 = t2LifetimeOptimum(1, c, total, served);
        const o2 = t2LifetimeOptimum(2, c, total, served);
        const xCap = Math.log(total / (2 * served));
        for (let i = 1; i < 40; i++) {
          const n = Math.exp((xCap * i) / 40);
          for (let j = 1; j < 40; j++) {
            const d = ((j / 40) * total) / (6 * n);
            const k = ((1 - j / 40) * total) / (2 * n * served);
            if (k < 1) continue;
            expect(t2Loss(c, n, d, k)).toBeGreaterThanOrEqual(o1.value * (1 - 1e-9));
            expect(t2Accuracy(c, n, d, k)).toBeLessThanOrEqual(o2.value * (1 + 1e-9) + 1e-13);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('spends a smaller share on training when more tokens are served', () => {
    const few = t2LifetimeOptimum(1, c1, 1e22, 1e9);
    const many = t2LifetimeOptimum(1, c1, 1e22, 1e12);
    expect(many.trainFraction).toBeLessThan(few.trainFraction);
    expect(many.params).toBeLessThan(few.params);
  });

  it('rejects budgets that cannot serve T tokens once', () => {
    expect(() => t2LifetimeOptimum(1, c1, 1e10, 1e10)).toThrow(DomainError);
    expect(() => t2LifetimeOptimum(2, c2, 1e20, 0)).toThrow(/tokens served/);
  });
});

describe('t2LifetimeOptimum is global (issue 11, item 3: every caller of the search)', () => {
  /** Best accuracy on a brute-force grid: ln N × training share f (D = fC/(6N), k = (1 − f)C/(2NT) ≥ 1). */
  function bruteForce(c: typeof c2, total: number, served: number): number {
    let best = 0;
    const xCap = Math.log(total / (2 * served));
    for (let i = 0; i <= 400; i++) {
      const n = Math.exp((xCap * i) / 400);
      for (let j = 1; j < 400; j++) {
        const f = 1 / (1 + Math.exp(-(-30 + (60 * j) / 400))); // logit f in (−30, 30)
        const d = (f * total) / (6 * n);
        const k = ((1 - f) * total) / (2 * n * served);
        if (k >= 1 && d >= 1) best = Math.max(best, t2Accuracy(c, n, d, k));
      }
    }
    return best;
  }

  it('beats or matches a brute-force grid on every shipped Approach 2 set, bimodal ones included', () => {
    for (const set of T2_APPROACH2_SETS) {
      // 1e16 / 1e4 on the chain set: two local optima, N ≈ 7.1e3 (0.9995) and N ≈ 3.7e5 (0.9993, the old answer).
      for (const [total, served] of [
        [1e13, 1e3],
        [1e16, 1e4],
        [1e23, 1e12],
      ] as const) {
        const o = t2LifetimeOptimum(2, set.constants, total, served);
        expect(o.value).toBeGreaterThanOrEqual(bruteForce(set.constants, total, served) - 1e-7);
      }
    }
  });
});
