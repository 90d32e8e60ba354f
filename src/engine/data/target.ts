/**
 * The scenario's target quality on the frontier map: its Pareto frontier (for each training budget of the grid, the
 * least inference budget whose best reachable quality reaches the target, refined by bisection and filtered with the
 * domain's frontierForTarget), and the cheapest budgets reaching it along the scenario's two budget lines.
 */
import { constantFamily } from '../../domain/constant-families';
import { qualityModel } from '../../domain/quality-models';
import { DomainError } from '../../domain/errors';
import { frontierForTarget, type FrontierPoint } from '../../domain/pareto';
import type { TargetData } from '../explorer-data-types';
import type { QualityLaw } from './law';
import { Memo } from './memo';

/** Bisection steps on ln(budget): 40 steps over ≤ 30 decades leave a relative error below 1e-10. */
const STEPS = 40;

const memo = new Memo<FrontierPoint[]>(8);

/** Empties this module's cache (tests, benchmarks). */
export function clearTargetCache(): void {
  memo.clear();
}

/** A target the law can use, or why not. 0 (or less) means "not set". */
export function checkTarget(law: QualityLaw, target: number): { value: number | null; message: string | null } {
  if (!Number.isFinite(target) || target <= 0) return { value: null, message: null };
  if (law.sign === 1 && !(target < 1)) {
    return {
      value: null,
      message: `The target ${target} is not a pass@k accuracy: under T² Approach 2 it lies between 0 and 1 (e.g. 62% or 0.62).`,
    };
  }
  if (constantFamily(qualityModel(law.model).constantFamily).pretrainingLoss && target <= law.chinchilla.E) {
    return {
      value: null,
      message: `The target loss ${target} nats is at or below the irreducible loss E = ${Number(law.chinchilla.E.toPrecision(4))} nats of this constant set: no model reaches it.`,
    };
  }
  return { value: target, message: null };
}

/** Best reachable quality at two budgets; null where the law cannot place a design. */
function best(law: QualityLaw, ct: number, ci: number): number | null {
  try {
    const q = (law.cellOptimumAt ?? law.optimumAt)(ct, ci).quality;
    return Number.isFinite(q) ? q : null;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The least budget in [lo, hi] at which `quality(budget)` reaches `target` (quality improves as the budget grows):
 * { budget, atEdge } or null when even `hi` falls short.
 */
export function leastBudget(
  reaches: (q: number | null) => boolean,
  quality: (b: number) => number | null,
  lo: number,
  hi: number,
): { budget: number; atEdge: boolean } | null {
  if (!reaches(quality(hi))) return null;
  if (reaches(quality(lo))) return { budget: lo, atEdge: true };
  let a = Math.log(lo);
  let b = Math.log(hi);
  for (let i = 0; i < STEPS; i++) {
    const mid = 0.5 * (a + b);
    if (reaches(quality(Math.exp(mid)))) b = mid;
    else a = mid;
  }
  return { budget: Math.exp(b), atEdge: false };
}

/** The target's Pareto frontier on the grid: depends on the law, the grid and the target only (memoised). */
function computeFront(law: QualityLaw, target: number, xs: Float64Array, ys: Float64Array): FrontierPoint[] {
  const reaches = (q: number | null) => q !== null && law.sign * (q - target) >= 0;
  const [xMin, xMax] = [xs[0]!, xs[xs.length - 1]!];
  const [yMin, yMax] = [ys[0]!, ys[ys.length - 1]!];
  const candidates: FrontierPoint[] = [];
  const add = (ct: number, ci: number) => {
    const q = best(law, ct, ci);
    if (q !== null) candidates.push({ trainFlops: ct, inferenceFlops: ci, quality: q });
  };
  // Where the frontier meets the top and bottom edges (exact ends of the line), then one point per grid column.
  const top = leastBudget(reaches, (ct) => best(law, ct, yMax), xMin, xMax);
  if (top && !top.atEdge) add(top.budget, yMax);
  const bottom = leastBudget(reaches, (ct) => best(law, ct, yMin), xMin, xMax);
  if (bottom && !bottom.atEdge) add(bottom.budget, yMin);
  for (const ct of xs) {
    const least = leastBudget(reaches, (ci) => best(law, ct, ci), yMin, yMax);
    if (least && !least.atEdge) add(ct, least.budget);
  }
  return frontierForTarget(candidates, target, law.sign === 1 ? 'higher-is-better' : 'lower-is-better');
}

/**
 * The target's data on the frontier grid (`xs` training, `ys` inference budgets), or null when no target is set.
 * The frontier is memoised by grid and target; the cheapest budgets are recomputed (they follow the budgets).
 */
export function buildTarget(
  law: QualityLaw,
  targetQuality: number,
  gridKey: string,
  xs: Float64Array,
  ys: Float64Array,
  budget: { trainFlops: number; inferenceFlops: number },
  lifetimeAtTarget: boolean,
): TargetData | null {
  const checked = checkTarget(law, targetQuality);
  if (checked.value === null && checked.message === null) return null;
  if (checked.value === null) {
    return {
      value: targetQuality,
      trainFlops: new Float64Array(0),
      inferenceFlops: new Float64Array(0),
      quality: new Float64Array(0),
      cheapestTrain: null,
      cheapestInference: null,
      trainAtEdge: false,
      inferenceAtEdge: false,
      lifetimeAtTarget: false,
      message: checked.message,
    };
  }
  const target = checked.value;
  const front = memo.get(`${gridKey}|${target}`, () => computeFront(law, target, xs, ys));
  // The cheapest budgets follow the scenario's budgets: two bisections, not memoised.
  const reaches = (q: number | null) => q !== null && law.sign * (q - target) >= 0;
  const atInf = leastBudget(reaches, (ct) => best(law, ct, budget.inferenceFlops), xs[0]!, xs[xs.length - 1]!);
  const atTrain = leastBudget(reaches, (ci) => best(law, budget.trainFlops, ci), ys[0]!, ys[ys.length - 1]!);
  return {
    value: target,
    trainFlops: Float64Array.from(front, (p) => p.trainFlops),
    inferenceFlops: Float64Array.from(front, (p) => p.inferenceFlops),
    quality: Float64Array.from(front, (p) => p.quality),
    cheapestTrain: atInf ? atInf.budget : null,
    cheapestInference: atTrain ? atTrain.budget : null,
    trainAtEdge: atInf?.atEdge ?? false,
    inferenceAtEdge: atTrain?.atEdge ?? false,
    lifetimeAtTarget,
    message: null,
  };
}
