import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPU_IDS } from '../domain/cost/hardware';
import type { UserConstantSet } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { FOREIGN_KEYS, QUALITY_MODELS, defaultScenario, rangeOf, VIEW_KEYS } from '../store/url/schema';
import { CMP_KEY, decodeCmp, encodeCmp, MAX_CMP_CHARS } from './cmp-key';
import { catalog, logIn, sets } from '../store/url/scenario-arb.fixtures';

const defaults = defaultScenario(catalog.defaultId);

const scenarioArb = fc
  .record({
    qualityModel: fc.constantFrom(...QUALITY_MODELS),
    setIndex: fc.nat(),
    params: logIn('params'),
    tokens: logIn('tokens'),
    samples: logIn('samples'),
    trainFlops: logIn('trainFlops'),
    inferenceFlops: logIn('inferenceFlops'),
    tokensServed: logIn('tokensServed'),
    targetQuality: fc.double({ min: 0, max: 100, noNaN: true }),
    trainGpu: fc.constantFrom(...GPU_IDS),
    costUnits: fc.constantFrom('flops' as const, 'usd' as const),
    voting: fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: undefined }),
  })
  .map(({ setIndex, voting, ...rest }): Scenario => {
    const ids = sets[rest.qualityModel];
    const s: Scenario = { ...rest, constantSet: ids[setIndex % ids.length] as string };
    if (voting !== undefined && rest.qualityModel === 't2-2')
      s.strategy = { id: 'vote', params: { agreement: voting } };
    return s;
  });

describe('the cmp key (scenario A of a comparison)', () => {
  it('is a declared view key the scenario codec skips and the sync keeps', () => {
    expect(VIEW_KEYS.map((k) => k.key)).toContain(CMP_KEY);
    expect(FOREIGN_KEYS).toContain(CMP_KEY);
  });

  it('round-trips every valid scenario exactly, with no issues', () => {
    fc.assert(
      fc.property(scenarioArb, (a) => {
        const raw = encodeCmp(a, catalog);
        // Only characters a query value keeps as they are (URLSearchParams writes them unescaped).
        expect(new URLSearchParams([[CMP_KEY, raw]]).toString()).toBe(`${CMP_KEY}=${raw}`);
        const { scenario, issues } = decodeCmp(raw, catalog);
        expect(issues).toEqual([]);
        expect(scenario).toEqual({ ...defaults, ...a });
      }),
      { numRuns: 200 },
    );
  });

  it('writes the default scenario as the version alone and a design as key_value pairs', () => {
    expect(encodeCmp(defaults, catalog)).toBe('v_1');
    expect(encodeCmp({ ...defaults, params: 7e9, samples: 32 }, catalog)).toBe('v_1*n_7e9*k_32');
    expect(decodeCmp('v_1', catalog)).toEqual({ scenario: defaults, issues: [] });
  });

  it('leaves out what A does not carry: lab runs, Plan Early inputs, the fitted set', () => {
    const a: Scenario = {
      ...defaults,
      measured: [{ params: 1e5, tokens: 1e7, samples: 4, passAtK: 0.5, nll: null }],
      planEarly: { domains: 3, inferenceTokens: 1e9, large: { params: 7.7e8 }, small: { params: 1.26e8 } } as never,
    };
    expect(encodeCmp(a, catalog)).toBe('v_1');
  });

  it('clamps and names a bad value inside A, keeping the rest of A', () => {
    const { scenario, issues } = decodeCmp('v_1*n_1e99*k_abc*d_2e12', catalog);
    expect(scenario?.params).toBe(rangeOf('params').max);
    expect(scenario?.samples).toBe(defaults.samples);
    expect(scenario?.tokens).toBe(2e12);
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => i.startsWith('cmp (scenario A):'))).toBe(true);
  });

  it('refuses a value that is not key_value pairs, or too long, pinning nothing, and says why', () => {
    for (const raw of ['garbage', 'v_1*=3', '_x', 'x'.repeat(MAX_CMP_CHARS + 1)]) {
      const { scenario, issues } = decodeCmp(raw, catalog);
      expect(scenario).toBeNull();
      expect(issues).toHaveLength(1);
      expect(issues[0]!.length).toBeLessThan(140);
    }
  });

  it("names the keys A never carries and the keys that are not the scenario's", () => {
    const { scenario, issues } = decodeCmp('v_1*lab_x*preset_chinchilla*cmp_v_1*n_7e9', catalog);
    expect(scenario?.params).toBe(7e9);
    expect(issues).toEqual([
      'cmp: A does not carry "lab"; ignored',
      'cmp: "preset" is not a scenario key; ignored',
      'cmp: "cmp" is not a scenario key; ignored',
    ]);
  });

  it("uses the link's fitted set when A names it, and the default set (named) when there is none", () => {
    const user = {
      family: 't2-2',
      set: { id: 'user-fit', name: 'Your fit', kind: 'user', source: 'your runs', constants: {} },
    } as unknown as UserConstantSet;
    const withUser = decodeCmp('v_1*m_t2-2*c_user-fit', catalog, user);
    expect(withUser.issues).toEqual([]);
    expect(withUser.scenario?.constantSet).toBe('user-fit');
    expect(withUser.scenario?.userSet).toBe(user);
    const without = decodeCmp('v_1*m_t2-2*c_user-fit', catalog);
    expect(without.scenario?.constantSet).toBe('t2a2-illustrative');
    expect(without.issues).toHaveLength(1);
  });

  it('never throws and never yields a non-finite number, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const { scenario } = decodeCmp(raw, catalog);
        if (scenario)
          for (const v of Object.values(scenario)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
