import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EPOCH_SPAN_TABLE,
  computeOptimalU,
  epochSpan,
  pruningMultiplier,
  scalingPolicyCurve,
  smoothlyBrokenPowerLaw,
  sqrtRuleInferenceFlops,
  uAtRate,
} from './epoch';
import { chinchillaLoss, chinchillaOptimumForLoss } from './chinchilla';
import { CHINCHILLA_SETS, getChinchillaSet } from './chinchilla-sets';
import { DomainError } from './errors';

const set = (id: string) => getChinchillaSet(id)!.constants;

/** The span measured on a sampled curve: walk until the finite-difference exchange rate first exceeds R. */
function measuredSpan(curve: ReturnType<typeof scalingPolicyCurve>, rate: number) {
  const lt = Array.from(curve.trainingFlops, Math.log10);
  const li = Array.from(curve.inferenceFlops, Math.log10);
  for (let i = 1; i < lt.length; i++) {
    const r = (lt[i]! - lt[i - 1]!) / (li[i - 1]! - li[i]!);
    if (r > rate) return { trainingSpanOOM: lt[i - 1]! - lt[0]!, inferenceSpanOOM: li[0]! - li[i - 1]! };
  }
  throw new Error('curve never reached the rate');
}

describe('Epoch scaling policy: public checks of laws.md §5', () => {
  it('rounded constants at 6:1: about +1.2 OOM training for −0.8 OOM inference', () => {
    const s = epochSpan(set('hoffmann-rounded'));
    expect(s.trainingSpanOOM).toBeCloseTo(1.2, 1);
    expect(s.inferenceSpanOOM).toBeCloseTo(0.8, 1);
  });
  it('reports the other sets too (unrounded ≈ +1.21/−0.80, Besiroglu ≈ +0.99/−0.68)', () => {
    const u = epochSpan(set('hoffmann'));
    expect(u.trainingSpanOOM).toBeCloseTo(1.2, 1);
    expect(u.inferenceSpanOOM).toBeCloseTo(0.8, 1);
    const b = epochSpan(set('besiroglu'));
    expect(b.trainingSpanOOM).toBeCloseTo(1.0, 1);
    expect(b.inferenceSpanOOM).toBeCloseTo(0.68, 2);
  });
  it('the closed-form span agrees with one measured on the sampled iso-loss curve', () => {
    const c = set('hoffmann-rounded');
    const measured = measuredSpan(scalingPolicyCurve(c, 2.3, 20001), 6);
    const exact = epochSpan(c, 6);
    expect(measured.trainingSpanOOM).toBeCloseTo(exact.trainingSpanOOM, 3);
    expect(measured.inferenceSpanOOM).toBeCloseTo(exact.inferenceSpanOOM, 3);
  });
  it('the curve starts at the compute-optimal model with rate 0, stays on the iso-loss curve, and its rate matches finite differences', () => {
    const c = set('hoffmann');
    const curve = scalingPolicyCurve(c, 2.0, 400, 50);
    const opt = chinchillaOptimumForLoss(c, 2.0);
    expect(curve.trainingFlops[0]! / opt.flops).toBeCloseTo(1, 10);
    expect(curve.inferenceFlops[0]! / (2 * opt.params)).toBeCloseTo(1, 10);
    expect(curve.marginalRate[0]).toBeCloseTo(0, 10);
    expect(curve.marginalRate[399]).toBeCloseTo(50, 8);
    for (let i = 1; i < 400; i++) {
      const n = curve.inferenceFlops[i]! / 2;
      const d = curve.trainingFlops[i]! / (6 * n);
      expect(chinchillaLoss(c, n, d)).toBeCloseTo(2.0, 10);
      const fd =
        Math.log(curve.trainingFlops[i]! / curve.trainingFlops[i - 1]!) /
        Math.log(curve.inferenceFlops[i - 1]! / curve.inferenceFlops[i]!);
      expect(fd).toBeGreaterThanOrEqual(curve.marginalRate[i - 1]! - 1e-9);
      expect(fd).toBeLessThanOrEqual(curve.marginalRate[i]! + 1e-9);
    }
  });
  it('the span is independent of the loss level and grows with the rate (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (r, dr) => {
          const c = set('hoffmann-rounded');
          const a = epochSpan(c, r);
          const b = epochSpan(c, r + dr);
          return (
            b.trainingSpanOOM > a.trainingSpanOOM && b.inferenceSpanOOM > a.inferenceSpanOOM && a.inferenceSpanOOM > 0
          );
        },
      ),
    );
    expect(epochSpan(set('sardana'), 0)).toEqual({ trainingSpanOOM: 0, inferenceSpanOOM: 0 });
    expect(uAtRate(set('sardana'), 0)).toBeCloseTo(computeOptimalU(set('sardana')), 15);
  });
  it('rejects bad input', () => {
    expect(() => epochSpan(set('hoffmann'), -1)).toThrow(DomainError);
    expect(() => scalingPolicyCurve(set('hoffmann'), 1.6, 10)).toThrow(/irreducible/);
    expect(() => scalingPolicyCurve(set('hoffmann'), 2, 1)).toThrow(DomainError);
  });
});

