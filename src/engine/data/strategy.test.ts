import { describe, expect, it } from 'vitest';
import { buildExplorerData, clearExplorerDataCaches } from '../explorer-data';
import { defaultConstantSet } from '../../domain/registry';
import { defaultScenario } from '../../store/url/schema';
import type { Scenario } from '../../domain/scenario';
import type { StrategyChoice } from '../../domain/strategies/registry';

const base: Scenario = {
  ...defaultScenario(defaultConstantSet),
  qualityModel: 't2-2',
  constantSet: defaultConstantSet('t2-2'),
};
const withStrategy = (strategy?: StrategyChoice): Scenario => (strategy ? { ...base, strategy } : base);

describe('the test-time strategy reaches every chart and the optimum (issue 15)', () => {
  clearExplorerDataCaches();
  const oracle = buildExplorerData(withStrategy());
  const voting = buildExplorerData(withStrategy({ id: 'vote', params: { agreement: 0.3 } }));
  const verifier = buildExplorerData(withStrategy({ id: 'verifier', params: { recall: 0.9, falsePositive: 0.1 } }));
  it('the optimum moves: a larger model with fewer samples when the verifier is not perfect', () => {
    expect(verifier.frontier.optimum!.params).toBeGreaterThan(1.2 * oracle.frontier.optimum!.params);
    expect(voting.frontier.optimum!.samples).toBeLessThan(oracle.frontier.optimum!.samples);
    expect(verifier.frontier.optimum!.quality).toBeLessThan(oracle.frontier.optimum!.quality);
  });
  it('every chart changes: frontier grid, tokens per parameter, isoFLOP, pass@k, readouts', () => {
    for (const other of [voting, verifier]) {
      expect(other.frontier.gridKey).not.toBe(oracle.frontier.gridKey);
      expect(Array.from(other.frontier.quality)).not.toEqual(Array.from(oracle.frontier.quality));
      expect(other.tokensPerParam.key).not.toBe(oracle.tokensPerParam.key);
      expect(
        JSON.stringify(other.tokensPerParam.series, (_, v) => (v instanceof Float64Array ? Array.from(v) : v)),
      ).not.toBe(
        JSON.stringify(oracle.tokensPerParam.series, (_, v) => (v instanceof Float64Array ? Array.from(v) : v)),
      );
      expect(Array.from(other.isoflop.quality)).not.toEqual(Array.from(oracle.isoflop.quality));
      expect(Array.from(other.passk.passAtK)).not.toEqual(Array.from(oracle.passk.passAtK));
      expect(other.readouts).not.toEqual(oracle.readouts);
    }
    expect(voting.quality.label).toBe('majority-vote accuracy');
    expect(verifier.passk.extra!.some((e) => e.kind === 'oracle')).toBe(true);
    expect(verifier.passk.limit!.value).toBeLessThan(1);
  });
  it('the oracle leaves the T² numbers exactly as before; other models ignore the strategy', () => {
    expect(buildExplorerData({ ...base, strategy: { id: 'oracle', params: {} } }).frontier.optimum).toEqual(
      oracle.frontier.optimum,
    );
    const a1 = { ...base, qualityModel: 't2-1' as const, constantSet: defaultConstantSet('t2-1') };
    expect(buildExplorerData({ ...a1, strategy: { id: 'vote', params: { agreement: 0.3 } } }).frontier.optimum).toEqual(
      buildExplorerData(a1).frontier.optimum,
    );
  });
});
