import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { createRng } from '../random';
import type { ChinchillaConstants } from '../constants-types';
import { EXPONENT_MAX, fitChinchillaProfiled } from './fit-chinchilla-profiled';
import { isoflopGroups, isoflopWeights } from './isoflop-weights';
import { FitCancelledError } from './types';

/** An isoFLOP sweep: `levels` compute levels doubling from 1e18, `perLevel` sizes each (±1 decade), loss × e^(noise·z). */
function sweep(c: ChinchillaConstants, levels: number, perLevel: number, noise: number, seed = 5) {
  const rng = createRng(seed);
  const out: { params: number; tokens: number; loss: number }[] = [];
  for (let l = 0; l < levels; l++) {
    const C = 1e18 * 2 ** l;
    for (let j = 0; j < perLevel; j++) {
      const params = Math.sqrt(C / 120) * 10 ** (-1 + (2 * j) / (perLevel - 1));
      const tokens = C / (6 * params);
      out.push({
        params,
        tokens,
        loss: (c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta) * Math.exp(noise * rng.normal()),
      });
    }
  }
  return out;
}

const truth: ChinchillaConstants = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const sse = (c: ChinchillaConstants, pts: { params: number; tokens: number; loss: number }[], w: Float64Array) =>
  pts.reduce((s, p, i) => s + w[i]! * (c.E + c.A / p.params ** c.alpha + c.B / p.tokens ** c.beta - p.loss) ** 2, 0);

describe('isoFLOP groups and inverse-variance weights', () => {
  it('groups points by C = 6ND within ×1.1 of the group’s smallest C and weights each group by 1/variance (mean 1)', () => {
    const pts = sweep(truth, 4, 5, 0.02);
    const { group, groups } = isoflopGroups(pts);
    expect(groups).toBe(4);
    pts.forEach((_, i) => expect(group[i]).toBe(Math.floor(i / 5)));
    const w = isoflopWeights(pts);
    const variance = [0, 1, 2, 3].map((g) => {
      const v = pts.filter((_, i) => group[i] === g).map((p) => p.loss);
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
    });
    const med =
      [...variance]
        .sort((a, b) => a - b)
        .slice(1, 3)
        .reduce((s, x) => s + x, 0) / 2;
    const raw = pts.map((_, i) => 1 / Math.max(variance[group[i]!]!, 0.01 * med));
    const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
    pts.forEach((_, i) => expect(w.weight[i]).toBeCloseTo(raw[i]! / mean, 10));
  });

  it('gives groups of one the median variance, and equal weights when no group has a variance', () => {
    const pts = [...sweep(truth, 2, 4, 0.02), { params: 1e9, tokens: 1e12, loss: 2.2 }];
    const w = isoflopWeights(pts);
    expect(w.groups).toBe(3);
    expect(w.variance[w.group[8]!]).toBeCloseTo((w.variance[0]! + w.variance[1]!) / 2, 12);
    const scattered = [1, 3, 9, 27, 81].map((m) => ({ params: 1e8 * m, tokens: 1e10, loss: 3 / m }));
    expect([...isoflopWeights(scattered).weight]).toEqual([1, 1, 1, 1, 1]);
    expect(() => isoflopGroups(pts, 0.5)).toThrow(DomainError);
  });
});

