import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLDOUT, HOLDOUT_CHECK, describeRule, holdoutReport, splitHoldout } from './holdout';

describe('hold-out split', () => {
  it('fits every run by default (a first Fit uses all runs)', () => {
    const runs = [
      { params: 1e8, tokens: 2e9 },
      { params: 1e8, tokens: 2.0000001e9 },
      { params: 1e9, tokens: 1e10 },
      { params: 1e7, tokens: 1e10 },
    ];
    expect(DEFAULT_HOLDOUT).toEqual({ kind: 'none' });
    expect(splitHoldout(runs, DEFAULT_HOLDOUT)).toEqual({ fit: runs, heldOut: [] });
    expect(describeRule(DEFAULT_HOLDOUT)).toBe('all runs');
  });

  it('the hold-out check, when chosen, fits runs at or under 20 tokens per parameter and holds out the overtrained', () => {
    const runs = [
      { params: 1e8, tokens: 2e9 },
      { params: 1e8, tokens: 2.0000001e9 },
      { params: 1e9, tokens: 1e10 },
      { params: 1e7, tokens: 1e10 },
    ];
    const { fit, heldOut } = splitHoldout(runs, HOLDOUT_CHECK);
    expect(fit).toEqual([runs[0], runs[2]]);
    expect(heldOut).toEqual([runs[1], runs[3]]);
    expect(describeRule(HOLDOUT_CHECK)).toBe('runs at or under 20 tokens per parameter');
  });

  it('partitions every run exactly once, keeping order (property)', () => {
    const run = fc.record({
      params: fc.double({ min: 1e6, max: 1e12, noNaN: true }),
      tokens: fc.double({ min: 1e6, max: 1e14, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), fc.double({ min: 0.1, max: 1e4, noNaN: true }), (runs, max) => {
        const { fit, heldOut } = splitHoldout(runs, { kind: 'tokens-per-param', max });
        expect(fit.length + heldOut.length).toBe(runs.length);
        expect(fit.every((r) => r.tokens / r.params <= max)).toBe(true);
        expect(heldOut.every((r) => r.tokens / r.params > max)).toBe(true);
        expect(splitHoldout(runs, { kind: 'none' }).fit).toEqual(runs);
      }),
    );
  });

  it('reports mean, signed and max relative error, skipping zero observations', () => {
    const r = holdoutReport(HOLDOUT_CHECK, 10, [2, 4, 0], [2.2, 3.8, 0.1])!;
    expect(r.heldOut).toBe(2);
    expect(r.meanRelativeError).toBeCloseTo((0.1 + 0.05) / 2, 12);
    expect(r.meanSignedError).toBeCloseTo((0.1 - 0.05) / 2, 12);
    expect(r.maxRelativeError).toBeCloseTo(0.1, 12);
    expect(holdoutReport(HOLDOUT_CHECK, 10, [0], [1])).toBeNull();
  });
});
