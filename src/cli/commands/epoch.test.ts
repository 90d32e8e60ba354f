import { describe, expect, it } from 'vitest';
import { badLine, okJson } from '../test-helpers';

describe('epoch-span', () => {
  it('gives about +1.2 OOM of training for −0.8 OOM of inference at 6:1 with the rounded constants (laws.md §5)', () => {
    const s = okJson('epoch-span --constants hoffmann-rounded') as Record<string, number>;
    expect(Object.keys(s).sort()).toEqual(['inferenceSpanOOM', 'trainingSpanOOM']);
    expect(s.trainingSpanOOM).toBeCloseTo(1.2, 1);
    expect(s.inferenceSpanOOM).toBeCloseTo(0.8, 1);
    expect(okJson('epoch-span --constants hoffmann-rounded --rate 6')).toEqual(s);
  });

  it('grows with the rate and is zero at rate 0 (the compute-optimal point)', () => {
    const zero = okJson('epoch-span --constants besiroglu --rate 0') as Record<string, number>;
    expect(zero.trainingSpanOOM).toBeCloseTo(0, 12);
    const spans = [1, 3, 6, 20].map(
      (r) => okJson(`epoch-span --constants besiroglu --rate ${r}`).trainingSpanOOM as number,
    );
    for (let i = 1; i < spans.length; i++) expect(spans[i]).toBeGreaterThan(spans[i - 1]!);
  });

  it('answers at any finite rate: 1e17 gives a finite span, 1/β OOM above 1e16 (issue 11, 4d)', () => {
    const a = okJson('epoch-span --constants hoffmann --rate 1e16').trainingSpanOOM as number;
    const b = okJson('epoch-span --constants hoffmann --rate 1e17').trainingSpanOOM as number;
    expect(b - a).toBeCloseTo(1 / 0.2849083, 6);
    expect(Number.isFinite(okJson('epoch-span --constants hoffmann --rate 1e300').trainingSpanOOM)).toBe(true);
  });

  it('rejects a negative rate or a missing set', () => {
    expect(badLine('epoch-span --constants hoffmann --rate -6')).toBe(
      'epoch-span: --rate must not be negative (got -6)',
    );
    expect(badLine('epoch-span')).toBe('epoch-span: missing required flag --constants');
  });
});

describe('pruning-multiplier', () => {
  it('gives about 4.5× for 10 % density at 20 % per round (laws.md §5)', () => {
    const p = okJson('pruning-multiplier --density 0.1 --per-round 0.2') as Record<string, number>;
    expect(Object.keys(p).sort()).toEqual(['rounds', 'trainingMultiplier']);
    expect(p.trainingMultiplier).toBeCloseTo(4.5, 1);
    // (1 − 0.8^n) = 0.9 at the reported (continuous) number of rounds.
    expect(1 - 0.8 ** p.rounds).toBeCloseTo(0.9, 10);
  });

  it('rejects densities and fractions outside their ranges', () => {
    expect(badLine('pruning-multiplier --density 1.5 --per-round 0.2')).toMatch(
      /^pruning-multiplier: density must be in \(0, 1\]/,
    );
    expect(badLine('pruning-multiplier --density 0 --per-round 0.2')).toBe(
      'pruning-multiplier: --density must be positive (got 0)',
    );
    expect(badLine('pruning-multiplier --density 0.1 --per-round 1')).toMatch(
      /fraction pruned per round must be in \(0, 1\)/,
    );
    expect(badLine('pruning-multiplier --density 0.1')).toBe('pruning-multiplier: missing required flag --per-round');
  });
});
