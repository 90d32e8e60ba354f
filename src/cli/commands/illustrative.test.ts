/**
 * The illustrative T² sets (data/t2-illustrative.json) must show the paper's qualitative findings (Roberts et al.
 * 2026, laws.md §2), checked through the CLI as a user would: Fig. 2 — at 1e25 training FLOPs and C_inf = 1.4e11
 * both approaches put the optimal D/N well above 20 and at most about 1e5; Fig. 3 — at C_inf = 2e9 the T² optimum
 * has fewer parameters than Chinchilla's (on the set's stage-1 law) at every training budget; and the two approaches
 * tell one story at the default design (Approach 1's implied pass@k and Approach 2's accuracy agree in size).
 */
import { describe, expect, it } from 'vitest';
import { chinchillaOptimum } from '../../domain/chinchilla';
import { getT2Approach1Set, getT2Approach2Set } from '../../domain/t2-sets';
import { t2Loss } from '../../domain/t2-approach1';
import { t2Accuracy } from '../../domain/t2-approach2';
import { okJson } from '../test-helpers';

const optimum = (approach: 1 | 2, train: number, inference: number) =>
  okJson(
    `t2-optimum --approach ${approach} --constants t2-illustrative --train-flops ${train} --inference-flops ${inference}`,
  ) as Record<string, number>;

describe('illustrative T² sets', () => {
  it.each([1, 2] as const)(
    'Approach %i, Fig. 2: D/N at 1e25 FLOPs, C_inf 1.4e11 is well above 20 and at most ~1e5',
    (approach) => {
      const o = optimum(approach, 1e25, 1.4e11);
      expect(o.tokensPerParam).toBeGreaterThan(1000);
      expect(o.tokensPerParam).toBeLessThanOrEqual(1e5);
    },
  );

  it.each([1, 2] as const)(
    "Approach %i, Fig. 3: at C_inf 2e9 the T² optimum is smaller than Chinchilla's at every budget",
    (approach) => {
      const set = approach === 1 ? getT2Approach1Set('t2-illustrative')! : getT2Approach2Set('t2-illustrative')!;
      const c = set.constants as unknown as Record<string, number>;
      // Chinchilla's choice on the set's own k = 1 law: E + G for Approach 1 (laws.md §2), stage 1 for Approach 2.
      const stage1 = { E: c.E! + (approach === 1 ? c.G! : 0), A: c.A!, B: c.B!, alpha: c.alpha!, beta: c.beta! };
      for (let e = 16; e <= 25; e += 0.5) {
        const train = 10 ** e;
        expect(optimum(approach, train, 2e9).params, `C_train = 1e${e}`).toBeLessThan(
          chinchillaOptimum(stage1, train).params,
        );
      }
    },
  );

  it('both approaches tell one story at the default design (N 100M, D/N 427, k 10)', () => {
    const a1 = getT2Approach1Set('t2-illustrative')!.constants;
    const a2 = getT2Approach2Set('t2-illustrative')!.constants;
    expect(a2.E).toBeCloseTo(a1.E + a1.G, 12); // stage 1 = Approach 1 at k = 1
    for (const [a, b] of [
      ['A', 'A'],
      ['B', 'B'],
      ['alpha', 'alpha'],
      ['beta', 'beta'],
    ] as const)
      expect(a2[b]).toBe(a1[a]);
    const [n, d, k] = [1e8, 2.56e19 / 6e8, 10];
    const implied = Math.exp(-t2Loss(a1, n, d, k)); // geometric mean of pass@k over questions
    const accuracy = t2Accuracy(a2, n, d, k);
    expect(implied).toBeGreaterThan(0.2);
    expect(accuracy).toBeGreaterThan(0.2);
    expect(accuracy).toBeLessThan(0.9);
    expect(accuracy / implied).toBeGreaterThan(0.8); // arithmetic ≥ geometric mean, same order of size
    expect(accuracy / implied).toBeLessThan(2);
  });
});
