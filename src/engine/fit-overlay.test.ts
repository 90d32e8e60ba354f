import { describe, expect, it } from 'vitest';
import { buildUserSet, decodeUserSet, encodeUserSet } from '../byod/user-set-logic';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { buildExplorerData } from './explorer-data';

const c = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const draws = Array.from({ length: 200 }, (_, i) => ({
  ...c,
  E: c.E * (1 + (i - 100) / 5000),
  alpha: c.alpha * (1 + ((i % 7) - 3) / 300),
}));
const runs = [
  { params: 1e8, tokens: 2.56e19 / 6e8, samples: 1, quality: 3.1 }, // on the default budget
  { params: 1e9, tokens: 1e9, samples: 1, quality: 2.9 }, // 6e18: outside ×2 of 2.56e19
];
const user = buildUserSet({
  family: 'chinchilla',
  constants: c,
  range: { params: [1e8, 1e9], tokens: [1e9, 5e10] },
  fittedRuns: 2,
  runs,
  draws,
});
const base = { ...defaultScenario(registryCatalog.defaultId), qualityModel: 'chinchilla' as const };

describe('user overlay in the explorer data', () => {
  it('draws every run on the frontier map, the runs near the budget on the slice, and a band around the fit', () => {
    const data = buildExplorerData({ ...base, constantSet: user.set.id, userSet: user });
    expect(data.set.kind).toBe('user');
    const o = data.user!;
    expect(o.selected).toBe(true);
    expect(Array.from(o.frontierRuns.x)).toEqual([6 * 1e8 * (2.56e19 / 6e8), 6e18]);
    expect(Array.from(o.frontierRuns.y)).toEqual([2e8, 2e9]);
    expect(Array.from(o.isoflopRuns.x)).toEqual([1e8]);
    expect(o.isoflopRuns.omitted).toBe(1);
    const band = o.isoflopBand!;
    for (let i = 0; i < data.isoflop.params.length; i++) {
      expect(band.lower[i]!).toBeLessThanOrEqual(data.isoflop.quality[i]! + 1e-9);
      expect(band.upper[i]!).toBeGreaterThanOrEqual(data.isoflop.quality[i]! - 1e-9);
    }
    expect(band.upper.some((u, i) => u - band.lower[i]! > 1e-4)).toBe(true);
  });

  it('shows runs but no band under a published set, and nothing under a model of another family', () => {
    const published = buildExplorerData({ ...base, userSet: user });
    expect(published.user?.selected).toBe(false);
    expect(published.user?.isoflopBand).toBeNull();
    expect(published.user?.frontierRuns.x.length).toBe(2);
    expect(
      buildExplorerData({
        ...base,
        qualityModel: 't2-1',
        constantSet: registryCatalog.defaultId('t2-1'),
        userSet: user,
      }).user,
    ).toBeNull();
  });

  it('a link redraws the band from its summary at any budget, labelled as redrawn, close to the original', () => {
    const linked = decodeUserSet(encodeUserSet(user));
    if (!linked.ok) throw new Error(linked.reason);
    expect(linked.value.drawsFromLink).toBeDefined();
    for (const trainFlops of [2.56e19, 1e22]) {
      const original = buildExplorerData({ ...base, trainFlops, constantSet: user.set.id, userSet: user }).user!
        .isoflopBand!;
      const redrawn = buildExplorerData({ ...base, trainFlops, constantSet: user.set.id, userSet: linked.value }).user!
        .isoflopBand!;
      expect(original.fromLink).toBe(false);
      expect(redrawn.fromLink).toBe(true);
      expect(redrawn.resamples).toBe(200);
      let widest = 0;
      for (let i = 0; i < original.lower.length; i++)
        widest = Math.max(widest, original.upper[i]! - original.lower[i]!);
      for (let i = 0; i < original.lower.length; i++) {
        expect(Math.abs(redrawn.lower[i]! - original.lower[i]!)).toBeLessThan(0.35 * widest);
        expect(Math.abs(redrawn.upper[i]! - original.upper[i]!)).toBeLessThan(0.35 * widest);
      }
    }
  });
});
