import { describe, expect, it } from 'vitest';
import { CONSTANT_FAMILIES, constantFamily, familyOfUrlCode } from './constant-families';
import { constantSets } from './constant-sets';
import { defineRegistry } from './define-registry';
import { DomainError } from './errors';
import {
  MODEL_ROLES,
  QUALITY_MODEL_IDS,
  QUALITY_MODEL_REGISTRY,
  isLifetimeAccounting,
  qualityModel,
} from './quality-models';
import { defaultConstantSet, listConstantSets, resolveConstantSet } from './registry';

describe('defineRegistry', () => {
  it('looks entries up by id and names the known ids when one is missing', () => {
    const r = defineRegistry('thing', [{ id: 'a' }, { id: 'b' }]);
    expect(r.ids).toEqual(['a', 'b']);
    expect(r.has('a')).toBe(true);
    expect(r.has('c')).toBe(false);
    expect(r.find('c')).toBeUndefined();
    expect(() => r.get('c')).toThrow(/unknown thing "c" \(known: a, b\)/);
  });
  it('refuses two entries with one id', () => {
    expect(() => defineRegistry('thing', [{ id: 'a' }, { id: 'a' }])).toThrow(DomainError);
  });
});

describe('the quality-model registry', () => {
  it('declares every model id once, in the select order', () => {
    expect(QUALITY_MODEL_REGISTRY.ids).toEqual(QUALITY_MODEL_IDS);
  });

  it.each(QUALITY_MODEL_IDS)('%s: names, unit, family and notes are all given', (id) => {
    const m = qualityModel(id);
    expect(m.name.length).toBeGreaterThan(3);
    expect(m.shortName.length).toBeGreaterThan(3);
    expect(m.quality.label.length).toBeGreaterThan(0);
    expect(m.quality.unit === 'nats' || (m.quality.unit === '' && m.quality.higherIsBetter)).toBe(true);
    expect(CONSTANT_FAMILIES.has(m.constantFamily)).toBe(true);
    expect(m.notes.frontier.length).toBeGreaterThan(20);
    for (const note of Object.values(m.notes)) expect(note.length).toBeGreaterThan(5);
    // A model with a k term implies a pass@k; one without has none.
    expect(m.passAtK !== null).toBe(m.usesSamples);
    if (m.paperSetting) expect(m.passAtK).not.toBeNull();
  });

  it.each(QUALITY_MODEL_IDS)(
    '%s: its law over every set of its family gives finite quality and a budget-tight optimum',
    (id) => {
      const m = qualityModel(id);
      const sets = listConstantSets(id);
      expect(sets.length).toBeGreaterThan(0);
      expect(sets.map((s) => s.id)).toContain(defaultConstantSet(id));
      for (const s of sets) {
        const resolved = resolveConstantSet(id, s.id);
        expect(resolved.family).toBe(m.constantFamily);
        const law = m.law(resolved);
        expect(Number.isFinite(law.quality(1e9, 2e10, 4))).toBe(true);
        const o = law.optimumAt(1e21, 1e12);
        expect(6 * o.params * o.tokens).toBeCloseTo(1e21, -15);
        expect(o.samples).toBeGreaterThanOrEqual(1 - 1e-9);
        if (m.passAtK) {
          const p = m.passAtK(law.quality(1e9, 2e10, 4));
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }
    },
  );

  it('declares the flags that replaced switches on the model id, with the values those switches had', () => {
    const table = Object.fromEntries(
      QUALITY_MODEL_IDS.map((id) => {
        const m = qualityModel(id);
        return [
          id,
          { usesSamples: m.usesSamples, strategyApplies: m.strategyApplies, lifetime: isLifetimeAccounting(id) },
        ];
      }),
    );
    expect(table).toEqual({
      't2-1': { usesSamples: true, strategyApplies: false, lifetime: false },
      't2-2': { usesSamples: true, strategyApplies: true, lifetime: false },
      chinchilla: { usesSamples: false, strategyApplies: false, lifetime: false },
      lifetime: { usesSamples: false, strategyApplies: false, lifetime: true },
    });
    // A test-time strategy replaces a per-question pass@k: only an accuracy model with a k term takes one.
    for (const id of QUALITY_MODEL_IDS) {
      const m = qualityModel(id);
      if (m.strategyApplies) expect(m.usesSamples && m.quality.higherIsBetter, id).toBe(true);
    }
  });

  it('a law refuses a set of another family', () => {
    const chin = resolveConstantSet('chinchilla', defaultConstantSet('chinchilla'));
    expect(() => qualityModel('t2-2').law(chin)).toThrow(DomainError);
  });

  it('an unknown model is a DomainError naming the known ones', () => {
    expect(() => qualityModel('t3' as never)).toThrow(
      /unknown quality model "t3" \(known: t2-1, t2-2, chinchilla, lifetime\)/,
    );
  });
});

describe('the constant-family registry', () => {
  it.each(CONSTANT_FAMILIES.ids)('%s: every shipped set carries exactly the family keys, finite', (id) => {
    const f = constantFamily(id);
    const shipped = constantSets(id);
    expect(familyOfUrlCode(f.urlCode)).toBe(id);
    expect(shipped.sets.length).toBeGreaterThan(0);
    expect(f.fields).toContain(f.observed);
    for (const s of shipped.sets) {
      expect(shipped.find(s.id)).toBe(s);
      const c = s.constants as unknown as Record<string, number>;
      for (const k of f.keys) expect(Number.isFinite(c[k])).toBe(true);
    }
  });

  it('holds the public-data, testbed and illustrative T² sets and the published Chinchilla sets', () => {
    const kinds = (id: 'chinchilla' | 't2-1' | 't2-2') => new Set(constantSets(id).sets.map((s) => s.kind));
    expect(kinds('chinchilla').has('published')).toBe(true);
    for (const id of ['t2-1', 't2-2'] as const) {
      expect(kinds(id).has('illustrative')).toBe(true);
      expect(kinds(id).has('fitted-testbed')).toBe(true);
      expect(kinds(id).has('fitted-public')).toBe(true);
    }
  });

  it('serves every family by at least one quality model', () => {
    for (const f of CONSTANT_FAMILIES.ids)
      expect(QUALITY_MODEL_REGISTRY.entries.some((m) => m.constantFamily === f)).toBe(true);
  });
});

describe('MODEL_ROLES: the models other files use by role, never by name', () => {
  it('names registered models fit for their part', () => {
    for (const m of Object.values(MODEL_ROLES)) expect(QUALITY_MODEL_REGISTRY.ids).toContain(m);
    // the lab predicts a measured pass@k at the run's own k
    expect(qualityModel(MODEL_ROLES.lab).measured.field).toBe('passAtK');
    expect(qualityModel(MODEL_ROLES.lab).usesSamples).toBe(true);
    // a test-time strategy acts on the strategy readout's model
    expect(qualityModel(MODEL_ROLES.strategyReadout).strategyApplies).toBe(true);
    expect(qualityModel(MODEL_ROLES.lifetimeReadout).usesSamples).toBe(true);
  });
});
