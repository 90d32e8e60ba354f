import { describe, expect, it } from 'vitest';
import { budgetMisses, budgetOvershoots } from './budget-use';

describe('budget use (laws.md §0)', () => {
  it('a design exactly on both budgets misses neither', () => {
    expect(
      budgetMisses({ params: 1e9, tokens: 2e10, samples: 4 }, { trainFlops: 1.2e20, inferenceFlops: 8e9 }),
    ).toEqual([]);
  });
  it('reports 6ND and 2Nk against the budgets, over and under', () => {
    const m = budgetMisses({ params: 7e9, tokens: 1e9, samples: 1 }, { trainFlops: 2.56e19, inferenceFlops: 2e9 });
    expect(m).toHaveLength(2);
    expect(m[0]).toMatchObject({ budget: 'training', needed: 4.2e19 });
    expect(m[0]!.ratio).toBeCloseTo(4.2e19 / 2.56e19, 12);
    expect(m[1]).toMatchObject({ budget: 'inference', needed: 1.4e10, ratio: 7 });
    expect(
      budgetOvershoots({ params: 1e8, tokens: 1e9, samples: 1 }, { trainFlops: 2.56e19, inferenceFlops: 2e9 }),
    ).toEqual([]);
  });
});
