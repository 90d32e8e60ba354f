/**
 * Chart 1 data: the best quality reachable at each (C_train, C_inf) of a log grid (the optimum of the selected law
 * at both budgets), contour levels, and the marks: current design, optimum at the scenario's budgets, Chinchilla's
 * choice at the same budgets, and (lifetime view) Sardana et al.'s lifetime optimum at the design's loss.
 */
import { qualityModel } from '../../domain/quality-models';
import { ticks } from 'd3-array';
import { chinchillaOptimum } from '../../domain/chinchilla';
import { DomainError } from '../../domain/errors';
import { lifetimeOptimum } from '../../domain/sardana';
import type { Scenario } from '../../domain/scenario';
import type { DesignPoint, FrontierData } from '../explorer-data-types';
import { decadeWindow, logspace } from './grid';
import { fittedDistance, markOf } from './extrapolation';
import type { LawPoint, QualityLaw } from './law';
import { Memo } from './memo';
import { designPoint } from './points';
import { measuredFlops } from '../lab-overlay';

/** Grid resolution of the frontier map (points per axis). */
export const FRONTIER_GRID = 40;

interface FrontierGrid {
  trainFlops: Float64Array;
  inferenceFlops: Float64Array;
  quality: Float64Array;
  thresholds: Float64Array;
  /** How far each cell's optimum lies from the set's fitted data (≤ 0 inside); null without a range. */
  fittedDistance: Float64Array | null;
}

const gridMemo = new Memo<FrontierGrid>(6);

/** Empties this module's cache (benchmarks and tests). */
export function clearFrontierCache(): void {
  gridMemo.clear();
}

/** Largest share of the grid's cells that `levels` leave in one band (between two neighbouring levels). */
function largestBandShare(sorted: Float64Array, levels: readonly number[]): number {
  const cuts = [...levels].sort((a, b) => a - b);
  let largest = 0;
  let from = 0;
  for (let i = 0; i <= cuts.length; i++) {
    const cut = i < cuts.length ? cuts[i]! : Infinity;
    let to = from;
    while (to < sorted.length && sorted[to]! < cut) to++;
    largest = Math.max(largest, to - from);
    from = to;
  }
  return sorted.length === 0 ? 0 : largest / sorted.length;
}

/** The band share above which evenly spaced levels leave too much of the map in one colour (issue 13). */
export const CROWDED_BAND_SHARE = 0.4;

/**
 * Contour levels: round numbers strictly inside the grid's range, ordered from worst to best quality. Evenly spaced
 * round numbers (d3 ticks) unless they leave more than CROWDED_BAND_SHARE of the cells in one band (a loss that falls
 * steeply at small budgets and flattens over most of the map: one colour where the person looks); then the levels
 * follow the values' own spread: the round number nearest each ninth quantile of the cells (a 40-tick ladder between the first and the last).
 */
export function contourThresholds(values: Float64Array, sign: 1 | -1): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return new Float64Array(0);
  let levels = ticks(lo, hi, 8).filter((t) => t > lo && t < hi);
  if (levels.length < 4) levels = ticks(lo, hi, 14).filter((t) => t > lo && t < hi);
  const sorted = Float64Array.from(values).sort();
  if (largestBandShare(sorted, levels) > CROWDED_BAND_SHARE) {
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor((q / 9) * sorted.length))]!;
    const ladder = ticks(at(1), at(8), 40).filter((t) => t > lo && t < hi);
    const picked = new Set<number>();
    for (let q = 1; q <= 8; q++) {
      const v = at(q);
      let best = ladder[0];
      for (const t of ladder) if (Math.abs(t - v) < Math.abs(best! - v)) best = t;
      if (best !== undefined) picked.add(best);
    }
    const spread = [...picked];
    if (spread.length >= 4 && largestBandShare(sorted, spread) < largestBandShare(sorted, levels)) levels = spread;
  }
  levels.sort((a, b) => sign * (a - b));
  return Float64Array.from(levels);
}

