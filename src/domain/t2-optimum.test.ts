import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinchillaOptimum } from './chinchilla';
import { DomainError } from './errors';
import { t2Loss } from './t2-approach1';
import { t2Accuracy } from './t2-approach2';
import { t2Optimum, t2OptimumGrid } from './t2-optimum';
import { getT2Approach1Set, getT2Approach2Set } from './t2-sets';

const c1 = getT2Approach1Set('t2-illustrative')!.constants;
const c2 = getT2Approach2Set('t2-illustrative')!.constants;
const ISO_FLOPS = Array.from({ length: 12 }, (_, i) => 1.25e16 * 2 ** i); // the paper's 12 levels, 1.25e16…2.56e19
const trainArb = fc.double({ min: 1e15, max: 1e26, noNaN: true });
const infArb = fc.double({ min: 1e4, max: 1e13, noNaN: true });

/** Quality at N with both budgets binding; "better" means lower loss (1) or higher accuracy (2). */
function qualityAt(approach: 1 | 2, n: number, ct: number, ci: number): number {
  return approach === 1 ? t2Loss(c1, n, ct / (6 * n), ci / (2 * n)) : t2Accuracy(c2, n, ct / (6 * n), ci / (2 * n));
}

describe('t2Optimum (two budgets, laws.md §2)', () => {
  it('spends both budgets: 6ND = C_train and 2Nk = C_inf, with k ≥ 1', () => {
    for (const approach of [1, 2] as const) {
      const o = approach === 1 ? t2Optimum(1, c1, 2.56e19, 2e9) : t2Optimum(2, c2, 2.56e19, 2e9);
      expect(6 * o.params * o.tokens).toBeCloseTo(2.56e19, -7);
      expect((2 * o.params * o.samples) / 2e9).toBeCloseTo(1, 12);
      expect(o.samples).toBeGreaterThanOrEqual(1);
      expect(o.tokensPerParam).toBeCloseTo(o.tokens / o.params, 9);
      expect(o.value).toBeCloseTo(qualityAt(approach, o.params, 2.56e19, 2e9), 10);
    }
  });

  for (const approach of [1, 2] as const) {
    it(`Approach ${approach}: no point of a dense log-N grid beats the reported optimum (property)`, () => {
      fc.assert(
        fc.property(trainArb, infArb, (ct, ci) => {
          const o = approach === 1 ? t2Optimum(1, c1, ct, ci) : t2Optimum(2, c2, ct, ci);
          const hi = Math.log(ci / 2);
          for (let i = 0; i <= 400; i++) {
            const q = qualityAt(approach, Math.exp((hi * i) / 400), ct, ci);
            if (approach === 1) expect(q).toBeGreaterThanOrEqual(o.value - 1e-9 * Math.abs(o.value));
            else expect(q).toBeLessThanOrEqual(o.value * (1 + 1e-9) + 1e-13); // accuracies below ~1e-13 are rounding noise
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('finds the optimum for random constants too, not only the illustrative set (property, both approaches)', () => {
    const stage1 = fc.record({
      E: fc.double({ min: 0, max: 10, noNaN: true }),
      A: fc.double({ min: 1, max: 1e4, noNaN: true }),
      B: fc.double({ min: 1, max: 1e4, noNaN: true }),
      alpha: fc.double({ min: 0.05, max: 1, noNaN: true }),
      beta: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    const extra1 = fc.record({
      G: fc.double({ min: 0.01, max: 50, noNaN: true }),
      gamma: fc.double({ min: 0.05, max: 2, noNaN: true }),
    });
    const extra2 = fc.record({
      theta0: fc.double({ min: 2, max: 20, noNaN: true }),
      theta1: fc.double({ min: 0.05, max: 3, noNaN: true }),
      theta2: fc.double({ min: 0.3, max: 1, noNaN: true }),
      theta3: fc.double({ min: -2, max: 3, noNaN: true }),
      theta4: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    });
    fc.assert(
      fc.property(stage1, extra1, extra2, trainArb, infArb, (s, e1, e2, ct, ci) => {
        const k1 = { ...s, ...e1 };
        const k2 = { ...s, ...e2 };
        const o1 = t2Optimum(1, k1, ct, ci);
        const o2 = t2Optimum(2, k2, ct, ci);
        const hi = Math.log(ci / 2);
        // 1e-8 relative: on a flat optimum the 1-D search stops within ~1e-9 of the best value (seed -1731594941:
        // accuracy 0.014244609381 found, a grid point 0.014244609395, 1.0e-9 relative above it).
        for (let i = 0; i <= 300; i++) {
          const n = Math.exp((hi * i) / 300);
          expect(t2Loss(k1, n, ct / (6 * n), ci / (2 * n))).toBeGreaterThanOrEqual(
            o1.value - 1e-8 * Math.abs(o1.value),
          );
          expect(t2Accuracy(k2, n, ct / (6 * n), ci / (2 * n))).toBeLessThanOrEqual(o2.value * (1 + 1e-8) + 1e-13);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('respects minSamples: k ≥ minSamples and N ≤ C_inf/(2·minSamples)', () => {
    fc.assert(
      fc.property(trainArb, infArb, fc.double({ min: 1, max: 64, noNaN: true }), (ct, ci, m) => {
        fc.pre(ci / (2 * m) > 2);
        for (const o of [t2Optimum(1, c1, ct, ci, { minSamples: m }), t2Optimum(2, c2, ct, ci, { minSamples: m })]) {
          expect(o.samples).toBeGreaterThanOrEqual(m * (1 - 1e-12));
          expect(o.params).toBeLessThanOrEqual((ci / (2 * m)) * (1 + 1e-12));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('at C_inf = 2e9 puts N below Chinchilla’s optimum at every isoFLOP level of the paper (qualitative, §2)', () => {
    const chin1 = { E: c1.E + c1.G, A: c1.A, B: c1.B, alpha: c1.alpha, beta: c1.beta };
    for (const ct of ISO_FLOPS) {
      expect(t2Optimum(1, c1, ct, 2e9).params).toBeLessThan(chinchillaOptimum(chin1, ct).params);
      expect(t2Optimum(2, c2, ct, 2e9).params).toBeLessThan(chinchillaOptimum(c2, ct).params);
    }
  });

  it('gives a monotonic frontier in C_train: N, D and quality all improve with the training budget (§2)', () => {
    for (const approach of [1, 2] as const) {
      let prev = approach === 1 ? t2Optimum(1, c1, ISO_FLOPS[0]!, 2e9) : t2Optimum(2, c2, ISO_FLOPS[0]!, 2e9);
      for (const ct of ISO_FLOPS.slice(1)) {
        const o = approach === 1 ? t2Optimum(1, c1, ct, 2e9) : t2Optimum(2, c2, ct, 2e9);
        expect(o.params).toBeGreaterThanOrEqual(prev.params);
        expect(o.tokens).toBeGreaterThan(prev.tokens);
        if (approach === 1) expect(o.value).toBeLessThan(prev.value);
        else expect(o.value).toBeGreaterThan(prev.value);
        prev = o;
      }
    }
  });

  it('at 1e25 training FLOPs and C_inf = 1.4e11 puts D/N orders of magnitude above 20 (§2)', () => {
    expect(t2Optimum(1, c1, 1e25, 1.4e11).tokensPerParam).toBeGreaterThan(20 * 100);
    expect(t2Optimum(2, c2, 1e25, 1.4e11).tokensPerParam).toBeGreaterThan(20 * 100);
  });

  it('with a vanishing sampling term tends to Chinchilla’s optimum (when k ≥ 1 does not bind)', () => {
    const o = t2Optimum(1, { ...c1, G: 1e-12 }, 1e21, 1e15);
    expect(o.params / chinchillaOptimum(c1, 1e21).params).toBeCloseTo(1, 6);
  });

  it('throws DomainError for impossible or invalid budgets', () => {
    expect(() => t2Optimum(1, c1, 1e20, 1)).toThrow(DomainError);
    expect(() => t2Optimum(2, c2, -1, 2e9)).toThrow(/training FLOPs/);
    expect(() => t2Optimum(1, c1, 1e20, 2e9, { minSamples: 0 })).toThrow(/minimum samples/);
    expect(() => t2Optimum(3 as 1, c1, 1e20, 2e9)).toThrow(/approach/);
  });
});

describe('t2OptimumGrid', () => {
  it('equals t2Optimum cell by cell (row = inference budget, column = training budget)', () => {
    const train = [1e17, 1e19, 1e21];
    const inf = [1e8, 2e9];
    for (const approach of [1, 2] as const) {
      const c = approach === 1 ? c1 : c2;
      const g = t2OptimumGrid(approach, c, train, inf);
      expect([g.width, g.height, g.params.length]).toEqual([3, 2, 6]);
      inf.forEach((ci, i) =>
        train.forEach((ct, j) => {
          const o = t2Optimum(approach, c, ct, ci);
          expect(g.params[i * 3 + j]! / o.params).toBeCloseTo(1, 6);
          expect(g.tokens[i * 3 + j]! / o.tokens).toBeCloseTo(1, 6);
          expect(g.samples[i * 3 + j]! / o.samples).toBeCloseTo(1, 6);
          expect(g.value[i * 3 + j]).toBeCloseTo(o.value, 12);
        }),
      );
    }
  });

  it('Approach 2 grid cells reach the same optimum as single searches over a wide 24×24 grid', () => {
    const train = Array.from({ length: 24 }, (_, j) => 10 ** (15 + (11 * j) / 23));
    const inf = Array.from({ length: 24 }, (_, i) => 10 ** (4 + (9 * i) / 23));
    const g = t2OptimumGrid(2, c2, train, inf);
    inf.forEach((ci, i) =>
      train.forEach((ct, j) => {
        const o = t2Optimum(2, c2, ct, ci);
        expect(Math.abs(g.value[i * 24 + j]! - o.value)).toBeLessThan(1e-10);
      }),
    );
  });
});
