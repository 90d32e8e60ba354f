import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, type ConstantSetCatalog } from './codec';
import { defaultScenario } from './schema';
import type { QualityModel } from '../../domain/scenario';

const sets: Record<QualityModel, string[]> = {
  't2-1': ['a1'],
  't2-2': ['a2'],
  chinchilla: ['hoffmann'],
  lifetime: ['hoffmann'],
};
const catalog: ConstantSetCatalog = { ids: (m) => sets[m], defaultId: (m) => sets[m][0] as string };

describe('URL key ts: the test-time strategy (issue 15)', () => {
  it('old links (no ts) decode to the oracle, and the oracle is never written', () => {
    const old = decodeScenario('v=1&m=t2-2&n=1e8', catalog);
    expect(old.issues).toEqual([]);
    expect(old.scenario.strategy).toBeUndefined();
    expect(encodeScenario(old.scenario, catalog)).toBe('v=1&m=t2-2');
    expect(encodeScenario(decodeScenario('m=t2-2&ts=oracle', catalog).scenario, catalog)).toBe('v=1&m=t2-2');
  });
  it('round-trips a strategy with its assumed parameters', () => {
    const s = {
      ...defaultScenario(catalog.defaultId),
      qualityModel: 't2-2' as const,
      constantSet: 'a2',
      strategy: { id: 'verifier' as const, params: { recall: 0.8, falsePositive: 0.05 } },
    };
    const q = encodeScenario(s, catalog);
    expect(q).toBe('v=1&m=t2-2&ts=bok_0.8_0.05');
    expect(decodeScenario(q, catalog).scenario.strategy).toEqual(s.strategy);
    expect(decodeScenario('ts=vote', catalog).scenario.strategy).toEqual({ id: 'vote', params: { agreement: 0.3 } });
  });
  it('clamps an out-of-range parameter with a notice and refuses junk with one', () => {
    const clamped = decodeScenario('ts=vote_5', catalog);
    expect(clamped.scenario.strategy).toEqual({ id: 'vote', params: { agreement: 1 } });
    expect(clamped.issues[0]).toMatchObject({ key: 'ts', kind: 'clamped' });
    const junk = decodeScenario('ts=magic_1', catalog);
    expect(junk.scenario.strategy).toBeUndefined();
    expect(junk.issues[0]!.message).toMatch(
      /Test-time strategy \(ts=magic_1\): unknown strategy .*using the oracle verifier/,
    );
  });
});
