import { describe, expect, it } from 'vitest';
import { CHINCHILLA_SETS } from '../../domain/chinchilla-sets';
import { parseT2Sets, T2_APPROACH1_SETS, T2_APPROACH2_SETS } from '../../domain/t2-sets';
import publicSets from '../../domain/data/t2-public.json';
import { resolveChinchillaConstants, resolveT2Constants } from '../constants-arg';
import { badLine, okJson } from '../test-helpers';
import { fakeIo } from '../test-io';
import { describeSets, type SetRow } from './sets';

/** A set as tools/public-fits writes them (a test fixture, not shipped). */
const FIXTURE = parseT2Sets([
  {
    approach: 2,
    id: 't2-public-fixture',
    name: 'T² Approach 2 fitted on a fixture',
    kind: 'fitted-public',
    source: 'test fixture',
    note: 'R² = 0.9',
    range: {
      params: [1e7, 7e9],
      tokens: [1e9, 3e11],
      tokensPerParam: [5, 640],
      trainFlops: [1e17, 1e22],
      samples: [1, 1],
    },
    constants: {
      E: 1.8,
      A: 400,
      B: 2000,
      alpha: 0.3,
      beta: 0.3,
      theta0: 3,
      theta1: 2,
      theta2: 0.9,
      theta3: 0,
      theta4: 0,
    },
  },
]).approach2;

describe('sets', () => {
  it('lists every shipped constant set once, with law, approach, kind, source, data and complete ranges', () => {
    const { sets } = okJson('sets') as { sets: SetRow[] };
    const expected = [
      ...CHINCHILLA_SETS.map((s) => `chinchilla:${s.id}`),
      ...T2_APPROACH1_SETS.map((s) => `t2-1:${s.id}`),
      ...T2_APPROACH2_SETS.map((s) => `t2-2:${s.id}`),
    ];
    expect(sets.map((s) => (s.law === 'chinchilla' ? `chinchilla:${s.id}` : `t2-${s.approach}:${s.id}`))).toEqual(
      expected,
    );
    for (const s of sets) {
      expect(s.source.length).toBeGreaterThan(0);
      expect(s.data.length).toBeGreaterThan(0);
      expect(['published', 'fitted on public data', 'fitted on the testbed', 'illustrative']).toContain(s.kindText);
      expect(s.commands.length).toBeGreaterThan(0);
      if (s.range) {
        for (const key of ['params', 'tokens', 'tokensPerParam', 'trainFlops'] as const) {
          expect(s.range[key][0]).toBeGreaterThan(0);
          expect(s.range[key][1]).toBeGreaterThanOrEqual(s.range[key][0]);
        }
      }
    }
    const ill = sets.find((s) => s.law === 't2' && s.approach === 2 && s.id === 't2-illustrative')!;
    expect(ill.kindText).toBe('illustrative');
    expect(ill.range!.derived).toEqual(['tokensPerParam', 'trainFlops']);
    expect(ill.range!.tokensPerParam).toEqual([1e8 / 9.01e8, 5e11 / 5e6]);
  });

  it('describes a public set: recorded ranges kept (not derived), Chinchilla commands take its stage 1', () => {
    const [row] = describeSets([], [], FIXTURE);
    expect(row!.kindText).toBe('fitted on public data');
    expect(row!.data).toBe('T² Approach 2 fitted on a fixture');
    expect(row!.range).toEqual({
      params: [1e7, 7e9],
      tokens: [1e9, 3e11],
      tokensPerParam: [5, 640],
      trainFlops: [1e17, 1e22],
      samples: [1, 1],
      derived: [],
    });
    expect(row!.commands).toEqual([
      't2-optimum --approach 2',
      'loss',
      'chinchilla-optimum',
      'lifetime-optimum',
      'epoch-span',
    ]);
  });

  it('every shipped public set is one of the sets t2-optimum accepts', () => {
    const ids = publicSets as { id: string; approach: number }[];
    for (const s of ids) {
      const resolved = resolveT2Constants(s.approach as 1 | 2, s.id, fakeIo());
      expect(resolved.id).toBe(s.id);
      okJson(`t2-optimum --approach ${s.approach} --constants ${s.id} --train-flops 2.56e19 --inference-flops 2e9`);
    }
    for (const s of describeSets().filter((r) => r.kind === 'fitted-public' && r.approach === 2)) {
      okJson(`loss --constants ${s.id} --params 1B --tokens 20B`);
    }
  });

  it('Chinchilla commands take the stage 1 of a public Approach 2 set, and still refuse other T² sets', () => {
    expect(resolveChinchillaConstants('t2-public-fixture', fakeIo(), FIXTURE)).toEqual({
      id: 't2-public-fixture',
      constants: { E: 1.8, A: 400, B: 2000, alpha: 0.3, beta: 0.3 },
    });
    expect(badLine('loss --constants t2-illustrative --params 1B --tokens 1B')).toMatch(/is a T² constant set/);
  });
});
