import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../domain/scenario';
import { contourThresholds } from './frontier';
import { decadeWindow, logspace } from './grid';
import { buildIsoflop } from './isoflop';
import { makeLaw } from './law';
import { Memo } from './memo';
import { designPoint } from './points';
import { largestFactor, lifetimeSplit, rangeWarnings } from './readouts';

const S: Scenario = {
  qualityModel: 'lifetime',
  constantSet: 'hoffmann-rounded',
  params: 7e10,
  tokens: 1e12,
  samples: 1,
  trainFlops: 4.2e23,
  inferenceFlops: 1.4e11,
  tokensServed: 2e12,
  targetQuality: 0,
};

describe('grid helpers', () => {
  it('logspace spans both ends evenly in log10', () => {
    const g = logspace(2, 4, 3);
    expect(Array.from(g)).toEqual([100, 1000, 10000]);
  });
  it('decadeWindow pads, snaps to decades, widens to the minimum span and clips', () => {
    expect(decadeWindow([3e20, 2e21], 1, 2, 0, 40)).toEqual([19, 23]);
    expect(decadeWindow([1e21], 0, 6, 0, 40)).toEqual([18, 24]);
    expect(decadeWindow([5], 1, 6, 1, 40)).toEqual([1, 7]);
    expect(decadeWindow([1e31], 1, 6, 0, 32)).toEqual([26, 32]);
    // Moving inside a decade keeps the window (the memo key).
    expect(decadeWindow([1.1e21], 1, 6, 0, 40)).toEqual(decadeWindow([9.9e21], 1, 6, 0, 40));
  });
});

describe('Memo', () => {
  it('computes once per key and evicts the least recently used', () => {
    const m = new Memo<number>(2);
    let calls = 0;
    const f = () => ++calls;
    m.get('a', f);
    m.get('b', f);
    m.get('a', f);
    m.get('c', f);
    expect(calls).toBe(3);
    expect(m.get('a', f)).toBe(1); // kept: recently used
    m.get('b', f);
    expect(calls).toBe(4); // b was evicted
  });
});

describe('contourThresholds', () => {
  it('gives round levels inside the range, worst first', () => {
    const loss = Array.from(contourThresholds(Float64Array.from([2, 3.1]), -1));
    expect(loss[0]).toBe(3);
    expect(loss.length).toBeGreaterThanOrEqual(4);
    expect(loss.length).toBeLessThanOrEqual(14);
    for (let i = 1; i < loss.length; i++) expect(loss[i]).toBeLessThan(loss[i - 1]!);
    for (const t of loss) expect(Math.abs(t * 10 - Math.round(t * 10))).toBeLessThan(1e-9);
    expect(Array.from(contourThresholds(Float64Array.from([0.1, 0.9]), 1))[0]).toBe(0.2);
    expect(contourThresholds(Float64Array.from([1, 1]), 1)).toHaveLength(0);
  });
});

describe('readout helpers', () => {
  const law = makeLaw('t2-1', 't2-illustrative');
  it('largestFactor finds where a worsening quality crosses the target', () => {
    // Loss 1 + ln s crosses 2 at s = e.
    expect(largestFactor(law, 2, (s) => 1 + Math.log(s), 1e6)).toBeCloseTo(Math.E, 6);
    expect(largestFactor(law, 0.5, (s) => 1 + Math.log(s), 1e6)).toBe(1);
    expect(largestFactor(law, 100, (s) => 1 + Math.log(s), 1e6)).toBe(1e6);
  });
  it('lifetimeSplit shares add to one', () => {
    const p = designPoint({ params: 7e10, tokens: 1.4e12, samples: 1, quality: 2 });
    const s = lifetimeSplit(p, 2e12);
    expect(s.trainFlops).toBeCloseTo(5.88e23, -10);
    expect(s.inferenceFlops).toBeCloseTo(2.8e23, -10);
    expect(s.trainShare + s.inferenceShare).toBeCloseTo(1, 12);
  });
  it('rangeWarnings name the quantity, the set and the range', () => {
    const w = rangeWarnings(
      { id: 'x', name: 'Set X', kind: 'published', source: 's', range: { params: [1e6, 1e9], tokens: [1, 1e20] } },
      S,
    );
    expect(w).toEqual([
      'N = 70B lies outside the range Set X was fitted on (1M–1B parameters), 70× above it: the law extrapolates.',
    ]);
    // D/N and C are checked when the set records them.
    const r = rangeWarnings(
      {
        id: 'x',
        name: 'Set X',
        kind: 'fitted-public',
        source: 's',
        range: { params: [1e6, 1e11], tokens: [1, 1e20], tokensPerParam: [5, 10] },
      },
      S,
    );
    expect(r).toEqual([
      'D/N = 14.3 lies outside the range Set X was fitted on (5–10 tokens per parameter), 1.43× above it: the law extrapolates.',
    ]);
  });
});

describe('lifetime isoFLOP slice', () => {
  it("holds the design's lifetime compute and puts the design on the slice", () => {
    const law = makeLaw('lifetime', 'hoffmann-rounded');
    const design = designPoint({
      params: S.params,
      tokens: S.tokens,
      samples: 1,
      quality: law.quality(S.params, S.tokens, 1),
    });
    const slice = buildIsoflop(law, S, design);
    const total = 6 * S.params * S.tokens + 2 * S.params * S.tokensServed;
    slice.params.forEach((n, i) =>
      expect((6 * n * slice.tokens[i]! + 2 * n * S.tokensServed) / total).toBeCloseTo(1, 9),
    );
    expect(slice.optimum.quality).toBeLessThanOrEqual(design.quality);
    for (const q of slice.quality) expect(q).toBeGreaterThanOrEqual(slice.optimum.quality - 1e-12);
    expect(slice.constraint).toMatch(/^lifetime compute/);
  });
});

describe('contourThresholds on a skewed map', () => {
  it('follows the values when evenly spaced levels would leave most of the map in one band', () => {
    // A loss that falls steeply at small budgets and is flat (3.5–4.5) over 90 % of the cells.
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i < 900 ? 3.5 + i / 900 : 4.5 + (i - 900) * 0.4));
    const levels = Array.from(contourThresholds(values, -1));
    const inFlat = levels.filter((t) => t > 3.5 && t < 4.5).length;
    expect(inFlat).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeLessThan(levels[i - 1]!);
    // still round numbers: multiples of the ladder's step (0.02 here)
    for (const t of levels) expect(Math.abs(t * 50 - Math.round(t * 50))).toBeLessThan(1e-6);
  });

  it('never leaves more of the cells in one band than evenly spaced levels do (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 20, maxLength: 400 }),
        fc.constantFrom(1 as const, -1 as const),
        (raw, sign) => {
          const values = Float64Array.from(raw);
          const levels = Array.from(contourThresholds(values, sign));
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          for (const t of levels) expect(t > lo && t < hi).toBe(true);
          for (let i = 1; i < levels.length; i++) expect(sign * (levels[i]! - levels[i - 1]!)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
