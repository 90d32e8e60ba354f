import { describe, expect, it } from 'vitest';
import { CHINCHILLA_SETS, getChinchillaSet } from './chinchilla-sets';

describe('published Chinchilla sets (laws.md §1)', () => {
  it('ships exactly the four ids, each cited', () => {
    expect(CHINCHILLA_SETS.map((s) => s.id)).toEqual(['hoffmann', 'hoffmann-rounded', 'besiroglu', 'sardana']);
    for (const s of CHINCHILLA_SETS) {
      expect(s.kind).toBe('published');
      expect(s.source).toMatch(/arXiv:\d{4}\.\d{5}/);
      for (const v of Object.values(s.constants)) expect(v).toBeGreaterThan(0);
    }
  });
  it('decodes the unrounded Hoffmann constants from their logs', () => {
    const c = getChinchillaSet('hoffmann')!.constants;
    expect(c.E).toBeCloseTo(Math.exp(0.5267228), 12);
    expect(c.E).toBeCloseTo(1.6934, 4);
    expect(c.A).toBeCloseTo(406.4, 0);
    expect(c.B).toBeCloseTo(410.7, 0);
    expect(c.alpha).toBe(0.33917084);
    expect(c.beta).toBe(0.2849083);
  });
  it('carries the table values of laws.md §1', () => {
    expect(getChinchillaSet('hoffmann-rounded')!.constants).toEqual({
      E: 1.69,
      A: 406.4,
      B: 410.7,
      alpha: 0.34,
      beta: 0.28,
    });
    expect(getChinchillaSet('sardana')!.constants).toEqual({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 });
    const b = getChinchillaSet('besiroglu')!;
    expect(b.constants).toEqual({ E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 });
    expect(b.standardErrors).toEqual({ E: 0.03, A: 124.58, B: 1293.23, alpha: 0.02, beta: 0.02 });
  });
  it('returns undefined for an unknown id', () => {
    expect(getChinchillaSet('chinchilla-2')).toBeUndefined();
  });
});
