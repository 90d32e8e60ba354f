/**
 * Goodness-of-fit numbers for the testbed fits. src/domain/fit/goodness.ts's goodnessOfFit rejects zero
 * observations (its relative error is undefined there); measured pass@k is often exactly 0 and the Approach 1
 * target of a solved task is ~0, so relative errors here skip observations below a floor and say how many.
 */

/** R², RMSE, and relative errors over the observations at or above `floor`. */
export interface FitMetrics {
  n: number;
  /** 1 − SS_res/SS_tot over all points. */
  r2: number;
  /** √(mean (pred − obs)²), unit of the observations. */
  rmse: number;
  /** Mean |pred − obs|/obs over points with obs ≥ floor (null when there are none). */
  meanRelativeError: number | null;
  /** (Σ pred − Σ obs)/Σ obs over all points: > 0 means the law overestimates on the whole. */
  relativeErrorOfMean: number;
  /** Share of points with pred > obs. */
  overestimatedShare: number;
  /** The floor of the relative error and how many points fell below it (left out of meanRelativeError). */
  floor: number;
  belowFloor: number;
}

const round = (v: number, digits = 6): number => Number(v.toPrecision(digits));

/** Compares predictions with observations (same length, ≥ 1 point, all finite). Rounded to 6 significant digits. */
export function fitMetrics(observed: readonly number[], predicted: readonly number[], floor: number): FitMetrics {
  const n = observed.length;
  if (n === 0 || predicted.length !== n)
    throw new RangeError(`fitMetrics: ${n} observations, ${predicted.length} predictions`);
  if (![...observed, ...predicted].every(Number.isFinite)) throw new RangeError('fitMetrics: non-finite value');
  const mean = observed.reduce((s, v) => s + v, 0) / n;
  let ssRes = 0,
    ssTot = 0,
    rel = 0,
    nRel = 0,
    over = 0,
    sumObs = 0,
    sumPred = 0;
  for (let i = 0; i < n; i++) {
    const o = observed[i]!,
      p = predicted[i]!;
    ssRes += (p - o) ** 2;
    ssTot += (o - mean) ** 2;
    sumObs += o;
    sumPred += p;
    if (p > o) over++;
    if (o >= floor) {
      rel += Math.abs(p - o) / o;
      nRel++;
    }
  }
  return {
    n,
    r2: round(ssTot > 0 ? 1 - ssRes / ssTot : 0),
    rmse: round(Math.sqrt(ssRes / n)),
    meanRelativeError: nRel > 0 ? round(rel / nRel) : null,
    relativeErrorOfMean: round((sumPred - sumObs) / sumObs),
    overestimatedShare: round(over / n),
    floor,
    belowFloor: n - nRel,
  };
}
