import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { getT2Approach1Set, getT2Approach2Set, parseT2Sets, T2_APPROACH1_SETS, T2_APPROACH2_SETS } from './t2-sets';
import fitted from './data/t2-fitted.json';
import publicFitted from './data/t2-public.json';

const entry = (over: Record<string, unknown> = {}) => ({
  approach: 1,
  id: 'x',
  name: 'X',
  kind: 'fitted-testbed',
  source: 'testbed fit',
  constants: { E: 1, A: 2, B: 3, alpha: 0.3, beta: 0.3, G: 1, gamma: 0.4 },
  ...over,
});

describe('T² constant sets', () => {
  it('ships t2-illustrative for both approaches, labelled illustrative and not the paper’s', () => {
    for (const set of [getT2Approach1Set('t2-illustrative'), getT2Approach2Set('t2-illustrative')]) {
      expect(set).toBeDefined();
      expect(set!.kind).toBe('illustrative');
      expect(set!.name).toMatch(/illustrative/i);
      expect(set!.name).toMatch(/not from the paper/);
      expect(set!.note).toMatch(/ILLUSTRATIVE/);
      expect(set!.note).toMatch(/publish no fitted constants/);
    }
    expect(T2_APPROACH1_SETS.length + T2_APPROACH2_SETS.length).toBe(
      2 + (fitted as unknown[]).length + (publicFitted as unknown[]).length,
    );
    expect(getT2Approach1Set('nope')).toBeUndefined();
  });

  it('reads fitted sets from the same JSON format (no code change needed)', () => {
    const sets = parseT2Sets([
      entry(),
      entry({
        approach: 2,
        constants: { E: 1, A: 2, B: 3, alpha: 0.3, beta: 0.3, theta0: 1, theta1: 1, theta2: 0.9, theta3: 0, theta4: 0 },
      }),
    ]);
    expect(sets.approach1.map((s) => s.id)).toEqual(['x']);
    expect(sets.approach2[0]!.constants.theta2).toBe(0.9);
  });

  it('rejects malformed entries with a DomainError naming them', () => {
    expect(() => parseT2Sets({})).toThrow(DomainError);
    expect(() => parseT2Sets([entry({ approach: 3 })])).toThrow(/approach/);
    expect(() => parseT2Sets([entry({ kind: 'paper' })])).toThrow(/kind/);
    expect(() => parseT2Sets([entry({ id: '' })])).toThrow(/id/);
    expect(() => parseT2Sets([entry({ constants: { E: 1 } })])).toThrow(/A is missing/);
    expect(() => parseT2Sets([entry({ constants: { ...entry().constants, gamma: -1 } })])).toThrow(/gamma/);
    expect(() => parseT2Sets([entry(), entry()])).toThrow(/duplicate/);
  });

  it('rejects an Approach 2 set with θ1 ≤ 0 (accuracy rising with NLL), naming the entry (issue 11, 4b)', () => {
    const a2 = { E: 1, A: 2, B: 3, alpha: 0.3, beta: 0.3, theta0: 1, theta1: -1, theta2: 0.9, theta3: 0, theta4: 0 };
    expect(() => parseT2Sets([entry({ approach: 2, constants: a2 })])).toThrow(/theta1 must be positive/);
    expect(() => parseT2Sets([entry({ approach: 2, constants: { ...a2, theta1: 0 } })])).toThrow(DomainError);
  });

  it('keeps optional bootstrap intervals of every constant and rejects incomplete or unordered ones', () => {
    const iv = (keys: string[]) => ({
      resamples: 200,
      percentiles: Object.fromEntries(keys.map((k, i) => [k, { p2_5: i, p50: i + 0.5, p97_5: i + 1 }])),
    });
    const a1 = ['E', 'A', 'B', 'alpha', 'beta', 'G', 'gamma'];
    const sets = parseT2Sets([entry({ intervals: iv(a1) }), entry({ id: 'y' })]);
    expect(sets.approach1[0]!.intervals?.resamples).toBe(200);
    expect(sets.approach1[0]!.intervals?.percentiles.gamma).toEqual({ p2_5: 6, p50: 6.5, p97_5: 7 });
    expect(sets.approach1[1]!.intervals).toBeUndefined();
    expect(() => parseT2Sets([entry({ intervals: iv(a1.slice(1)) })])).toThrow(/interval of E/);
    expect(() => parseT2Sets([entry({ intervals: { ...iv(a1), resamples: 0 } })])).toThrow(/resamples/);
    const swapped = iv(a1);
    swapped.percentiles.beta = { p2_5: 2, p50: 1, p97_5: 3 };
    expect(() => parseT2Sets([entry({ intervals: swapped })])).toThrow(/interval of beta/);
    expect(() =>
      parseT2Sets([
        entry({
          intervals: { ...iv(a1), percentiles: { ...iv(a1).percentiles, A: { p2_5: 0, p50: 1, p97_5: Infinity } } },
        }),
      ]),
    ).toThrow(/interval of A/);
    const a2 = ['E', 'A', 'B', 'alpha', 'beta', 'theta0', 'theta1', 'theta2', 'theta3', 'theta4'];
    const c2 = { E: 1, A: 2, B: 3, alpha: 0.3, beta: 0.3, theta0: 1, theta1: 1, theta2: 0.9, theta3: 0, theta4: 0 };
    expect(
      parseT2Sets([entry({ approach: 2, constants: c2, intervals: iv(a2) })]).approach2[0]!.intervals?.percentiles
        .theta4.p97_5,
    ).toBe(10);
    expect(() => parseT2Sets([entry({ approach: 2, constants: c2, intervals: iv(a1) })])).toThrow(/interval of theta0/);
  });
});
