import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from '../domain/fit/bootstrap';
import { createRng } from '../domain/random';
import { syntheticChinchillaPoints } from '../domain/fit/synthetic';
import { predictRun, runFitJob } from '../engine/fit-job';
import {
  decodeBandSummary,
  drawsFromSummary,
  encodeBandSummary,
  summarizeDraws,
  type BandSummary,
} from './band-summary';
import { CONSTANT_KEYS } from './constant-keys';
import type { FitKind, Run } from './types';

/** Draws whose logs (θ0,1,3,4 as they are) are Gaussian with the given mean and factor. */
function gaussianDraws(family: FitKind, mean: number[], chol: number[], count: number) {
  return drawsFromSummary(family, { resamples: count, mean, chol });
}

describe('band summary of bootstrap resamples', () => {
  it('round-trips through its link text to the rounding (5 digits for means, 3 for the factor)', () => {
    const rng = createRng(3);
    const draws = Array.from({ length: 200 }, () => ({
      E: 1.7 * Math.exp(0.02 * rng.normal()),
      A: 400 * Math.exp(0.3 * rng.normal()),
      B: 410,
      alpha: 0.34 + 0.01 * rng.normal(),
      beta: 0.28,
    }));
    const s = summarizeDraws('chinchilla', draws)!;
    const text = encodeBandSummary(s);
    expect(text).toMatch(/^b200_/);
    const back = decodeBandSummary(text, 'chinchilla');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.resamples).toBe(200);
    back.value.mean.forEach((m, i) =>
      expect(Math.abs(m - s.mean[i]!)).toBeLessThanOrEqual(Math.abs(s.mean[i]!) * 5e-5 + 1e-300),
    );
    back.value.chol.forEach((l, i) =>
      expect(Math.abs(l - s.chol[i]!)).toBeLessThanOrEqual(Math.abs(s.chol[i]!) * 5e-3),
    );
    // Constant B and β never vary: their spread is exactly zero, written as 0.
    expect(back.value.chol[(2 * 3) / 2 + 2]).toBe(0);
    expect(encodeBandSummary(back.value)).toBe(text); // stable: a link is written back unchanged
  });

  it('recovers the mean and covariance of Gaussian draws (fitted space: logs of positive constants)', () => {
    const mean = [
      Math.log(0.5),
      Math.log(40),
      Math.log(300),
      Math.log(0.3),
      Math.log(0.3),
      1.2,
      3,
      Math.log(0.9),
      1,
      -0.2,
    ];
    const chol = CONSTANT_KEYS['t2-2'].flatMap((_, i) =>
      Array.from({ length: i + 1 }, (_, j) => (j === i ? 0.05 : j === 0 ? 0.02 : 0.004)),
    );
    const draws = gaussianDraws('t2-2', mean, chol, 4000);
    const s = summarizeDraws('t2-2', draws)!;
    s.mean.forEach((m, i) => expect(Math.abs(m - mean[i]!)).toBeLessThan(0.01));
    const d = mean.length;
    const cov = (L: number[], i: number, j: number) => {
      let sum = 0;
      for (let k = 0; k <= Math.min(i, j); k++) sum += L[(i * (i + 1)) / 2 + k]! * L[(j * (j + 1)) / 2 + k]!;
      return sum;
    };
    for (let i = 0; i < d; i++)
      for (let j = 0; j <= i; j++) expect(Math.abs(cov(s.chol, i, j) - cov(chol, i, j))).toBeLessThan(3e-4);
  });

  it('regenerates the same draws for the same summary, each a usable constant set (θ2 ≤ 1, scales positive)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 10, maxLength: 10 }),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 55, maxLength: 55 }),
        (mean, chol) => {
          const s: BandSummary = { resamples: 30, mean, chol };
          const a = drawsFromSummary('t2-2', s),
            b = drawsFromSummary('t2-2', s);
          expect(a).toEqual(b);
          expect(a).toHaveLength(30);
          for (const c of a) {
            for (const k of ['E', 'A', 'B', 'alpha', 'beta']) expect(c[k]!).toBeGreaterThan(0);
            expect(c.theta2!).toBeGreaterThan(0);
            expect(c.theta2!).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('leaves out resamples whose fit ran away, so a few wild draws do not widen the band', () => {
    const rng = createRng(8);
    const clean = Array.from({ length: 197 }, () => ({
      E: 1.7 * Math.exp(0.01 * rng.normal()),
      A: 400 * Math.exp(0.2 * rng.normal()),
      B: 410 * Math.exp(0.2 * rng.normal()),
      alpha: 0.34 * Math.exp(0.03 * rng.normal()),
      beta: 0.28 * Math.exp(0.03 * rng.normal()),
    }));
    const wild = [
      { ...clean[0]!, A: 4e6 },
      { ...clean[1]!, alpha: 3 },
      { ...clean[2]!, E: 1e-4 },
    ];
    const a = summarizeDraws('chinchilla', clean)!,
      b = summarizeDraws('chinchilla', [...clean, ...wild])!;
    expect(b.resamples).toBe(200);
    b.chol.forEach((l, i) => expect(Math.abs(l - a.chol[i]!)).toBeLessThan(0.1 * Math.abs(a.chol[i]!) + 0.005));
    b.mean.forEach((m, i) => expect(Math.abs(m - a.mean[i]!)).toBeLessThan(0.01));
  });

  it('is none for fewer than 20 resamples or a resample that cannot be placed in fitted space', () => {
    const draw = { E: 1, A: 2, B: 3, alpha: 0.3, beta: 0.3 };
    expect(
      summarizeDraws(
        'chinchilla',
        Array.from({ length: 19 }, () => draw),
      ),
    ).toBeNull();
    expect(summarizeDraws('chinchilla', [...Array.from({ length: 30 }, () => draw), { ...draw, A: -1 }])).toBeNull();
  });

  it('rejects bad link text with the reason', () => {
    const ok = encodeBandSummary({
      resamples: 200,
      mean: [0, 6, 6, -1, -1],
      chol: Array.from({ length: 15 }, () => 0.01),
    });
    const bad: [string, RegExp][] = [
      [ok.slice(1), /expected "b<resamples>_…"/],
      [ok.replace('b200', 'b19'), /resamples must be a whole number from 20/],
      [ok.replace('b200', 'b2.5e2'), /resamples must be a whole number/],
      [ok.replace('b200', 'b9999999'), /resamples must be a whole number/],
      [`${ok}_1`, /expected 20 numbers for 5 constants, got 21/],
      [ok.replace('_6_', '_x_'), /"x" is not a finite number/],
      [ok.replace('_6_', '_1e999_'), /"1e999" is not a finite number/],
      [ok.replace(/_[^_]+$/, '_-0.01'), /spread of beta .* is negative/],
      [ok.replace('_6_', '_705_'), /mean of A lies outside the bounds a link allows/],
      [ok.replace('_6_', '_35_'), /mean of A lies outside the bounds a link allows/], // e^35 ≈ 1.6e15 > 1e15
      [ok.replace(/_[^_]+$/, '_80'), /spread of beta is too large/],
    ];
    for (const [text, reason] of bad) {
      const r = decodeBandSummary(text, 'chinchilla');
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
    expect(decodeBandSummary(ok, 't2-1').ok).toBe(false); // 7 constants need 35 numbers
  });

  it('redraws a real bootstrap band closely: widths within ×0.6–1.5, centres within a quarter width', () => {
    const truth = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
    const runs = syntheticChinchillaPoints(truth, 80, 3, 0.005).map(
      (p, i) => ({ line: i + 2, ...p }) as unknown as Run,
    );
    const report = runFitJob({ kind: 'chinchilla', runs, holdout: { kind: 'none' }, resamples: 200, grid: 'small' });
    const back = decodeBandSummary(encodeBandSummary(summarizeDraws('chinchilla', report.draws)!), 'chinchilla');
    if (!back.ok) throw new Error(back.reason);
    const regen = drawsFromSummary('chinchilla', back.value);
    for (const budget of [1e20, 1e22]) {
      for (let e = Math.log10(budget) / 2 - 2.5; e <= Math.log10(budget) / 2 + 0.5; e += 0.25) {
        const n = 10 ** e,
          d = budget / (6 * n);
        const q = (draws: readonly Record<string, number>[]) => {
          const v = draws
            .map((c) => predictRun('chinchilla', c, { params: n, tokens: d, samples: 1 }))
            .sort((a, b) => a - b);
          return [percentile(v, 0.025), percentile(v, 0.975)] as const;
        };
        const [lo, hi] = q(report.draws),
          [lo2, hi2] = q(regen);
        const ratio = (hi2 - lo2) / (hi - lo);
        expect(ratio).toBeGreaterThan(0.6);
        expect(ratio).toBeLessThan(1.5);
        expect(Math.abs((lo2 + hi2) / 2 - (lo + hi) / 2)).toBeLessThan(0.25 * (hi - lo));
      }
    }
  }, 60_000);
});
