import { describe, expect, it } from 'vitest';
import { CHINCHILLA_SETS } from './chinchilla-sets';
import { DomainError } from './errors';
import {
  defaultConstantSet,
  isConstantSetOf,
  pickDefaultSet,
  listConstantSets,
  resolveChinchillaSet,
  resolveConstantSet,
  resolveT2Approach1Set,
  resolveT2Approach2Set,
} from './registry';
import type { QualityModel } from './scenario';
import { T2_APPROACH1_SETS, T2_APPROACH2_SETS } from './t2-sets';

const MODELS: QualityModel[] = ['t2-1', 't2-2', 'chinchilla', 'lifetime'];

describe('registry', () => {
  it('lists Chinchilla sets for the Chinchilla and lifetime models, T² sets for T² models', () => {
    expect(listConstantSets('chinchilla').map((s) => s.id)).toEqual(CHINCHILLA_SETS.map((s) => s.id));
    expect(listConstantSets('lifetime').map((s) => s.id)).toEqual(CHINCHILLA_SETS.map((s) => s.id));
    expect(listConstantSets('t2-1').map((s) => s.id)).toEqual(T2_APPROACH1_SETS.map((s) => s.id));
    expect(listConstantSets('t2-2').map((s) => s.id)).toEqual(T2_APPROACH2_SETS.map((s) => s.id));
  });

  it('labels every set with its kind and source; T² sets are never "published"', () => {
    for (const model of MODELS) {
      for (const s of listConstantSets(model)) {
        expect(s.name.length).toBeGreaterThan(0);
        expect(s.source.length).toBeGreaterThan(0);
        if (model.startsWith('t2')) expect(s.kind).not.toBe('published');
      }
    }
  });

  it('has a default set that belongs to each model and resolves', () => {
    for (const model of MODELS) {
      const id = defaultConstantSet(model);
      expect(isConstantSetOf(model, id)).toBe(true);
      expect(resolveConstantSet(model, id).set.id).toBe(id);
    }
    expect(defaultConstantSet('chinchilla')).toBe('hoffmann');
  });

  it('resolves constants of each family and rejects unknown ids with the known ones named', () => {
    expect(resolveChinchillaSet('hoffmann-rounded').constants.E).toBe(1.69);
    expect(resolveT2Approach1Set(T2_APPROACH1_SETS[0]!.id).constants.G).toBeGreaterThan(0);
    expect(resolveT2Approach2Set(T2_APPROACH2_SETS[0]!.id).constants.theta2).toBeGreaterThan(0);
    expect(() => resolveChinchillaSet('nope')).toThrow(DomainError);
    expect(() => resolveT2Approach1Set('hoffmann')).toThrow(/known: /);
  });

  it('falls back to the default set when the id belongs to another model', () => {
    const r = resolveConstantSet('t2-1', 'hoffmann');
    expect(r.family).toBe('t2-1');
    expect(r.set.id).toBe(defaultConstantSet('t2-1'));
    expect(resolveConstantSet('lifetime', 'besiroglu').set.id).toBe('besiroglu');
  });

  it('opens the T² models on the first set fitted on public data, else the first illustrative set (data-driven)', () => {
    const sets = [
      { id: 'tb', kind: 'fitted-testbed' as const },
      { id: 'ill', kind: 'illustrative' as const },
      { id: 'pub-a', kind: 'fitted-public' as const },
      { id: 'pub-b', kind: 'fitted-public' as const },
    ];
    expect(pickDefaultSet('t2-1', sets)).toBe('pub-a');
    // A public set whose data span several k (sampling constants fitted, not transplanted) is preferred.
    const range = { params: [1, 2] as [number, number], tokens: [1, 2] as [number, number] };
    const pubK = {
      id: 'pub-k',
      kind: 'fitted-public' as const,
      range: { ...range, samples: [1, 128] as [number, number] },
    };
    expect(pickDefaultSet('t2-2', [...sets, pubK])).toBe('pub-k');
    expect(
      pickDefaultSet('t2-2', [...sets, { ...pubK, range: { ...range, samples: [1, 1] as [number, number] } }]),
    ).toBe('pub-a');
    expect(pickDefaultSet('t2-2', sets.slice(0, 2))).toBe('ill');
    expect(pickDefaultSet('t2-2', sets.slice(0, 1))).toBe('tb');
    expect(
      pickDefaultSet('chinchilla', [
        { id: 'x', kind: 'published' },
        { id: 'hoffmann', kind: 'published' },
      ]),
    ).toBe('hoffmann');
    expect(() => pickDefaultSet('t2-1', [])).toThrow(DomainError);
    // The shipped default follows the same rule: a public set when one ships.
    for (const [model, shipped] of [
      ['t2-1', T2_APPROACH1_SETS],
      ['t2-2', T2_APPROACH2_SETS],
    ] as const) {
      const pub = shipped.filter((s) => s.kind === 'fitted-public');
      const best = pub.find((s) => (s.range?.samples?.[1] ?? 1) > (s.range?.samples?.[0] ?? 1)) ?? pub[0];
      expect(defaultConstantSet(model)).toBe(best ? best.id : 't2-illustrative');
      if (best) expect(resolveConstantSet(model, defaultConstantSet(model)).set.kind).toBe('fitted-public');
    }
  });

  it('still resolves the illustrative sets by id (old links name them)', () => {
    expect(resolveConstantSet('t2-1', 't2-illustrative').set.kind).toBe('illustrative');
    expect(resolveConstantSet('t2-2', 't2-illustrative').set.kind).toBe('illustrative');
  });
});
