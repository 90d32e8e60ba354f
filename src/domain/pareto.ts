/**
 * Pareto utilities: non-dominated filtering of points with several objectives (training compute, inference compute,
 * quality, …) and the compute frontier for a target quality. Pure and generic; no law of its own.
 */
import { DomainError } from './errors';
import type { Flops } from './units';

/** True when a is no worse than b in every objective and strictly better in one (all minimised). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! > b[i]!) return false;
    if (a[i]! < b[i]!) strictly = true;
  }
  return strictly;
}

/**
 * The non-dominated subset of `points` with every objective minimised (negate an objective to maximise it). Points with
 * equal objectives do not dominate each other, so duplicates on the front are all kept. Input order is preserved.
 * O(n log n) for two objectives, O(n²) otherwise.
 * @throws DomainError when an objective is NaN or the objective vectors differ in length.
 */
export function paretoFront<T>(points: readonly T[], objectives: (p: T) => readonly number[]): T[] {
  const vectors = points.map(objectives);
  const m = vectors[0]?.length ?? 0;
  for (const v of vectors) {
    if (v.length !== m) throw new DomainError('every point needs the same number of objectives');
    if (v.some(Number.isNaN)) throw new DomainError('objectives must be numbers (got NaN)');
  }
  const keep = m === 2 ? frontMask2d(vectors) : frontMaskGeneral(vectors);
  return points.filter((_, i) => keep[i]);
}

function frontMaskGeneral(v: readonly (readonly number[])[]): boolean[] {
  return v.map((p, i) => !v.some((q, j) => j !== i && dominates(q, p)));
}

/** Sort by (x, y); sweep keeping the best y seen among strictly smaller x, plus ties at equal x. */
function frontMask2d(v: readonly (readonly number[])[]): boolean[] {
  const cmp = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0); // safe with ±Infinity, unlike a − b
  const order = v.map((_, i) => i).sort((i, j) => cmp(v[i]![0]!, v[j]![0]!) || cmp(v[i]![1]!, v[j]![1]!));
  const keep = new Array<boolean>(v.length).fill(false);
  let bestY = Number.POSITIVE_INFINITY; // smallest y among points with x strictly below the current group
  let seen = false;
  let g = 0;
  while (g < order.length) {
    const x = v[order[g]!]![0]!;
    let end = g;
    while (end < order.length && v[order[end]!]![0] === x) end++;
    const groupMinY = v[order[g]!]![1]!; // sorted by y inside the group
    for (let t = g; t < end; t++) {
      const y = v[order[t]!]![1]!;
      keep[order[t]!] = y === groupMinY && (!seen || y < bestY);
    }
    bestY = Math.min(bestY, groupMinY);
    seen = true;
    g = end;
  }
  return keep;
}

/** A design evaluated on both budgets: training FLOPs, inference FLOPs (per token served) and a quality. */
export interface FrontierPoint {
  trainFlops: Flops;
  inferenceFlops: Flops;
  quality: number;
}

/**
 * The minimal (training, inference) compute pairs that reach a target quality: keep the points whose quality reaches
 * `target` (≤ target for a loss, ≥ target for an accuracy), then their Pareto front in (trainFlops, inferenceFlops),
 * sorted by training compute ascending (so inference compute descends). Empty when no point reaches the target.
 * @param quality 'lower-is-better' for losses (default), 'higher-is-better' for accuracies.
 */
export function frontierForTarget<T extends FrontierPoint>(
  points: readonly T[],
  target: number,
  quality: 'lower-is-better' | 'higher-is-better' = 'lower-is-better',
): T[] {
  if (!Number.isFinite(target)) throw new DomainError(`target quality must be a finite number (got ${target})`);
  const reaches = quality === 'lower-is-better' ? (q: number) => q <= target : (q: number) => q >= target;
  const feasible = points.filter((p) => reaches(p.quality));
  return paretoFront(feasible, (p) => [p.trainFlops, p.inferenceFlops]).sort(
    (a, b) => a.trainFlops - b.trainFlops || a.inferenceFlops - b.inferenceFlops,
  );
}
