import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { CHINCHILLA_SEARCH_ROWS, chinchillaObjective, chinchillaStarts, fitChinchilla } from './fit-chinchilla';
import { gradientError } from './gradient-check.test-helper';
import { syntheticChinchillaPoints } from './synthetic';
import { FitCancelledError } from './types';

// Besiroglu et al. 2024 refit (laws.md §1) as the known truth; 250 points with 1 % log-normal noise.
const truth = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
const points = syntheticChinchillaPoints(truth, 250, 11, 0.01);

describe('fitChinchilla (Approach 3, laws.md §1)', () => {
  it('builds Hoffmann’s grid of 4,500 starts', () => {
    const grid = chinchillaStarts('hoffmann');
    expect(grid).toHaveLength(4500);
    expect(new Set(grid.map((s) => s[3])).size).toBe(5);
    expect(Math.max(...grid.map((s) => s[0]!))).toBe(25);
    expect(Math.min(...grid.map((s) => s[2]!))).toBe(-1);
    expect(chinchillaStarts(7, 3)).toHaveLength(7);
  });

  it('has an analytic gradient that matches finite differences', () => {
    const logs = (k: 'params' | 'tokens' | 'loss') => Float64Array.from(points, (p) => Math.log(p[k]));
    const f = chinchillaObjective(logs('params'), logs('tokens'), logs('loss'));
    for (const x of [
      [6.2, 7.6, 0.6, 0.35, 0.37],
      [3, 12, -0.5, 0.2, 0.6],
      [0, 0, 1, 1, 1],
    ]) {
      expect(gradientError(f, x)).toBeLessThan(1e-5);
    }
  });

  it('recovers the known constants from noisy synthetic data (E, α, β within 3 %)', () => {
    const fit = fitChinchilla(points);
    expect(fit.starts).toBe(4500);
    expect(fit.points).toBe(250);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.constants.E / truth.E - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.constants.alpha / truth.alpha - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.constants.beta / truth.beta - 1)).toBeLessThan(0.03);
    expect(Math.abs(Math.log(fit.constants.A / truth.A))).toBeLessThan(0.3);
    expect(Math.abs(Math.log(fit.constants.B / truth.B))).toBeLessThan(0.3);
  });

  it('finds the same optimum whether L-BFGS runs from every start or only the screened best', () => {
    const all = fitChinchilla(points, { grid: 'small', refine: 'all' });
    const screened = fitChinchilla(points, { grid: 'small', refine: 10 });
    expect(screened.refined).toBe(10);
    expect(screened.objective).toBeCloseTo(all.objective, 12);
    expect(screened.constants.alpha).toBeCloseTo(all.constants.alpha, 6);
  });

  it('is deterministic: same input and seed give identical results', () => {
    const a = fitChinchilla(points, { grid: 40, seed: 9 });
    const b = fitChinchilla(points, { grid: 40, seed: 9 });
    expect(b).toEqual(a);
  });

  it('reports monotone progress ending at 1, and stops when cancelled', () => {
    const seen: number[] = [];
    fitChinchilla(points, { grid: 'small', onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    let polls = 0;
    expect(() => fitChinchilla(points, { grid: 'small', shouldCancel: () => ++polls > 3 })).toThrow(FitCancelledError);
    expect(polls).toBe(4);
  });

  it('rejects too few points and bad values, naming the point', () => {
    expect(() => fitChinchilla(points.slice(0, 4))).toThrow(DomainError);
    expect(() => fitChinchilla([...points.slice(0, 9), { params: 1e9, tokens: -1, loss: 2 }])).toThrow(
      /point 10 has tokens/,
    );
    expect(() => fitChinchilla(points, { grid: 0 })).toThrow(/random starts/);
    expect(() => fitChinchilla(points, { grid: 'small', refine: 0 })).toThrow(/refine/);
  });

  it('scales: above 500 points the start search runs on a subsample and the best optima are refined on all points', () => {
    const many = syntheticChinchillaPoints(truth, 1500, 21, 0.01);
    const logs = (k: 'params' | 'tokens' | 'loss') => Float64Array.from(many, (p) => Math.log(p[k]));
    const full = chinchillaObjective(logs('params'), logs('tokens'), logs('loss'));
    const at = (c: typeof truth) =>
      full(Float64Array.from([Math.log(c.A), Math.log(c.B), Math.log(c.E), c.alpha, c.beta]), new Float64Array(5));
    const seen: number[] = [];
    const fast = fitChinchilla(many, { grid: 'small', onProgress: (f) => seen.push(f) });
    expect(fast.searchedOn).toBe(CHINCHILLA_SEARCH_ROWS);
    expect(fast.points).toBe(1500);
    expect(seen.at(-1)).toBe(1);
    // The reported objective is the full-data objective, and it is at least as low as the generating law's.
    expect(fast.objective).toBeCloseTo(at(fast.constants), 9);
    expect(fast.objective).toBeLessThanOrEqual(at(truth));
    // Same optimum as the search on every point (as the papers do), here with the small grid to keep the test short.
    const slow = fitChinchilla(many, { grid: 'small', searchRows: 'all' });
    expect(slow.searchedOn).toBe(1500);
    expect(fast.objective).toBeLessThanOrEqual(slow.objective * (1 + 1e-6));
    expect(fast.constants.alpha).toBeCloseTo(slow.constants.alpha, 4);
    expect(fast.constants.E).toBeCloseTo(slow.constants.E, 4);
    expect(fitChinchilla(many.slice(0, 400), { grid: 'small' }).searchedOn).toBe(400);
    expect(() => fitChinchilla(many, { searchRows: 2 })).toThrow(/searchRows/);
    expect(() => fitChinchilla(many, { polish: 0 })).toThrow(/polish/);
  }, 120_000);

  it('fits 30,000 points with Hoffmann’s grid, searching starts on a subsample only (the search on every point took ~60 s)', () => {
    const many = syntheticChinchillaPoints(truth, 30_000, 5, 0.01);
    const fit = fitChinchilla(many);
    expect(fit.searchedOn).toBe(CHINCHILLA_SEARCH_ROWS);
    expect(Math.abs(fit.constants.alpha / truth.alpha - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.constants.E / truth.E - 1)).toBeLessThan(0.03);
  }, 120_000);
});
