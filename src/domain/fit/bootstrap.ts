/**
 * Bootstrap uncertainty of fitted constants (Besiroglu et al. 2024, arXiv:2404.10102, report 95 % bootstrap intervals
 * for the Chinchilla refit; laws.md §1): refit on resamples drawn with replacement and report the 2.5th, 50th and
 * 97.5th percentiles of each constant. Resamples whole runs when `groupBy` is given (all rows of one checkpoint
 * travel together, e.g. its several k values in a T² data set), else single points. Seeded, so repeatable.
 */
import { DomainError } from '../errors';
import { createRng } from '../random';
import { progressReporter, type FitOptions } from './types';

/** Percentiles of one constant over the resamples (linear interpolation between order statistics). */
export interface Percentiles {
  p2_5: number;
  p50: number;
  p97_5: number;
}

/** Result of bootstrapFit: per-constant percentiles over the resamples that could be fitted. */
export interface BootstrapResult<K extends string> {
  /** Resamples fitted successfully. */
  resamples: number;
  /** Resamples whose fit threw a DomainError (skipped). */
  failures: number;
  percentiles: Record<K, Percentiles>;
}

/** Options of bootstrapFit (seed, progress and cancellation as in FitOptions). */
export interface BootstrapOptions<P> extends FitOptions {
  /** Resamples (default and minimum 200). */
  resamples?: number;
  /** Key of the run a point belongs to; runs are resampled whole. */
  groupBy?: (point: P) => string;
}

/** Percentile q ∈ [0, 1] of sorted values (type 7, as numpy's default). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Refits `fit` on `resamples` bootstrap resamples of `points` and returns per-constant percentiles. `fit` returns the
 * constants as a record of numbers (e.g. ChinchillaConstants); a resample whose fit throws a DomainError is counted
 * in `failures`. Throws a DomainError when fewer than half the resamples fit.
 */
export function bootstrapFit<P, K extends string>(
  points: readonly P[],
  fit: (sample: readonly P[], resample: number) => Record<K, number>,
  opts: BootstrapOptions<P> = {},
): BootstrapResult<K> {
  const resamples = opts.resamples ?? 200;
  if (!Number.isInteger(resamples) || resamples < 200)
    throw new DomainError(`bootstrap needs at least 200 resamples (got ${resamples})`);
  const groups = new Map<string, P[]>();
  points.forEach((p, i) => {
    const key = opts.groupBy ? opts.groupBy(p) : String(i);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  });
  const runs = [...groups.values()];
  if (runs.length < 2) throw new DomainError('bootstrap needs at least two runs to resample');
  const rng = createRng(opts.seed ?? 1);
  const progress = progressReporter(resamples, opts);
  const draws: Record<string, number[]> = {};
  let ok = 0;
  let failures = 0;
  for (let r = 0; r < resamples; r++) {
    const sample: P[] = [];
    for (let i = 0; i < runs.length; i++) sample.push(...runs[rng.int(runs.length)]!);
    try {
      const constants = fit(sample, r);
      for (const [key, value] of Object.entries(constants) as [string, number][]) (draws[key] ??= []).push(value);
      ok++;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      failures++;
    }
    progress.tick();
  }
  if (ok < resamples / 2) throw new DomainError(`bootstrap: only ${ok} of ${resamples} resamples could be fitted`);
  progress.done();
  const percentiles = {} as Record<K, Percentiles>;
  for (const [key, values] of Object.entries(draws)) {
    const sorted = Float64Array.from(values).sort();
    percentiles[key as K] = {
      p2_5: percentile(sorted, 0.025),
      p50: percentile(sorted, 0.5),
      p97_5: percentile(sorted, 0.975),
    };
  }
  return { resamples: ok, failures, percentiles };
}
