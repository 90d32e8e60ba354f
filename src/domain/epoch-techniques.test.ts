import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  calibrateTradeoff,
  calibratedTechnique,
  combineTechniques,
  pruningTechnique,
  sbplLogSlope,
  scalingPolicyTechnique,
} from './epoch-techniques';
import type { CalibratedTechniqueId, TechniqueCurve } from './epoch-techniques';
import { EPOCH_SPAN_TABLE, epochSpan, smoothlyBrokenPowerLaw } from './epoch';
import { getChinchillaSet } from './chinchilla-sets';
import { dominates } from './pareto';
import { DomainError } from './errors';

const rounded = getChinchillaSet('hoffmann-rounded')!.constants;
const ids: CalibratedTechniqueId[] = ['mcts', 'repeated-sampling-cheap', 'repeated-sampling-expensive'];

describe('scaling-policy curve relative to the compute-optimal model', () => {
  it('starts at (1, 1), trades training up for inference down, and spans epochSpan', () => {
    const t = scalingPolicyTechnique(rounded);
    expect(t.trainingFlops[0]).toBeCloseTo(1, 14);
    expect(t.inferenceFlops[0]).toBeCloseTo(1, 14);
    const last = t.trainingFlops.length - 1;
    expect(Math.log10(t.trainingFlops[last]!)).toBeCloseTo(epochSpan(rounded).trainingSpanOOM, 12);
    expect(-Math.log10(t.inferenceFlops[last]!)).toBeCloseTo(epochSpan(rounded).inferenceSpanOOM, 12);
    for (let j = 1; j <= last; j++) {
      expect(t.trainingFlops[j]!).toBeGreaterThan(t.trainingFlops[j - 1]!);
      expect(t.inferenceFlops[j]!).toBeLessThan(t.inferenceFlops[j - 1]!);
    }
    expect(t.calibrated).toBe(false);
  });
});

describe('pruning curve', () => {
  it('ends at 10 % density with the 4.5× multiplier at 20 % per round', () => {
    const t = pruningTechnique(0.2, 0.1);
    expect(t.trainingFlops.at(-1)).toBeCloseTo(4.5, 12);
    expect(t.inferenceFlops.at(-1)).toBeCloseTo(0.1, 12);
    expect(t.span.inferenceSpanOOM).toBeCloseTo(1, 12);
    expect(t.span.trainingSpanOOM).toBeCloseTo(Math.log10(4.5), 12);
    expect([t.trainingFlops[1], t.inferenceFlops[1]]).toEqual([1, 0.8]); // the report's multiplier makes round one free
    expect(() => pruningTechnique(0.2, 1)).toThrow(DomainError);
  });
});

/** Walk the calibrated law beyond its span and find where the finite-difference exchange first exceeds R:1. */
function measureSbplSpan(id: CalibratedTechniqueId) {
  const row = EPOCH_SPAN_TABLE.rows.find((r) => r.id === id)!;
  const p = calibrateTradeoff({ trainingSpanOOM: row.trainingSpanOOM!, inferenceSpanOOM: row.inferenceSpanOOM! }, 6);
  const y = (lx: number) => Math.log10(smoothlyBrokenPowerLaw(10 ** lx, p));
  const h = 1e-4;
  let prevRate = 0;
  let monotone = true; // the exchange only worsens, so "better than 6:1" is one interval
  for (let lx = 0; lx < 3 * row.inferenceSpanOOM!; lx += h) {
    const rate = h / (y(lx) - y(lx + h)); // OOM of inference per OOM of training saved
    monotone &&= rate >= prevRate - 1e-6;
    prevRate = rate;
    if (rate > 6) return { row, monotone, trainingSpanOOM: y(0) - y(lx), inferenceSpanOOM: lx };
  }
  throw new Error('never reached 6:1');
}

