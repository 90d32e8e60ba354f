import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALITY_MODEL_REGISTRY } from '../domain/quality-models';
import { listConstantSets } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { defaultScenario } from '../store/url/schema';
import { registryCatalog } from '../store/url/catalog';
import { api } from './api';
import { comparePoint, comparePointKey, sameQuantity } from './compare-point';
import { buildExplorerData } from './explorer-data';

const base = defaultScenario((m) => registryCatalog.defaultId(m));

describe('comparePoint: one scenario summarised for the A/B comparison', () => {
  it("gives each model's design exactly the quality, compute and cost the charts and the cost view give it", () => {
    for (const model of QUALITY_MODEL_REGISTRY.ids) {
      for (const set of listConstantSets(model)) {
        const s: Scenario = { ...base, qualityModel: model, constantSet: set.id, params: 3e8, samples: 4 };
        const p = comparePoint(s);
        const data = buildExplorerData(s);
        expect(p.value).toBe(data.frontier.design.quality);
        expect(p.quality).toEqual(data.quality);
        expect(p.set.id).toBe(data.set.id);
        expect(p.trainFlops).toBeCloseTo(6 * s.params * s.tokens, 0);
        expect(p.inferenceFlops).toBe(2 * s.params * s.samples);
        expect(p.lifetimeFlops).toBeCloseTo(p.trainFlops + p.inferenceFlops * s.tokensServed, -10);
        expect(p.cost?.total).toBeCloseTo(data.cost!.design!.totalCost, 6);
        expect(p.extrapolated).toBe(data.readouts.extrapolation?.design.text ?? null);
      }
    }
  });

  it('follows the test-time strategy and names it with its assumed parameters', () => {
    const oracle = comparePoint({ ...base, qualityModel: 't2-2', constantSet: registryCatalog.defaultId('t2-2') });
    const vote = comparePoint({
      ...base,
      qualityModel: 't2-2',
      constantSet: registryCatalog.defaultId('t2-2'),
      strategy: { id: 'vote', params: { agreement: 0.3 } },
    });
    expect(oracle.strategy).toBeNull();
    expect(vote.strategy).toMatch(/0\.3/);
    // pass@k bounds voting from above (Wu et al.; src/domain/strategies), and the two measure different things.
    expect(vote.value).toBeLessThanOrEqual(oracle.value + 1e-12);
    expect(sameQuantity(oracle, vote)).toBe(false);
  });

  it('keys by what the point depends on: lab runs and Plan Early inputs do not change it', () => {
    const a = comparePointKey(base);
    expect(comparePointKey({ ...base, measured: [] })).toBe(a);
    expect(comparePointKey({ ...base, params: 2e8 })).not.toBe(a);
  });

  it("the engine returns A and B beside the charts, and A's own error as a message", () => {
    const b: Scenario = { ...base, params: 2e8 };
    const reply = api.compute(b, 1, { compare: base });
    expect(reply.data.compare?.a.params).toBe(base.params);
    expect(reply.data.compare?.b.params).toBe(2e8);
    expect(reply.data.compare?.b.value).toBe(reply.data.frontier.design.quality);
    expect(api.compute(b, 2, {}).data.compare).toBeNull();
    const broken = api.compute(b, 3, { compare: { ...base, params: -1 } });
    expect(broken.data.compare).toBeNull();
    expect(broken.data.compareError).toMatch(/param/i);
  });

  it('never gives a non-finite number for a valid design (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUALITY_MODEL_REGISTRY.ids),
        fc.double({ min: 5, max: 12, noNaN: true }),
        fc.double({ min: 7, max: 14, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (model, n, d, k) => {
          const p = comparePoint({
            ...base,
            qualityModel: model,
            constantSet: registryCatalog.defaultId(model),
            params: 10 ** n,
            tokens: 10 ** d,
            samples: 10 ** k,
          });
          for (const v of [p.value, p.trainFlops, p.inferenceFlops, p.lifetimeFlops, p.tokensPerParam])
            expect(Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
