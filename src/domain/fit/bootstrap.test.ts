import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { createRng } from '../random';
import { bootstrapFit, percentile } from './bootstrap';
import { fitChinchilla } from './fit-chinchilla';
import { syntheticChinchillaPoints } from './synthetic';

const rng = createRng(5);
const sample = Array.from({ length: 100 }, (_, i) => ({ run: `r${i % 25}`, x: 10 + rng.normal() }));
const meanFit = (s: readonly { x: number }[]) => ({ mean: s.reduce((a, p) => a + p.x, 0) / s.length });

describe('bootstrapFit', () => {
  it('percentile interpolates between order statistics', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0.025)).toBeCloseTo(1.1, 12);
    expect(percentile([0, 10], 0.975)).toBeCloseTo(9.75, 12);
  });

  it('gives a 95 % interval of the mean close to ±1.96 standard errors', () => {
    const r = bootstrapFit(sample, meanFit, { resamples: 1000, seed: 2 });
    const m = meanFit(sample).mean;
    const se = Math.sqrt(sample.reduce((a, p) => a + (p.x - m) ** 2, 0) / (sample.length - 1) / sample.length);
    expect(r.resamples).toBe(1000);
    expect(r.percentiles.mean.p50).toBeCloseTo(m, 1);
    expect((r.percentiles.mean.p97_5 - r.percentiles.mean.p2_5) / (2 * 1.96 * se)).toBeGreaterThan(0.85);
    expect((r.percentiles.mean.p97_5 - r.percentiles.mean.p2_5) / (2 * 1.96 * se)).toBeLessThan(1.15);
  });

  it('resamples whole runs with groupBy and is deterministic per seed', () => {
    const sizes: number[] = [];
    const fit = (s: readonly { run: string; x: number }[]) => {
      sizes.push(s.length);
      const perRun = new Map<string, number>();
      for (const p of s) perRun.set(p.run, (perRun.get(p.run) ?? 0) + 1);
      for (const count of perRun.values()) expect(count % 4).toBe(0);
      return meanFit(s);
    };
    const a = bootstrapFit(sample, fit, { groupBy: (p) => p.run, seed: 7 });
    expect(sizes.every((n) => n === 100)).toBe(true);
    expect(bootstrapFit(sample, meanFit, { groupBy: (p) => p.run, seed: 7 })).toEqual(a);
  });

  it('counts failed resamples, and refuses fewer than 200 resamples', () => {
    let calls = 0;
    const flaky = (s: readonly { x: number }[]) => {
      if (++calls % 10 === 0) throw new DomainError('degenerate');
      return meanFit(s);
    };
    const r = bootstrapFit(sample, flaky, { resamples: 200 });
    expect(r.failures).toBe(20);
    expect(r.resamples).toBe(180);
    expect(() => bootstrapFit(sample, meanFit, { resamples: 50 })).toThrow(/200/);
  });

  it('brackets the true Chinchilla exponents on synthetic data (warm-started refits)', () => {
    const truth = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
    const pts = syntheticChinchillaPoints(truth, 120, 17, 0.01);
    const full = fitChinchilla(pts, { grid: 'small' });
    const r = bootstrapFit(pts, (s) => ({ ...fitChinchilla(s, { grid: 1, initial: [full.constants] }).constants }), {
      seed: 3,
    });
    for (const key of ['E', 'alpha', 'beta'] as const) {
      expect(r.percentiles[key].p2_5).toBeLessThan(truth[key] * 1.02);
      expect(r.percentiles[key].p97_5).toBeGreaterThan(truth[key] * 0.98);
      expect(r.percentiles[key].p2_5).toBeLessThan(r.percentiles[key].p50);
      expect(r.percentiles[key].p50).toBeLessThan(r.percentiles[key].p97_5);
    }
  });
});
