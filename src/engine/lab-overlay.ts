/**
 * What the charts draw from the model lab's measured runs (Scenario.measured, src/lab): each run at training compute
 * 6ND and inference compute per token 2Nk (laws.md §0) on the frontier map, and on the isoFLOP slice when trained
 * within a factor of 2 of the training budget. The observed quality shown is the one the quality model measures:
 * pass@k under T² Approach 2, the answer NLL otherwise (a lab run has no pretraining loss). On the pass@k-vs-k chart
 * each run is a point at (k, measured pass@k) when its model matches the curve's (see PASSK_MATCH_FACTOR).
 */
import { PASSK_MATCH_FACTOR } from '../domain/measured-match';
import { qualityModel } from '../domain/quality-models';
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
  /** Runs on the pass@k-vs-k chart (T² models only; null under loss-only models, whose chart draws no curve). */
  passkRuns: PasskRuns | null;
}

/**
 * Lab runs on the pass@k-vs-k chart: x = k, y = measured pass@k (macro mean, unbiased estimator), with the run's
 * N and D and the curve's own value at the run's k (the prediction for the chart's N and D, not the run's).
 */
export interface PasskRuns {
  samples: Float64Array;
  passAtK: Float64Array;
  params: Float64Array;
  tokens: Float64Array;
  /** The chart's curve at each run's k: Approach 2 accuracy, or exp(−L) under Approach 1. */
  curve: Float64Array;
  /** Runs not drawn: trained at an N or D more than PASSK_MATCH_FACTOR away from the chart's. */
  omitted: number;
}

export { PASSK_MATCH_FACTOR } from '../domain/measured-match';

function within(a: number, b: number): boolean {
  return Math.abs(Math.log(a / b)) <= Math.log(PASSK_MATCH_FACTOR) + 1e-12;
}

/** The pass@k-chart points of `scenario`'s runs; `law` gives the model's quality at (N, D, k). */
export function buildPasskRuns(scenario: Scenario, law?: QualityAt): PasskRuns | null {
  const implied = qualityModel(scenario.qualityModel).passAtK;
  if (!implied) return null;
  const pts = scenario.measured ?? [];
  const near = pts.filter((p) => within(p.params, scenario.params) && within(p.tokens, scenario.tokens));
  const curveAt = (k: number): number => {
    if (!law) return Number.NaN;
    const v = law(scenario.params, scenario.tokens, k);
    const y = implied(v);
    return Number.isFinite(y) ? y : Number.NaN;
  };
  return {
    samples: Float64Array.from(near, (p) => p.samples),
    passAtK: Float64Array.from(near, (p) => p.passAtK),
    params: Float64Array.from(near, (p) => p.params),
    tokens: Float64Array.from(near, (p) => p.tokens),
    curve: Float64Array.from(near, (p) => curveAt(p.samples)),
    omitted: pts.length - near.length,
  };
}

/** The chart's law as the overlay needs it. */
export type QualityAt = (params: number, tokens: number, samples: number) => number;

function qualityOf(p: MeasuredPoint, model: Scenario['qualityModel']): number | null {
  return qualityModel(model).measured.field === 'passAtK' ? p.passAtK : p.nll;
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
  const measured = qualityModel(scenario.qualityModel).measured;
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
      x: Float64Array.from(near, (p) => p.params),
      y: Float64Array.from(near, q),
      quality: Float64Array.from(near, q),
      omitted: pts.length - near.length,
    },
    quantity: measured.quantity,
    predicted: Float64Array.from(pts, (p) => {
      if (!law || !measured.predicts) return Number.NaN;
      const v = law(p.params, p.tokens, measured.samples === 'run' ? p.samples : 1);
      return Number.isFinite(v) ? v : Number.NaN;
    }),
    passkRuns: buildPasskRuns(scenario, law),
  };
}
