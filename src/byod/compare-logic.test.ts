import { describe, expect, it } from 'vitest';
import { compareRows } from './compare-logic';

describe('comparison with the published sets', () => {
  it('lists Hoffmann, Besiroglu, Sardana and the fit with optima at the budget (laws.md §1 checks)', () => {
    const rows = compareRows(
      'chinchilla',
      { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
      5.76e23,
      2e9,
    );
    expect(rows.map((r) => r.id)).toEqual(['hoffmann', 'besiroglu', 'sardana', 'user']);
    // Hoffmann unrounded ≈ 40 B at the Gopher budget; Besiroglu ≈ 72 B (laws.md §1 public checks).
    expect(rows[0]!.optimum!.params / 1e9).toBeGreaterThan(35);
    expect(rows[0]!.optimum!.params / 1e9).toBeLessThan(45);
    expect(rows[3]!.optimum!.params / 1e9).toBeGreaterThan(65);
    expect(rows[3]!.optimum!.params / 1e9).toBeLessThan(80);
    expect(rows[3]!.optimum!.params * rows[3]!.optimum!.tokens * 6).toBeCloseTo(5.76e23, -19);
  });

  it('gives a T² fit its two-budget optimum and a note about units', () => {
    const c = { E: 1, A: 100, B: 300, alpha: 0.3, beta: 0.3, G: 0.5, gamma: 0.5 };
    const rows = compareRows('t2-1', c, 2.56e19, 2e9);
    const user = rows.at(-1)!;
    expect(user.optimum!.samples! * 2 * user.optimum!.params).toBeCloseTo(2e9, -3);
    expect(user.note).toMatch(/task NLL/);
  });
});
