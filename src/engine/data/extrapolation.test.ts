import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FittedRange, T2Approach2Set } from '../../domain/constants-types';
import { rangeExcess } from '../../domain/fitted-range';
import type { UserConstantSet } from '../../domain/registry';
import type { Scenario } from '../../domain/scenario';
import { getT2Approach2Set } from '../../domain/t2-sets';
import { buildExplorerData } from '../explorer-data';
import { fittedDistance, fittedRegionTokensPerParam, markOf, rangeDistance } from './extrapolation';

/** A fixture range like the public Gadre et al. fits (not shipped): 10.6M–6.9B parameters, 5–640 tokens/param. */
const RANGE: FittedRange = { params: [1.06e7, 6.9e9], tokens: [2e8, 3e12], samples: [1, 1], tokensPerParam: [5, 640] };
const SET = { id: 'fx', name: 'Fixture', kind: 'fitted-public' as const, source: 'test', range: RANGE };

/** Point-in-convex-polygon (log–log), vertices in order. */
function insidePolygon(xs: number[], ys: number[], x: number, y: number): boolean {
  const u = xs.map(Math.log);
  const v = ys.map(Math.log);
  const [px, py] = [Math.log(x), Math.log(y)];
  let sign = 0;
  for (let i = 0; i < u.length; i++) {
    const j = (i + 1) % u.length;
    const cross = (u[j]! - u[i]!) * (py - v[i]!) - (v[j]! - v[i]!) * (px - u[i]!);
    if (Math.abs(cross) < 1e-9) continue;
    const s = Math.sign(cross);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

describe('extrapolation marks', () => {
  it('markOf names every dimension left and is null inside', () => {
    expect(markOf(SET, { params: 1e9, tokens: 2e10, samples: 1 })).toEqual({ excess: [], text: null });
    const m = markOf(SET, { params: 8.28e10, tokens: 2e12, samples: 4 });
    expect(m.excess.map((e) => e.symbol)).toEqual(['N', 'k']);
    expect(m.text).toBe(
      'extrapolated: N 12× above the fitted range (10.6M–6.9B parameters); k 4.0× above the fitted range (1–1 samples per question)',
    );
    expect(markOf(SET, { params: 8.28e10, tokens: 2e12, samples: 4 }, false).excess.map((e) => e.symbol)).toEqual([
      'N',
    ]);
  });

  it('rangeDistance is ≤ 0 exactly when no dimension is left', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 6, max: 11, noNaN: true }),
        fc.double({ min: 8, max: 13, noNaN: true }),
        (ln, ld) => {
          const p = { params: 10 ** ln, tokens: 10 ** ld, samples: 1, quality: 0 };
          const inside = rangeExcess(RANGE, p).length === 0;
          const d = rangeDistance(RANGE, p);
          if (Math.abs(d) > 1e-9) expect(d <= 0).toBe(inside);
        },
      ),
    );
    expect(fittedDistance(undefined, [])).toBeNull();
  });

  it('the (C, D/N) polygon holds exactly the designs whose N and D (and D/N) lie in the range', () => {
    const poly = fittedRegionTokensPerParam(RANGE, [14, 26]);
    expect(poly.trainFlops.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(
        fc.double({ min: 15, max: 25, noNaN: true }),
        fc.double({ min: 0, max: 3.5, noNaN: true }),
        (lc, lr) => {
          const [c, r] = [10 ** lc, 10 ** lr];
          const n = Math.sqrt(c / (6 * r));
          const d = Math.sqrt((c * r) / 6);
          const excess = rangeExcess(RANGE, { params: n, tokens: d });
          const margin = Math.min(
            ...[n / RANGE.params[0], RANGE.params[1] / n, d / RANGE.tokens[0], RANGE.tokens[1] / d, r / 5, 640 / r]
              .map(Math.log)
              .map(Math.abs),
          );
          if (margin > 1e-6)
            expect(insidePolygon(poly.trainFlops, poly.tokensPerParam, c, r)).toBe(excess.length === 0);
        },
      ),
    );
    expect(fittedRegionTokensPerParam(RANGE, [28, 30]).trainFlops).toEqual([]);
    expect(fittedRegionTokensPerParam(undefined, [14, 26]).trainFlops).toEqual([]);
  });
});

describe('buildExplorerData marks extrapolation for any set with a range (here a user set)', () => {
  const ill = getT2Approach2Set('t2-illustrative')!;
  const range: FittedRange = { ...RANGE, samples: [1, 100] };
  const user: UserConstantSet = {
    family: 't2-2',
    set: { ...ill, id: 'user-fx', name: 'Your fit', kind: 'user', range } as T2Approach2Set,
  };
  const base: Scenario = {
    qualityModel: 't2-2',
    constantSet: 'user-fx',
    userSet: user,
    params: 1e8,
    tokens: 2e9,
    samples: 1,
    trainFlops: 1.2e18,
    inferenceFlops: 2e8,
    tokensServed: 2e12,
    targetQuality: 0,
  };

  it('inside: no mark on the design; at 1e23 FLOPs the optimum is marked in the readouts, the map and chart 2', () => {
    const inside = buildExplorerData(base);
    expect(inside.readouts.extrapolation!.design.text).toBeNull();
    const far = buildExplorerData({
      ...base,
      trainFlops: 1e23,
      inferenceFlops: 1.4e11,
      params: 7e10,
      tokens: 1e23 / 4.2e11,
      samples: 1,
    });
    const opt = far.readouts.extrapolation!.optimum!;
    expect(opt.excess.length).toBeGreaterThan(0);
    expect(opt.text).toMatch(/^extrapolated: /);
    expect(far.frontier.extrapolation!.optimum!.text).toBe(opt.text);
    expect(far.frontier.extrapolation!.design!.excess.map((e) => e.symbol)).toContain('N');
    expect(far.tokensPerParam.current!.extrapolation!.text).toBe(opt.text);
    // The map's fitted region: some cells inside (≤ 0), some outside (> 0).
    const dist = Array.from(far.frontier.fittedDistance!);
    expect(dist.some((v) => v <= 0)).toBe(true);
    expect(dist.some((v) => v > 0)).toBe(true);
    expect(far.tokensPerParam.fittedRegion!.trainFlops.length).toBeGreaterThanOrEqual(3);
  });

  it('a set without a range draws no fitted region and marks nothing', () => {
    const noRange: UserConstantSet = {
      family: 't2-2',
      set: { ...ill, id: 'user-nr', name: 'No range', kind: 'user' } as T2Approach2Set,
    };
    delete (noRange.set as { range?: FittedRange }).range;
    const d = buildExplorerData({
      ...base,
      constantSet: 'user-nr',
      userSet: noRange,
      trainFlops: 1e25,
      inferenceFlops: 1.4e11,
    });
    expect(d.frontier.fittedDistance).toBeNull();
    expect(d.tokensPerParam.fittedRegion).toBeNull();
    expect(d.readouts.extrapolation!.optimum!.text).toBeNull();
  });
});