describe('calibrated smoothly broken power laws (MCTS, repeated sampling)', () => {
  it.each(ids)('%s: the span measured on the calibrated law at 6:1 reproduces the report table', (id) => {
    const m = measureSbplSpan(id);
    expect(m.monotone).toBe(true);
    expect(m.trainingSpanOOM).toBeCloseTo(m.row.trainingSpanOOM!, 3);
    expect(m.inferenceSpanOOM).toBeCloseTo(m.row.inferenceSpanOOM!, 3);
  });
  it.each(ids)('%s: labelled calibrated, starts at the reference and trades training down for inference up', (id) => {
    const t = calibratedTechnique(id);
    expect(t.calibrated).toBe(true);
    expect(t.note).toMatch(/calibrated by this app/);
    expect(t.note).toMatch(/Not the report's/);
    expect(t.trainingFlops[0]).toBeCloseTo(1, 14);
    expect(t.inferenceFlops[0]).toBe(1);
    for (let j = 1; j < t.trainingFlops.length; j++) expect(t.trainingFlops[j]!).toBeLessThan(t.trainingFlops[j - 1]!);
  });
  it('the local exponent at the end of the span is exactly 1/6', () => {
    const p = calibrateTradeoff({ trainingSpanOOM: 3, inferenceSpanOOM: 6 });
    expect(sbplLogSlope(1e6, p)).toBeCloseTo(1 / 6, 10);
  });
  it('calibrates any feasible span (property) and refuses impossible ones', () => {
    // Feasible region of the one-break family with f = 0.5: inference spans of 1–6 OOM at 1 to 3 OOM per OOM saved.
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 6, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (i, ratio) => {
          const span = { trainingSpanOOM: i / ratio, inferenceSpanOOM: i };
          const p = calibrateTradeoff(span);
          const saved = Math.log10(smoothlyBrokenPowerLaw(1, p) / smoothlyBrokenPowerLaw(10 ** i, p));
          return Math.abs(saved - span.trainingSpanOOM) < 1e-9 && Math.abs(sbplLogSlope(10 ** i, p) - 1 / 6) < 1e-9;
        },
      ),
      { numRuns: 60 },
    );
    expect(() => calibrateTradeoff({ trainingSpanOOM: 0.05, inferenceSpanOOM: 6 })).toThrow(DomainError);
    expect(() => calibrateTradeoff({ trainingSpanOOM: 0.6, inferenceSpanOOM: 0.3 })).toThrow(/no calibrated curve/);
  });
});

function mutuallyNonDominated(t: TechniqueCurve): boolean {
  const pts = Array.from(t.trainingFlops, (v, j) => [v, t.inferenceFlops[j]!]);
  return pts.every((p) => pts.every((q) => !dominates(q, p)));
}

describe('combining techniques', () => {
  const policy = scalingPolicyTechnique(rounded);
  const pruning = pruningTechnique();
  const cheap = calibratedTechnique('repeated-sampling-cheap');
  it('adds spans when the effects are independent (overlap 0)', () => {
    const both = combineTechniques(policy, cheap, 0);
    expect(both.span.trainingSpanOOM).toBeCloseTo(policy.span.trainingSpanOOM + cheap.span.trainingSpanOOM, 9);
    expect(both.span.inferenceSpanOOM).toBeCloseTo(policy.span.inferenceSpanOOM + cheap.span.inferenceSpanOOM, 9);
    expect(mutuallyNonDominated(both)).toBe(true);
  });
  it("drops dominated combinations (pruning's free first round makes the bare reference dominated)", () => {
    const both = combineTechniques(policy, pruning, 0);
    expect(mutuallyNonDominated(both)).toBe(true);
    expect(both.span.inferenceSpanOOM).toBeLessThan(policy.span.inferenceSpanOOM + pruning.span.inferenceSpanOOM);
    expect(both.span.inferenceSpanOOM).toBeCloseTo(policy.span.inferenceSpanOOM + 1 + Math.log10(0.8), 9);
  });
  it('is sub-additive with overlap, and shrinks as the overlap grows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 0.09, noNaN: true }),
        (o, more) => {
          const x = combineTechniques(policy, cheap, o);
          const y = combineTechniques(policy, cheap, o + more);
          const sumT = policy.span.trainingSpanOOM + cheap.span.trainingSpanOOM;
          const sumI = policy.span.inferenceSpanOOM + cheap.span.inferenceSpanOOM;
          return (
            x.span.trainingSpanOOM < sumT &&
            x.span.inferenceSpanOOM < sumI &&
            y.span.trainingSpanOOM < x.span.trainingSpanOOM &&
            y.span.inferenceSpanOOM < x.span.inferenceSpanOOM &&
            x.span.trainingSpanOOM >= Math.max(policy.span.trainingSpanOOM, cheap.span.trainingSpanOOM * (1 - o)) - 1e-9
          );
        },
      ),
      { numRuns: 20 },
    );
  });
  it('a combined curve is a Pareto front whose ends are the sums of the ends', () => {
    const both = combineTechniques(policy, cheap);
    expect(mutuallyNonDominated(both)).toBe(true);
    expect(Math.log10(both.inferenceFlops[0]!)).toBeCloseTo(-policy.span.inferenceSpanOOM, 9);
    expect(Math.log10(both.trainingFlops.at(-1)!)).toBeCloseTo(-0.5 * cheap.span.trainingSpanOOM, 9);
    expect(both.calibrated).toBe(true);
    expect(() => combineTechniques(policy, cheap, 1)).toThrow(DomainError);
  });
});