describe('fitChinchillaProfiled (profiled E, Roberts et al. App. F)', () => {
  it('recovers known constants exactly from noiseless isoFLOP sweeps', () => {
    const fit = fitChinchillaProfiled(sweep(truth, 6, 7, 0));
    const c = fit.constants;
    expect(c.E).toBeCloseTo(truth.E, 6);
    expect(c.alpha).toBeCloseTo(truth.alpha, 6);
    expect(c.beta).toBeCloseTo(truth.beta, 6);
    expect(c.A / truth.A).toBeCloseTo(1, 4);
    expect(c.B / truth.B).toBeCloseTo(1, 4);
    expect(fit.groups).toBe(6);
    expect(fit.atBound).toEqual([]);
  });

  it('recovers them from noisy sweeps and is no worse than the truth on its own weighted objective', () => {
    for (const seed of [1, 2, 3]) {
      const pts = sweep(truth, 6, 7, 0.004, seed);
      const fit = fitChinchillaProfiled(pts);
      const w = isoflopWeights(pts).weight;
      expect(fit.objective).toBeCloseTo(sse(fit.constants, pts, w), 8);
      expect(fit.objective).toBeLessThanOrEqual(sse(truth, pts, w) * (1 + 1e-9));
      expect(fit.constants.E).toBeGreaterThan(1.5);
      expect(fit.constants.E).toBeLessThan(1.85);
      expect(fit.constants.alpha).toBeGreaterThan(0.25);
      expect(fit.constants.alpha).toBeLessThan(0.45);
    }
  });

  it('keeps E in [0.01, 0.95]·min loss and every constant finite on 5 noisy points, flagging bounds', () => {
    const rng = createRng(3);
    for (let t = 0; t < 30; t++) {
      const pts = Array.from({ length: 5 }, () => ({
        params: 10 ** rng.uniform(4, 6),
        tokens: 10 ** rng.uniform(5, 7.5),
        loss: rng.uniform(0.05, 12),
      }));
      const minL = Math.min(...pts.map((p) => p.loss));
      const fit = fitChinchillaProfiled(pts);
      for (const v of Object.values(fit.constants)) expect(Number.isFinite(v)).toBe(true);
      expect(fit.constants.E).toBeGreaterThanOrEqual(0.01 * minL * (1 - 1e-12));
      expect(fit.constants.E).toBeLessThanOrEqual(0.95 * minL * (1 + 1e-12));
      expect(fit.constants.A).toBeGreaterThan(0);
      expect(fit.constants.B).toBeGreaterThan(0);
      expect(fit.constants.alpha).toBeGreaterThan(0);
      expect(fit.constants.alpha).toBeLessThan(EXPONENT_MAX);
      if (fit.constants.alpha > EXPONENT_MAX - 1e-3) expect(fit.atBound).toContain('alpha');
      if (Math.abs(fit.constants.E - 0.01 * minL) < 1e-9 * minL) expect(fit.atBound).toContain('E');
    }
  });

  it('profiles E: the fitted E minimises the profile S*(E) over a fine grid of E', () => {
    const pts = sweep(truth, 5, 6, 0.01, 9);
    const minL = Math.min(...pts.map((p) => p.loss));
    const fit = fitChinchillaProfiled(pts, { weights: 'none' });
    const [lo, hi] = fit.eBounds;
    // S*(e): the same fit with E's interval shrunk to (almost) the single value e.
    const profileAt = (e: number) =>
      fitChinchillaProfiled(pts, {
        weights: 'none',
        eGrid: 3,
        eRange: [(e / minL) * (1 - 1e-9), (e / minL) * (1 + 1e-9)],
      }).objective;
    for (let i = 1; i < 30; i++)
      expect(fit.objective).toBeLessThanOrEqual(profileAt(lo + ((hi - lo) * i) / 30) * (1 + 1e-7));
  }, 60_000);

  it('is deterministic, reports progress ending at 1, can be cancelled, and rejects bad input', () => {
    const pts = sweep(truth, 3, 5, 0.01);
    const seen: number[] = [];
    const a = fitChinchillaProfiled(pts, { onProgress: (f) => seen.push(f) });
    expect(fitChinchillaProfiled(pts)).toEqual(a);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(() => fitChinchillaProfiled(pts, { shouldCancel: () => true })).toThrow(FitCancelledError);
    expect(() => fitChinchillaProfiled(pts.slice(0, 4))).toThrow(/at least 5/);
    expect(() => fitChinchillaProfiled(pts, { eRange: [0.5, 0.2] })).toThrow(DomainError);
    expect(() => fitChinchillaProfiled(pts, { eGrid: 2 })).toThrow(/eGrid/);
    expect(() => fitChinchillaProfiled([...pts.slice(0, 5), { params: 1, tokens: 1, loss: 0 }])).toThrow(/loss/);
  });
});
