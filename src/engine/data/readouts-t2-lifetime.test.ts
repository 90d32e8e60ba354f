import { defaultConstantSet } from '../../domain/registry';
/** The lifetime view's T² line (issue 11, item 11): computed in the engine from t2LifetimeOptimum, never NaN. */
import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../../domain/quantity';
import { resolveT2Approach1Set } from '../../domain/registry';
import type { QualityModel, Scenario } from '../../domain/scenario';
import { t2LifetimeOptimum } from '../../domain/t2-lifetime';
import { buildExplorerData } from '../explorer-data';
import { t2LifetimeLine } from './readouts';

const LIFETIME: Scenario = {
  qualityModel: 'lifetime',
  constantSet: 'hoffmann',
  params: 1e8,
  tokens: 1e21 / 6e8,
  samples: 10,
  trainFlops: 1e21,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};

describe('T² lifetime optimum readout (lifetime view)', () => {
  it('states the T² Approach 1 lifetime optimum for the design’s lifetime compute and tokens served', () => {
    const data = buildExplorerData(LIFETIME);
    const total = data.readouts.lifetime.design.trainFlops + data.readouts.lifetime.design.inferenceFlops;
    const set = resolveT2Approach1Set(defaultConstantSet('t2-1'));
    const o = t2LifetimeOptimum(1, set.constants, total, LIFETIME.tokensServed);
    const line = data.readouts.t2Lifetime!;
    expect(line).toContain('T² lifetime optimum (Approach 1');
    expect(line).toContain(`N = ${formatQuantity(o.params)}`);
    expect(line).toContain(`k = ${formatQuantity(o.samples)} samples`);
    expect(line).toContain(`task NLL ${o.value.toFixed(3)} nats`);
    expect(line).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('is absent outside the lifetime view and without tokens served', () => {
    for (const m of ['t2-1', 't2-2', 'chinchilla'] as QualityModel[]) {
      const s = { ...LIFETIME, qualityModel: m, constantSet: m.startsWith('t2') ? 't2-illustrative' : 'hoffmann' };
      expect(buildExplorerData(s).readouts.t2Lifetime).toBeNull();
    }
    expect(t2LifetimeLine(1e22, 0)).toBeNull();
  });

  it('says why when the lifetime budget cannot serve the tokens', () => {
    expect(t2LifetimeLine(10, 1e12)).toMatch(/: none \(lifetime budget 10 FLOPs cannot serve/);
  });
});

describe('T² lifetime readout under a test-time strategy (issue 15)', () => {
  it("adds the Approach 2 optimum under the strategy next to the oracle's, from strategyLifetimeOptimum", async () => {
    const { strategyLifetimeOptimum } = await import('../../domain/strategies/optimum');
    const { resolveT2Approach2Set } = await import('../../domain/registry');
    const vote = { id: 'vote' as const, params: { agreement: 0.3 } };
    const data = buildExplorerData({ ...LIFETIME, strategy: vote });
    const total = data.readouts.lifetime.design.trainFlops + data.readouts.lifetime.design.inferenceFlops;
    const set = resolveT2Approach2Set(defaultConstantSet('t2-2'));
    const o = strategyLifetimeOptimum(set.constants, vote, total, LIFETIME.tokensServed);
    const line = data.readouts.t2Lifetime!;
    expect(line).toContain('T² lifetime optimum (Approach 1');
    expect(line).toContain('Under Majority voting (vote_0.3; Approach 2');
    expect(line).toContain(`k = ${formatQuantity(o.samples)} samples, accuracy ${(100 * o.value).toFixed(1)} %`);
    expect(line).toContain('with the oracle verifier (pass@k)');
    expect(line).not.toMatch(/NaN|Infinity|undefined/);
    // the oracle adds nothing: the line is the Approach 1 sentence alone
    expect(buildExplorerData(LIFETIME).readouts.t2Lifetime).not.toContain('Under ');
  });
});