function computeGrid(law: QualityLaw, xWindow: [number, number], yWindow: [number, number]): FrontierGrid {
  const trainFlops = logspace(xWindow[0], xWindow[1], FRONTIER_GRID);
  const inferenceFlops = logspace(yWindow[0], yWindow[1], FRONTIER_GRID);
  const quality = new Float64Array(FRONTIER_GRID * FRONTIER_GRID);
  const optima: LawPoint[] = [];
  for (let j = 0; j < FRONTIER_GRID; j++) {
    for (let i = 0; i < FRONTIER_GRID; i++) {
      const o = (law.cellOptimumAt ?? law.optimumAt)(trainFlops[i]!, inferenceFlops[j]!);
      quality[i + j * FRONTIER_GRID] = o.quality;
      optima.push(o);
    }
  }
  return {
    trainFlops,
    inferenceFlops,
    quality,
    thresholds: contourThresholds(quality, law.sign),
    fittedDistance: fittedDistance(law.set.range, optima),
  };
}

/** What the map shows under each model (its chart note in src/domain/quality-models.ts). */
export function frontierNote(law: QualityLaw): string {
  return qualityModel(law.model).notes.frontier;
}

/** Sardana et al.'s lifetime optimum at `loss` with the scenario's k and T; null when the domain cannot place it. */
export function lifetimePoint(law: QualityLaw, loss: number, scenario: Scenario): DesignPoint | null {
  try {
    const life = lifetimeOptimum(law.chinchilla, loss, scenario.tokensServed, scenario.samples);
    return designPoint({ params: life.params, tokens: life.tokens, samples: scenario.samples, quality: loss });
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The extrapolation mark of each mark present; k counts only under the T² models (the others ignore it). */
function frontierMarks(
  law: QualityLaw,
  points: Record<string, DesignPoint | null>,
): NonNullable<FrontierData['extrapolation']> {
  const withSamples = qualityModel(law.model).usesSamples;
  const out: NonNullable<FrontierData['extrapolation']> = {};
  for (const [key, p] of Object.entries(points)) {
    if (p) out[key as keyof typeof out] = markOf(law.set, p, withSamples);
  }
  return out;
}

/** Marks computed by the caller (they feed the readouts too). */
export interface FrontierMarks {
  optimum: DesignPoint;
  lifetime: DesignPoint | null;
  equalQuality: DesignPoint | null;
}

/**
 * The frontier map's data for `scenario` under `law`. The window (whole decades) holds the budgets and every mark;
 * the grid is memoised by law and window.
 */
export function buildFrontier(
  law: QualityLaw,
  scenario: Scenario,
  design: DesignPoint,
  marks: FrontierMarks,
): FrontierData {
  const { trainFlops: ct, inferenceFlops: ci } = scenario;
  const chin = chinchillaOptimum(law.chinchilla, ct);
  const chinSamples = ci / (2 * chin.params);
  const chinchilla = designPoint({
    params: chin.params,
    tokens: chin.tokens,
    samples: chinSamples,
    quality: law.quality(chin.params, chin.tokens, chinSamples),
  });
  const points = [
    design,
    marks.optimum,
    chinchilla,
    ...(marks.lifetime ? [marks.lifetime] : []),
    ...(marks.equalQuality ? [marks.equalQuality] : []),
  ];
  // The window also holds the model lab's measured runs (tiny models sit decades below the budgets' range).
  const measured = measuredFlops(scenario);
  const xWindow = decadeWindow([ct, ...points.map((p) => p.trainFlops), ...measured.train], 1, 6, 10, 32);
  const yWindow = decadeWindow([ci, ...points.map((p) => p.inferenceFlops), ...measured.inference], 1, 5, 1, 20);
  // The fitted range is part of the key: the grid carries the fitted region.
  const gridKey = `${law.key}|${xWindow.join(',')}|${yWindow.join(',')}|${JSON.stringify(law.set.range ?? null)}`;
  const grid = gridMemo.get(gridKey, () => computeGrid(law, xWindow, yWindow));
  return {
    gridKey,
    trainFlops: grid.trainFlops.slice(),
    inferenceFlops: grid.inferenceFlops.slice(),
    quality: grid.quality.slice(),
    thresholds: grid.thresholds.slice(),
    design,
    optimum: marks.optimum,
    chinchilla,
    lifetime: marks.lifetime,
    equalQuality: marks.equalQuality,
    budget: { trainFlops: ct, inferenceFlops: ci },
    note: frontierNote(law),
    fittedDistance: grid.fittedDistance ? grid.fittedDistance.slice() : null,
    extrapolation: frontierMarks(law, {
      design,
      optimum: marks.optimum,
      chinchilla,
      lifetime: marks.lifetime,
      equalQuality: marks.equalQuality,
    }),
  };
}
