import { describe, expect, it } from 'vitest';
import { lifetimeOptimum } from '../../domain/sardana';
import type { Scenario } from '../../domain/scenario';
import { buildExplorerData } from '../explorer-data';
import { makeLaw } from './law';
import { checkTarget, leastBudget } from './target';

const BASE: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 1e8,
  tokens: 1e21 / 6e8,
  samples: 10,
  trainFlops: 1e21,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};

/** A target between the grid's best and worst qualities, so its frontier crosses the chart. */
function midTarget(s: Scenario): number {
  const q = buildExplorerData(s).frontier.quality;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of q) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo + 0.5 * (hi - lo);
}

describe('target quality data', () => {
  it('is null when no target is set', () => {
    expect(buildExplorerData(BASE).frontier.target).toBeNull();
  });

  for (const [model, set] of [
    ['t2-1', 't2-illustrative'],
    ['t2-2', undefined],
    ['chinchilla', 'hoffmann'],
  ] as const) {
    it(`frontier points of ${model} reach the target within tolerance and form a Pareto front`, () => {
      const base: Scenario = { ...BASE, qualityModel: model, constantSet: set ?? BASE.constantSet };
      const target = midTarget(base);
      const d = buildExplorerData({ ...base, targetQuality: target });
      const t = d.frontier.target!;
      expect(t.message).toBeNull();
      expect(t.value).toBe(target);
      expect(t.trainFlops.length).toBeGreaterThan(1);
      for (let i = 0; i < t.quality.length; i++) {
        expect(Math.abs(t.quality[i]! - target)).toBeLessThan(1e-6 * Math.max(1, Math.abs(target)));
        if (i > 0) {
          expect(t.trainFlops[i]!).toBeGreaterThan(t.trainFlops[i - 1]!);
          expect(t.inferenceFlops[i]!).toBeLessThan(t.inferenceFlops[i - 1]!);
        }
      }
    });
  }

  it('names the cheapest budgets: the optimum quality at the budgets is reached exactly at the budgets', () => {
    const law = makeLaw('t2-1', 't2-illustrative');
    const target = law.optimumAt(BASE.trainFlops, BASE.inferenceFlops).quality;
    const t = buildExplorerData({ ...BASE, targetQuality: target }).frontier.target!;
    expect(t.trainAtEdge).toBe(false);
    expect(t.cheapestTrain! / BASE.trainFlops).toBeCloseTo(1, 4);
    expect(t.cheapestInference! / BASE.inferenceFlops).toBeCloseTo(1, 4);
    const harder = buildExplorerData({ ...BASE, targetQuality: target - 0.05 }).frontier.target!;
    expect(harder.cheapestTrain!).toBeGreaterThan(BASE.trainFlops);
    expect(harder.cheapestInference!).toBeGreaterThan(BASE.inferenceFlops);
  });

  it('reports an unreachable target without points or NaN', () => {
    const d = buildExplorerData({ ...BASE, targetQuality: 1e-3 });
    const t = d.frontier.target!;
    expect(t.trainFlops.length).toBe(0);
    expect(t.cheapestTrain).toBeNull();
    expect(t.cheapestInference).toBeNull();
  });

  it('rejects an accuracy target above 1 and a loss at or below E with a message', () => {
    const acc = buildExplorerData({ ...BASE, qualityModel: 't2-2', targetQuality: 2.1 }).frontier.target!;
    expect(acc.message).toMatch(/accuracy/);
    const law = makeLaw('chinchilla', 'hoffmann');
    expect(checkTarget(law, law.chinchilla.E).message).toMatch(/irreducible/);
    const life = buildExplorerData({
      ...BASE,
      qualityModel: 'lifetime',
      constantSet: 'hoffmann',
      targetQuality: law.chinchilla.E * 0.9,
    });
    expect(life.frontier.target!.message).toMatch(/irreducible/);
    expect(life.frontier.target!.lifetimeAtTarget).toBe(false);
    expect(Number.isNaN(life.readouts.quality)).toBe(false);
  });

  it('places the lifetime optimum at the target loss under the lifetime model', () => {
    const s: Scenario = { ...BASE, qualityModel: 'lifetime', constantSet: 'hoffmann', samples: 3 };
    const target = 2.5;
    const d = buildExplorerData({ ...s, targetQuality: target });
    const expected = lifetimeOptimum(makeLaw('lifetime', 'hoffmann').chinchilla, target, s.tokensServed, s.samples);
    expect(d.frontier.lifetime!.quality).toBe(target);
    expect(d.frontier.lifetime!.params).toBeCloseTo(expected.params, 0);
    expect(d.frontier.target!.lifetimeAtTarget).toBe(true);
    const unset = buildExplorerData(s);
    expect(unset.frontier.lifetime!.quality).toBe(unset.frontier.design.quality);
  });

  it('leastBudget finds the edge, the crossing and the unreachable case', () => {
    const reaches = (q: number | null) => q !== null && q >= 5;
    expect(leastBudget(reaches, (b) => b, 1, 100)!.budget).toBeCloseTo(5, 6);
    expect(leastBudget(reaches, (b) => b, 10, 100)).toEqual({ budget: 10, atEdge: true });
    expect(leastBudget(reaches, (b) => b, 1, 4)).toBeNull();
  });
});
