/** The Epoch spans under a test-time strategy (issue 15): they cannot follow it, and the chart's data says why. */
import { describe, expect, it } from 'vitest';
import { defaultConstantSet } from '../../domain/registry';
import type { Scenario } from '../../domain/scenario';
import { buildExplorerData } from '../explorer-data';

const T2: Scenario = {
  qualityModel: 't2-2',
  constantSet: defaultConstantSet('t2-2'),
  params: 1e8,
  tokens: 2.56e19 / 6e8,
  samples: 10,
  trainFlops: 2.56e19,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};

describe('Epoch spans and the test-time strategy', () => {
  it('carry a note naming the strategy when it is not the oracle, and none under the oracle', () => {
    expect(buildExplorerData(T2).epoch.strategyNote).toBeNull();
    const note = buildExplorerData({ ...T2, strategy: { id: 'verifier', params: { recall: 0.9, falsePositive: 0.1 } } })
      .epoch.strategyNote;
    expect(note).toMatch(/do not follow the chosen test-time strategy \(Best-of-k/);
    expect(note).toContain('repeated sampling, expensive verification');
  });
  it('the spans themselves are the same under every strategy', () => {
    const a = buildExplorerData(T2).epoch;
    const b = buildExplorerData({ ...T2, strategy: { id: 'vote', params: { agreement: 0.3 } } }).epoch;
    expect(b.techniques.map((t) => t.span)).toEqual(a.techniques.map((t) => t.span));
  });
});
