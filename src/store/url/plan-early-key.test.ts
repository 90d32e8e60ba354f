import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, type ConstantSetCatalog } from './codec';
import { defaultScenario } from './schema';
import type { QualityModel } from '../../domain/scenario';
import { PLAN_EARLY_DEFAULT_INPUT } from '../../domain/plan-early-key';

const sets: Record<QualityModel, string[]> = {
  't2-1': ['a1'],
  't2-2': ['a2'],
  chinchilla: ['hoffmann'],
  lifetime: ['hoffmann'],
};
const catalog: ConstantSetCatalog = { ids: (m) => sets[m], defaultId: (m) => sets[m][0] as string };

describe('URL key pe: the Plan Early inputs (issue 15)', () => {
  it('old links (no pe) decode to the defaults, and the defaults are never written', () => {
    const old = decodeScenario('v=1&m=t2-2&ts=vote', catalog);
    expect(old.issues).toEqual([]);
    expect(old.scenario.planEarly).toBeUndefined();
    expect(encodeScenario(old.scenario, catalog)).toBe('v=1&m=t2-2&ts=vote_0.3');
    expect(encodeScenario(decodeScenario('pe=100_10_100_1_0_20', catalog).scenario, catalog)).toBe('');
  });
  it('round-trips a plan, after the strategy and before the lab runs', () => {
    const s = {
      ...defaultScenario(catalog.defaultId),
      planEarly: { ...PLAN_EARLY_DEFAULT_INPUT, domains: 5, inferenceTokens: 20 },
    };
    const q = encodeScenario(s, catalog);
    expect(q).toBe('v=1&pe=5_20_100_1_0_20');
    expect(decodeScenario(q, catalog).scenario.planEarly).toEqual(s.planEarly);
  });
  it('clamps with a notice, and refuses junk with one while the rest of the link loads', () => {
    const clamped = decodeScenario('pe=0_20_100_1_0_20&n=2e8', catalog);
    expect(clamped.scenario.planEarly?.domains).toBe(1);
    expect(clamped.scenario.params).toBe(2e8);
    expect(clamped.issues[0]).toMatchObject({ key: 'pe', kind: 'clamped' });
    expect(clamped.issues[0]!.message).toMatch(
      /^Plan Early inputs \(pe=0_20_100_1_0_20\): domains outside 1–1e5, set to 1/,
    );
    const junk = decodeScenario('pe=lots&n=2e8', catalog);
    expect(junk.scenario.planEarly).toBeUndefined();
    expect(junk.scenario.params).toBe(2e8);
    expect(junk.issues[0]!.message).toMatch(/Plan Early inputs \(pe=lots\): expected 6 numbers .*; using the defaults/);
  });
});
