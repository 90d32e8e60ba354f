/**
 * What the charts draw from the model lab's measured runs (Scenario.measured, src/lab): each run at training compute
 * 6ND and inference compute per token 2Nk (laws.md §0) on the frontier map, and on the isoFLOP slice when trained
 * within a factor of 2 of the training budget. The observed quality shown is the one the quality model measures:
 * pass@k under T² Approach 2, the answer NLL otherwise (a lab run has no pretraining loss).
 */
import type { MeasuredPoint, Scenario } from '../domain/scenario';
import type { RunPoints } from './fit-overlay';

export interface MeasuredOverlayData {
  /** x = 6ND, y = 2Nk. */
  frontierRuns: RunPoints;
  /** x = N, y = observed quality; runs with 6ND within ×2 of C_train. */
  isoflopRuns: RunPoints;
  /** What `quality` holds. */
  quantity: 'pass@k' | 'answer NLL';
  /**
   * The chart's law at each run, same quantity: pass@k at (N, D, k) under T² Approach 2; under Approach 1 the task
   * NLL at k = 1 (an answer's NLL is −log of its single-sample probability). NaN where the law has no comparable value
   * (Chinchilla loss models) — shown as "—", never plotted.
   */
  predicted: Float64Array;
}

/** The chart's law as the overlay needs it. */
export type QualityAt = (params: number, tokens: number, samples: number) => number;

function qualityOf(p: MeasuredPoint, model: Scenario['qualityModel']): number | null {
  return model === 't2-2' ? p.passAtK : p.nll;
}

/** Training and inference FLOPs of every measured point (for chart windows). */
export function measuredFlops(scenario: Scenario): { train: number[]; inference: number[] } {
  const pts = scenario.measured ?? [];
  return { train: pts.map((p) => 6 * p.params * p.tokens), inference: pts.map((p) => 2 * p.params * p.samples) };
}

/** The overlay for `scenario`, or null without measured runs. */
export function buildMeasuredOverlay(scenario: Scenario, law?: QualityAt): MeasuredOverlayData | null {
  const pts = scenario.measured ?? [];
  if (pts.length === 0) return null;
  const q = (p: MeasuredPoint) => qualityOf(p, scenario.qualityModel) ?? Number.NaN;
  const near = pts.filter((p) => {
    const ratio = (6 * p.params * p.tokens) / scenario.trainFlops;
    return ratio >= 0.5 && ratio <= 2 && qualityOf(p, scenario.qualityModel) !== null;
  });
  return {
    frontierRuns: {
      x: Float64Array.from(pts, (p) => 6 * p.params * p.tokens),
      y: Float64Array.from(pts, (p) => 2 * p.params * p.samples),
      // NaN marks "not measured" in the hover text only; it is never plotted as a coordinate.
      quality: Float64Array.from(pts, q),
      omitted: 0,
    },
    isoflopRuns: {
      x: Float64Array.from(near, (p) => p.params), y: Float64Array.from(near, q), quality: Float64Array.from(near, q), omitted: pts.length - near.length,
    },
    quantity: scenario.qualityModel === 't2-2' ? 'pass@k' : 'answer NLL',
    predicted: Float64Array.from(pts, (p) => {
      if (!law || (scenario.qualityModel !== 't2-2' && scenario.qualityModel !== 't2-1')) return Number.NaN;
      const v = law(p.params, p.tokens, scenario.qualityModel === 't2-2' ? p.samples : 1);
      return Number.isFinite(v) ? v : Number.NaN;
    }),
  };
}