describe('pruning multiplier (laws.md §5)', () => {
  it('10 % density at 20 % per round → about 4.5×', () => {
    const p = pruningMultiplier(0.1, 0.2);
    expect(p.trainingMultiplier).toBeCloseTo(4.5, 10);
    expect(p.rounds).toBeCloseTo(Math.log(0.1) / Math.log(0.8), 12);
    expect(p.wholeRounds).toBe(11);
  });
  it('matches the report formula (1 − (1 − x)^n)/x at whole rounds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 0.9, noNaN: true }), (n, x) => {
        const density = (1 - x) ** n;
        if (density < 1e-300) return true;
        const p = pruningMultiplier(density, x);
        return (
          Math.abs(p.trainingMultiplier - Math.max(1, (1 - (1 - x) ** n) / x)) < 1e-9 && Math.abs(p.rounds - n) < 1e-6
        );
      }),
    );
  });
  it('rejects densities and rates outside their ranges', () => {
    expect(() => pruningMultiplier(0, 0.2)).toThrow(DomainError);
    expect(() => pruningMultiplier(0.5, 1)).toThrow(DomainError);
    expect(pruningMultiplier(1, 0.2)).toEqual({ trainingMultiplier: 1, rounds: 0, wholeRounds: 0 });
  });
});

describe('smoothly broken power law (Caballero et al. 2022)', () => {
  it('is a plain power law without breaks, and changes slope across a break', () => {
    expect(smoothlyBrokenPowerLaw(100, { a: 1, b: 2, c0: 0.5, breaks: [] })).toBeCloseTo(1 + 2 / 10, 14);
    const p = { a: 0, b: 1, c0: 0.2, breaks: [{ c: 0.6, d: 1e3, f: 0.3 }] };
    const slope = (x: number) =>
      (Math.log(smoothlyBrokenPowerLaw(x * 1.001, p)) - Math.log(smoothlyBrokenPowerLaw(x, p))) / Math.log(1.001);
    expect(slope(1)).toBeCloseTo(-0.2, 3);
    expect(slope(1e7)).toBeCloseTo(-0.8, 3);
    expect(Number.isFinite(smoothlyBrokenPowerLaw(1e300, p))).toBe(true);
  });
  it('rejects x ≤ 0', () => {
    expect(() => smoothlyBrokenPowerLaw(0, { a: 0, b: 1, c0: 1, breaks: [] })).toThrow(DomainError);
  });
});

describe('report data', () => {
  it('carries the span table with its source', () => {
    expect(EPOCH_SPAN_TABLE.source).toMatch(/Villalobos & Atkinson 2023/);
    expect(EPOCH_SPAN_TABLE.rate).toBe(6);
    const row = (id: string) => EPOCH_SPAN_TABLE.rows.find((r) => r.id === id)!;
    expect([row('scaling-policy').trainingSpanOOM, row('scaling-policy').inferenceSpanOOM]).toEqual([1.2, 0.7]);
    expect([row('repeated-sampling-cheap').trainingSpanOOM, row('repeated-sampling-cheap').inferenceSpanOOM]).toEqual([
      3, 6,
    ]);
    expect(row('chain-of-thought').trainingSpanOOM).toBeNull();
    expect(EPOCH_SPAN_TABLE.rows).toHaveLength(6);
  });
  it('√(training FLOPs) rule of thumb: GPT-3 3e23 → ~3e11 per inference (within a factor 2)', () => {
    expect(sqrtRuleInferenceFlops(3e23) / 3e11).toBeGreaterThan(0.5);
    expect(sqrtRuleInferenceFlops(3e23) / 3e11).toBeLessThan(2);
  });
});

describe('epochSpan at large rates (issue 11, item 4d: u_R → 1)', () => {
  /** Independent asymptotic form: ln u_R = −log1p(α/((1 + R)β)), ln(1 − u_R) = ln α − ln R − ln β − log1p((α + β)/(Rβ)). */
  function reference(c: { alpha: number; beta: number }, rate: number) {
    const { alpha: a, beta: b } = c;
    const logUStar = Math.log(b / (a + b));
    const log1mUStar = Math.log(a / (a + b));
    const logU = -Math.log1p(a / ((1 + rate) * b));
    const log1mU = Math.log(a) - Math.log(rate) - Math.log(b) - Math.log1p((a + b) / (rate * b));
    return {
      trainingSpanOOM: ((logUStar - logU) / a + (log1mUStar - log1mU) / b) / Math.LN10,
      inferenceSpanOOM: (logU - logUStar) / a / Math.LN10,
    };
  }

  it('matches the independent asymptotic form for any rate up to 1e300, and stays finite (property)', () => {
    for (const set of CHINCHILLA_SETS) {
      fc.assert(
        fc.property(fc.double({ min: 3, max: 300, noNaN: true }), (lr) => {
          const rate = 10 ** lr;
          const got = epochSpan(set.constants, rate);
          const ref = reference(set.constants, rate);
          expect(Number.isFinite(got.trainingSpanOOM) && Number.isFinite(got.inferenceSpanOOM)).toBe(true);
          expect(Math.abs(got.trainingSpanOOM - ref.trainingSpanOOM)).toBeLessThan(1e-11 * ref.trainingSpanOOM);
          expect(Math.abs(got.inferenceSpanOOM - ref.inferenceSpanOOM)).toBeLessThan(1e-11 * ref.inferenceSpanOOM);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('gives the exact spans at rates 1e16 and 1e17 (was 0.94 OOM off at 1e16; 1e17 overflowed)', () => {
    const c = getChinchillaSet('hoffmann')!.constants;
    for (const rate of [1e16, 1e17]) {
      const ref = reference(c, rate);
      expect(epochSpan(c, rate).trainingSpanOOM).toBeCloseTo(ref.trainingSpanOOM, 10);
    }
    // Growth: one decade of rate adds 1/β decades of training compute once u_R ≈ 1.
    expect(epochSpan(c, 1e17).trainingSpanOOM - epochSpan(c, 1e16).trainingSpanOOM).toBeCloseTo(1 / c.beta, 8);
  });
});
