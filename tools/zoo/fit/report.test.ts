import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approachReport, baselineRows, REPORT_NLL_MIN, scopeReport } from './report';
import type { CheckpointRow } from './targets';

const row = (
  id: string,
  params: number,
  tokens: number,
  suite: 'isoflop' | 'overtrained',
  nllAtK: number[],
  passAtK: number[],
): CheckpointRow => ({ id, params, tokens, suite, ks: [1, 2], nllAtK, passAtK, nll: nllAtK[0]! });

const train = [
  row('a-s0', 100, 1e3, 'isoflop', [5, 4], [0.1, 0.2]),
  row('a-s1', 100, 1e3, 'isoflop', [3, 2], [0.3, 0.4]),
  row('a-small', 100, 5e2, 'isoflop', [9, 9], [0, 0]),
  row('b-s0', 200, 1e3, 'isoflop', [2, 1.5], [0.5, 0.6]),
];
const test = [
  row('a-ot', 100, 1e4, 'overtrained', [2, 0.5], [0.5, 0.99]), // k = 2 points: NLL 0.5 < 1 nat and pass 0.99 > 0.95 do not count
  row('b-ot', 200, 1e4, 'overtrained', [1, 1.2], [0.8, 0.9]),
];

describe('extrapolation report (issue 16 item 3)', () => {
  it('the baseline is the same size at its largest isoFLOP D, averaged over seeds', () => {
    const b = baselineRows(train, test);
    expect(b[0]!.nllAtK).toEqual([4, 3]);
    expect(b[0]!.passAtK).toEqual([0.2, 0.30000000000000004]);
    expect(b[0]!.from).toEqual(['a-s0', 'a-s1']);
    expect(b[1]!.from).toEqual(['b-s0']);
    expect(baselineRows(train, [row('c-ot', 300, 1e4, 'overtrained', [1, 1], [0.5, 0.5])])).toEqual([null]);
    // a size without isoFLOP checkpoints has no baseline: its overtrained rows stay out of the report, named
    const r = scopeReport(
      train,
      [...test, row('c-ot', 300, 1e4, 'overtrained', [3, 3], [0.5, 0.5])],
      [2.2, 0.4, 1.1, 1.2, 9, 9],
      [0.4, 0.9, 0.8, 0.99, 0.1, 0.1],
    );
    expect(r.withoutBaseline).toEqual(['c-ot']);
    expect(r.predicted).toBe(2);
    expect(r.approach1.points.map((p) => p.id)).not.toContain('c-ot');
    expect(r.approach1.law!.meanRelativeError).toBeCloseTo((0.2 / 2 + 0.1 / 1 + 0) / 3, 6);
  });

  it('counts only informative points and computes errors, bias and direction by hand', () => {
    // law predictions in row order, every k: a-ot (k = 1, 2), b-ot (k = 1, 2)
    const r = scopeReport(train, test, [2.2, 0.4, 1.1, 1.2], [0.4, 0.9, 0.8, 0.99], { resamples: 200, seed: 3 });
    const a1 = r.approach1;
    expect(a1.pointsTotal).toBe(4);
    expect(a1.points.map((p) => `${p.id}@${p.k}`)).toEqual(['a-ot@1', 'b-ot@1', 'b-ot@2']);
    expect(a1.law!.meanRelativeError).toBeCloseTo((0.2 / 2 + 0.1 / 1 + 0) / 3, 6);
    expect(a1.baseline!.meanRelativeError).toBeCloseTo((2 / 2 + 1 / 1 + 0.3 / 1.2) / 3, 6);
    expect(a1.law!.bias).toBeCloseTo((2.2 + 1.1 + 1.2 - 4.2) / 4.2, 6);
    expect(a1.law!.direction).toBe('overestimates');
    expect(a1.beatsBaseline).toBe(true);
    expect(a1.lawMinusBaseline!.value).toBeCloseTo(a1.law!.meanRelativeError - a1.baseline!.meanRelativeError, 6);
    const a2 = r.approach2;
    expect(a2.points.map((p) => `${p.id}@${p.k}`)).toEqual(['a-ot@1', 'b-ot@1', 'b-ot@2']);
    expect(a2.law!.meanRelativeError).toBeCloseTo((0.1 / 0.5 + 0 + 0.09 / 0.9) / 3, 6);
    expect(a2.law!.direction).toBe('underestimates'); // Σpred 2.19 < Σobs 2.2
    expect(a2.law!.overestimatedShare).toBeCloseTo(1 / 3, 6);
    expect(r.baselineFrom).toEqual({ 'a-ot': ['a-s0', 'a-s1'], 'b-ot': ['b-s0'] });
  });

  it('intervals hold the point value, are deterministic, and a report without informative points says so', () => {
    const a = scopeReport(train, test, [2.2, 0.4, 1.1, 1.2], [0.4, 0.9, 0.8, 0.99], { resamples: 300, seed: 5 });
    const b = scopeReport(train, test, [2.2, 0.4, 1.1, 1.2], [0.4, 0.9, 0.8, 0.99], { resamples: 300, seed: 5 });
    expect(a).toEqual(b);
    const i = a.approach1.law!.interval;
    expect(i.p2_5).toBeLessThanOrEqual(a.approach1.law!.meanRelativeError);
    expect(i.p97_5).toBeGreaterThanOrEqual(a.approach1.law!.meanRelativeError);
    const solved = [row('a-ot', 100, 1e4, 'overtrained', [0.01, 0.001], [0.999, 1])];
    const none = scopeReport(train, solved, [0.5, 0.5], [0.9, 0.9]);
    expect(none.approach1.pointsCounted).toBe(0);
    expect(none.approach1.law).toBeNull();
    expect(none.approach2.beatsBaseline).toBeNull();
  });

  it('a perfect law has zero error and beats any imperfect baseline; errors are never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: REPORT_NLL_MIN, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (obs, shift) => {
          const rows = obs.map((o, i) => ({ ...row(`t${i}`, 100, 1e4, 'overtrained', [o], [0.5]), ks: [1] }));
          const rep = approachReport(
            rows,
            (r) => r.nllAtK,
            (r) => r.nllAtK,
            () => [obs[0]! + shift],
            (o) => o >= REPORT_NLL_MIN,
            'test',
            { resamples: 50, seed: 1 },
          );
          return (
            rep.law!.meanRelativeError === 0 &&
            rep.baseline!.meanRelativeError > 0 &&
            rep.beatsBaseline === true &&
            rep.law!.interval.p97_5 === 0
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
