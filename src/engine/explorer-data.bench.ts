/**
 * Benchmarks of the chart-data builder: a full build (every cache emptied first: frontier grid, tokens-per-parameter
 * sweep, Epoch curves) and the build a slider drag triggers when only N changes (D follows the isoFLOP line, so the
 * budgets and the memoised parts stay). Run: npx vitest bench --run src/engine/explorer-data.bench.ts
 */
import { QUALITY_MODEL_IDS } from '../domain/quality-models';
import { bench, describe } from 'vitest';
import type { QualityModel, Scenario } from '../domain/scenario';
import type { StrategyChoice } from '../domain/strategies/registry';
import { buildExplorerData, clearExplorerDataCaches } from './explorer-data';

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

function scenarioFor(model: QualityModel): Scenario {
  return { ...BASE, qualityModel: model, constantSet: model.startsWith('t2') ? 't2-illustrative' : 'hoffmann' };
}

for (const model of QUALITY_MODEL_IDS) {
  describe(`buildExplorerData, ${model}`, () => {
    const s = scenarioFor(model);
    bench('full build (caches emptied)', () => {
      clearExplorerDataCaches();
      buildExplorerData(s);
    });
    let step = 0;
    bench(
      'only N changed (linked: D = C_train/6N)',
      () => {
        step = (step + 1) % 200;
        const params = 1e8 * 10 ** (step / 400); // within half a decade: same frontier window
        buildExplorerData({ ...s, params, tokens: s.trainFlops / (6 * params) });
      },
      {
        setup: () => {
          buildExplorerData(s);
        },
      },
    );
  });
}

// Issue 15: the test-time strategies under T² Approach 2 (the verifier's build is its quadrature's cost); a new strategy
// parameter (a slider step) is a full build of the strategy's charts.
const STRATEGIES: StrategyChoice[] = [
  { id: 'vote', params: { agreement: 0.3 } },
  { id: 'verifier', params: { recall: 0.9, falsePositive: 0.1 } },
];
for (const strategy of STRATEGIES) {
  describe(`buildExplorerData, t2-2 under ${strategy.id}`, () => {
    const s: Scenario = { ...scenarioFor('t2-2'), strategy };
    bench('full build (caches emptied)', () => {
      clearExplorerDataCaches();
      buildExplorerData(s);
    });
  });
}
