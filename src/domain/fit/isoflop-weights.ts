/**
 * isoFLOP groups and inverse-variance weights of the profiled-E Chinchilla fit (fit-chinchilla-profiled.ts; Roberts
 * et al. 2026, arXiv:2604.01411, App. F, which weights each isoFLOP group by the inverse of its loss variance; the
 * group rule and the fallbacks below are ours, as the paper does not spell them out). Pure; laws.md §0 (C = 6ND).
 *
 * Groups: the points sorted by training compute C = 6·N·D (FLOPs); a group starts at its smallest C and takes every
 * following point whose C is at most `ratio` (default 1.1) times that smallest C. Sweeps laid out on isoFLOP levels
 * (the testbed's doublings, Hoffmann's) give one group per level; scattered runs give groups of one.
 *
 * Weights: w_i = 1/s²_g(i), s²_g the sample variance (divisor n_g − 1) of the losses of group g. A group of one
 * point, or of zero variance, has no variance of its own and takes the median s² of the groups that have one; the
 * s² are raised to at least `minVarianceRatio` (default 0.01) × that median so one tight group cannot take all the
 * weight; with no group of two or more distinct losses every weight is 1. Weights are scaled to mean 1.
 */
import { DomainError } from '../errors';

/** Options of the grouping and weighting (see the file comment). */
export interface IsoflopWeightOptions {
  /** Points whose C = 6ND lies within this factor of a group's smallest C join it (default 1.1; must be ≥ 1). */
  ratio?: number;
  /** Floor of a group's variance as a fraction of the median group variance (default 0.01; 0 disables it). */
  minVarianceRatio?: number;
}

/** Groups and weights of a data set. */
export interface IsoflopWeights {
  /** Group index of every point (0 = the group of smallest C). */
  group: Int32Array;
  /** Number of groups. */
  groups: number;
  /** Weight of every point, mean 1. */
  weight: Float64Array;
  /** Variance used for each group (NLL², nats²); NaN-free. */
  variance: Float64Array;
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
};

/** isoFLOP group index of each point, by C = 6·N·D (see the file comment). @throws DomainError on ratio < 1. */
export function isoflopGroups(
  points: readonly { params: number; tokens: number }[],
  ratio = 1.1,
): { group: Int32Array; groups: number } {
  if (!(ratio >= 1 && Number.isFinite(ratio)))
    throw new DomainError(`isoFLOP group ratio must be a finite number ≥ 1 (got ${ratio})`);
  const c = points.map((p) => 6 * p.params * p.tokens);
  const order = c.map((_, i) => i).sort((i, j) => c[i]! - c[j]! || i - j);
  const group = new Int32Array(points.length);
  let groups = 0;
  let start = Number.NaN;
  for (const i of order) {
    if (!(c[i]! <= start * ratio)) {
      start = c[i]!;
      groups++;
    }
    group[i] = groups - 1;
  }
  return { group, groups };
}

/** Inverse-variance weights per isoFLOP group of (N, D, loss) points (see the file comment). */
export function isoflopWeights(
  points: readonly { params: number; tokens: number; loss: number }[],
  opts: IsoflopWeightOptions = {},
): IsoflopWeights {
  const floorRatio = opts.minVarianceRatio ?? 0.01;
  if (!(floorRatio >= 0 && floorRatio <= 1))
    throw new DomainError(`minVarianceRatio must lie in [0, 1] (got ${floorRatio})`);
  const { group, groups } = isoflopGroups(points, opts.ratio ?? 1.1);
  const sum = new Float64Array(groups),
    sum2 = new Float64Array(groups),
    count = new Float64Array(groups);
  points.forEach((p, i) => {
    sum[group[i]!]! += p.loss;
    count[group[i]!]! += 1;
  });
  points.forEach((p, i) => {
    const g = group[i]!;
    sum2[g]! += (p.loss - sum[g]! / count[g]!) ** 2;
  });
  const own = Array.from({ length: groups }, (_, g) => (count[g]! >= 2 ? sum2[g]! / (count[g]! - 1) : 0));
  const positive = own.filter((v) => v > 0);
  const variance = new Float64Array(groups);
  const weight = new Float64Array(points.length);
  if (positive.length === 0) {
    variance.fill(1);
    weight.fill(1);
    return { group, groups, weight, variance };
  }
  const med = median(positive);
  for (let g = 0; g < groups; g++) variance[g] = Math.max(own[g]! > 0 ? own[g]! : med, floorRatio * med);
  let total = 0;
  points.forEach((_, i) => {
    weight[i] = 1 / variance[group[i]!]!;
    total += weight[i]!;
  });
  const scale = points.length / total;
  for (let i = 0; i < weight.length; i++) weight[i]! *= scale;
  return { group, groups, weight, variance };
}
