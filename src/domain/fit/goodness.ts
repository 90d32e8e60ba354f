/**
 * Goodness of fit of a law to measured points, reported beside fitted constants (laws.md §2 quotes the T² paper's
 * extrapolation errors as relative errors: 2.8 % NLL, 8.4 % accuracy).
 */
import { DomainError } from '../errors';

/** R², root-mean-square error and mean relative error of predictions. */
export interface GoodnessOfFit {
  /** 1 − SS_res/SS_tot (1 is perfect; can be negative). NaN-free: 1 when every observation is equal and fitted exactly, else 0 for constant data. */
  r2: number;
  /** √(mean (pred − obs)²), in the unit of the observations. */
  rmse: number;
  /** mean |pred − obs|/|obs| (observations must be non-zero). */
  meanRelativeError: number;
  /** Number of points. */
  n: number;
}

/** Compares predictions with observations point by point (same length, at least one point, all finite). */
export function goodnessOfFit(observed: ArrayLike<number>, predicted: ArrayLike<number>): GoodnessOfFit {
  const n = observed.length;
  if (n === 0 || predicted.length !== n) {
    throw new DomainError(
      `goodnessOfFit needs equal, non-zero numbers of observations and predictions (got ${n} and ${predicted.length})`,
    );
  }
  let mean = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(observed[i]!) || !Number.isFinite(predicted[i]!))
      throw new DomainError(`goodnessOfFit: point ${i + 1} is not finite`);
    if (observed[i] === 0)
      throw new DomainError(`goodnessOfFit: observation ${i + 1} is zero; relative error undefined`);
    mean += observed[i]! / n;
  }
  let ssRes = 0;
  let ssTot = 0;
  let rel = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i]! - observed[i]!;
    ssRes += e * e;
    ssTot += (observed[i]! - mean) ** 2;
    rel += Math.abs(e) / Math.abs(observed[i]!);
  }
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
  return { r2, rmse: Math.sqrt(ssRes / n), meanRelativeError: rel / n, n };
}
