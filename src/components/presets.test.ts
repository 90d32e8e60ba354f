import { describe, expect, it } from 'vitest';
import { registryCatalog } from '../store/url/catalog';
import { PRESETS, presetScenario } from './presets';

describe('presets', () => {
  it('every preset decodes without issues against the shipped constant sets', () => {
    for (const p of PRESETS) expect(() => presetScenario(p, registryCatalog), p.id).not.toThrow();
  });

  it('every preset design sits on its budgets (6ND = C_train, 2Nk = C_inf, laws.md §0)', () => {
    for (const p of PRESETS) {
      const s = presetScenario(p, registryCatalog);
      expect((6 * s.params * s.tokens) / s.trainFlops, p.id).toBeCloseTo(1, 9);
      expect((2 * s.params * s.samples) / s.inferenceFlops, p.id).toBeCloseTo(1, 9);
    }
  });

  it('ids are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});
