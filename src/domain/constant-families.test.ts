import { describe, expect, it } from 'vitest';
import { chinchillaOptimum } from './chinchilla';
import { CONSTANT_FAMILIES, DEFAULT_FIT_FAMILY, constantFamily, familyOfUrlCode } from './constant-families';
import { constantSets } from './constant-sets';
import type { ChinchillaConstants, T2Approach1Constants, T2Approach2Constants } from './constants-types';
import { t2Optimum } from './t2-optimum';

describe('constant-family registry', () => {
  it('every family implements every hook, and predicts a finite quality from its first shipped set', () => {
    for (const f of CONSTANT_FAMILIES.entries) {
      expect(typeof f.predict, f.id).toBe('function');
      expect(typeof f.hasSamples, f.id).toBe('boolean');
      expect(f.fields.includes('samples'), f.id).toBe(f.hasSamples);
      expect(f.fields, f.id).toContain(f.observed);
      expect(familyOfUrlCode(f.urlCode), f.id).toBe(f.id);
      expect(f.gateGroups.length, f.id).toBeGreaterThan(0);
      for (const g of f.gateGroups) expect(g.freeConstants, f.id).toBeGreaterThan(0);
      // The gate's groups together fix every constant of the family.
      expect(
        f.gateGroups.reduce((s, g) => s + g.freeConstants, 0),
        f.id,
      ).toBeGreaterThanOrEqual(f.keys.length);
      const set = constantSets(f.id).sets[0]!;
      const q = f.predict(set.constants as unknown as Record<string, number>, 1e9, 2e10, 4);
      expect(Number.isFinite(q), f.id).toBe(true);
      if (f.observed === 'passAtK') expect(q >= 0 && q <= 1, f.id).toBe(true);
      else expect(q, f.id).toBeGreaterThan(0);
    }
  });

  it('k changes the prediction only for families with samples', () => {
    for (const f of CONSTANT_FAMILIES.entries) {
      const c = constantSets(f.id).sets[0]!.constants as unknown as Record<string, number>;
      const one = f.predict(c, 1e9, 2e10, 1);
      const many = f.predict(c, 1e9, 2e10, 16);
      if (f.hasSamples) expect(many, f.id).not.toBe(one);
      else expect(many, f.id).toBe(one);
    }
  });

  it('every family declares its fit method, the one the fit job used to pick by family id', () => {
    expect(Object.fromEntries(CONSTANT_FAMILIES.entries.map((f) => [f.id, f.fitMethod]))).toEqual({
      chinchilla: 'chinchilla-approach3',
      't2-1': 't2-approach1',
      't2-2': 't2-two-stage',
    });
  });

  it("every family's optimum is the one the comparison table used to compute by family id", () => {
    const ct = 2.56e19,
      ci = 2e9;
    for (const f of CONSTANT_FAMILIES.entries) {
      const c = constantSets(f.id).sets[0]!.constants as unknown as Record<string, number>;
      const o = f.optimum(c, ct, ci);
      if (f.id === 'chinchilla') {
        const want = chinchillaOptimum(c as unknown as ChinchillaConstants, ct);
        expect(o).toEqual({ params: want.params, tokens: want.tokens });
      } else {
        const want =
          f.id === 't2-1'
            ? t2Optimum(1, c as unknown as T2Approach1Constants, ct, ci)
            : t2Optimum(2, c as unknown as T2Approach2Constants, ct, ci);
        expect(o).toEqual({ params: want.params, tokens: want.tokens, samples: want.samples });
      }
      // k is part of the optimum exactly when it enters the law.
      expect(o.samples !== undefined, f.id).toBe(f.hasSamples);
    }
  });

  it('only the Chinchilla family is on pretraining loss (the switch it replaced), the family whose fit observes loss', () => {
    for (const f of CONSTANT_FAMILIES.entries) {
      expect(f.pretrainingLoss, f.id).toBe(f.id === 'chinchilla');
      expect(f.pretrainingLoss, f.id).toBe(f.observed === 'loss');
    }
  });

  it("names each family's law as the too-few-rows message did (Chinchilla, else T²)", () => {
    for (const f of CONSTANT_FAMILIES.entries)
      expect(f.lawName, f.id).toBe(f.id === 'chinchilla' ? 'Chinchilla' : 'T²');
  });

  it('the "Your data" panel opens on the Chinchilla fit', () => {
    expect(DEFAULT_FIT_FAMILY).toBe('chinchilla');
  });

  it('an unknown family is refused with the known ids', () => {
    expect(() => constantFamily('nope' as never)).toThrow(/chinchilla, t2-1, t2-2/);
  });
});
