/**
 * Iso-performance curves of Epoch's techniques (Villalobos & Atkinson 2023; laws.md §5) in (training, inference)
 * compute, as multipliers of a reference model's training compute (6ND) and inference compute per token (2N): the
 * reference is (1, 1). Scaling policy is exact from the Chinchilla law; pruning follows the report's cost multiplier;
 * MCTS and repeated sampling are smoothly broken power laws whose parameters WE calibrate so their spans at the 6:1
 * rate reproduce the report's table (the report prints the forms but not fitted values): illustrative, labelled so.
 */
import {
  EPOCH_DEFAULT_RATE,
  EPOCH_SPAN_TABLE,
  computeOptimalU,
  epochSpan,
  sbplLogPowerPart,
  smoothlyBrokenPowerLaw,
  uAtRate,
} from './epoch';
import type { SbplParams } from './epoch';
import { assertChinchillaConstants } from './chinchilla';
import { DomainError, assertPositive } from './errors';
import { paretoFront } from './pareto';
import type { ChinchillaConstants } from './constants-types';

/** Span in base-10 orders of magnitude: how far training rises (or falls) while inference falls (or rises). */
export interface Span {
  trainingSpanOOM: number;
  inferenceSpanOOM: number;
}

/** One technique's iso-performance curve relative to the reference model. */
export interface TechniqueCurve {
  id: string;
  name: string;
  /** Training compute multipliers (1 at the reference model). */
  trainingFlops: Float64Array;
  /** Inference compute multipliers per token (1 at the reference model). */
  inferenceFlops: Float64Array;
  /** The curve's extent in each axis (OOM). */
  span: Span;
  /** The marginal rate (R:1) the curve is cut at, or null when the rate does not bound it. */
  rate: number | null;
  /** True when the curve's parameters were calibrated by this app to reproduce a published span. */
  calibrated: boolean;
  /** What the curve assumes and where it comes from; shown beside it. */
  note: string;
}

function assertPoints(points: number): void {
  if (!Number.isInteger(points) || points < 2) throw new DomainError(`points must be an integer ≥ 2 (got ${points})`);
}

/** Extent of a curve in log10 space. */
export function curveSpan(trainingFlops: Float64Array, inferenceFlops: Float64Array): Span {
  let tMin = Infinity,
    tMax = -Infinity,
    iMin = Infinity,
    iMax = -Infinity;
  for (let j = 0; j < trainingFlops.length; j++) {
    const t = Math.log10(trainingFlops[j]!),
      i = Math.log10(inferenceFlops[j]!);
    tMin = Math.min(tMin, t);
    tMax = Math.max(tMax, t);
    iMin = Math.min(iMin, i);
    iMax = Math.max(iMax, i);
  }
  return { trainingSpanOOM: tMax - tMin, inferenceSpanOOM: iMax - iMin };
}

/**
 * Scaling policy (laws.md §5), exact: models on one iso-loss curve from the compute-optimal one (reference) to the
 * one where the exchange reaches `rate`:1, training compute rising as inference compute falls. The shape does not
 * depend on the loss level.
 */
export function scalingPolicyTechnique(c: ChinchillaConstants, rate = EPOCH_DEFAULT_RATE, points = 64): TechniqueCurve {
  assertChinchillaConstants(c);
  assertPoints(points);
  const logComputes = (u: number) => ({
    ic: -Math.log(u) / c.alpha,
    tc: -Math.log(u) / c.alpha - Math.log1p(-u) / c.beta,
  });
  const u0 = computeOptimalU(c);
  const u1 = uAtRate(c, rate);
  const ref = logComputes(u0);
  const trainingFlops = new Float64Array(points);
  const inferenceFlops = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const p = logComputes(u0 + ((u1 - u0) * j) / (points - 1));
    trainingFlops[j] = Math.exp(p.tc - ref.tc);
    inferenceFlops[j] = Math.exp(p.ic - ref.ic);
  }
  return {
    id: 'scaling-policy',
    name: 'Scaling policy (Chinchilla N/D choice)',
    trainingFlops,
    inferenceFlops,
    span: epochSpan(c, rate),
    rate,
    calibrated: false,
    note: 'Exact from the Chinchilla law: smaller models trained on more tokens at the same loss (laws.md §5).',
  };
}

/**
 * Pruning (laws.md §5): iterative magnitude pruning to density d at `perRound` per round costs max(1, (1 − d)/x) times
 * the training compute (the report's multiplier with fractional rounds) and d times the inference compute. Assumes
 * quality is kept down to `minDensity` (default 10 %, the report's ~1 OOM inference span): a parameter, not derived.
 * The 6:1 rate does not bound this curve. At 20 % per round the training span is 0.65 OOM (report: ~1). Under the
 * report's multiplier the first round (down to 1 − x density) costs nothing extra, so that segment is flat at 1×.
 */
export function pruningTechnique(perRound = 0.2, minDensity = 0.1, points = 64): TechniqueCurve {
  assertPoints(points);
  if (!(perRound > 0 && perRound < 1))
    throw new DomainError(`fraction pruned per round must be in (0, 1) (got ${perRound})`);
  if (!(minDensity > 0 && minDensity < 1))
    throw new DomainError(`minimum density must be in (0, 1) (got ${minDensity})`);
  // The reference, then densities from 1 − x (end of the free first round) down to minDensity, evenly in log density.
  const first = Math.max(1 - perRound, minDensity);
  const trainingFlops = new Float64Array(points);
  const inferenceFlops = new Float64Array(points);
  trainingFlops[0] = 1;
  inferenceFlops[0] = 1;
  for (let j = 1; j < points; j++) {
    const d = points === 2 ? minDensity : first * (minDensity / first) ** ((j - 1) / (points - 2));
    inferenceFlops[j] = d;
    trainingFlops[j] = Math.max(1, (1 - d) / perRound);
  }
  return {
    id: 'pruning',
    name: 'Pruning (iterative magnitude)',
    trainingFlops,
    inferenceFlops,
    span: curveSpan(trainingFlops, inferenceFlops),
    rate: null,
    calibrated: false,
    note: `Report's pruning cost multiplier at ${perRound * 100} % per round, assuming quality holds down to ${minDensity * 100} % density.`,
  };
}

/** Sharpness f of the calibrated breaks (Caballero et al.'s f); fixed, so each calibration has two unknowns. */
const CALIBRATION_SHARPNESS = 0.5;

/** −d ln y/d ln x of a smoothly broken power law: the local power-law exponent. */
export function sbplLogSlope(x: number, p: SbplParams): number {
  const y = smoothlyBrokenPowerLaw(x, p);
  let inner = p.c0;
  for (const br of p.breaks) {
    const t = (Math.log(x) - Math.log(br.d)) / br.f;
    inner += br.c / (1 + Math.exp(-t)); // c_i · z/(1 + z), z = (x/d)^(1/f)
  }
  return ((y - p.a) / y) * inner;
}

/**
 * Calibrates an illustrative trade-off y(x) = x^(−c0)·(1 + (x/d)^(1/f))^(c0·f) (a smoothly broken power law,
 * Caballero et al. 2022, with a = 0, b = 1 and one break that flattens it; f = 0.5 fixed). x is the inference multiplier,
 * y the training multiplier that keeps performance. Chooses c0 and d so that, from x = 1, the exchange reaches
 * `rate` OOM of inference per OOM of training saved exactly when `span` has been traded. NOT a published fit.
 * @throws DomainError when no member of the family reaches the span (training span too small for the inference span).
 */
export function calibrateTradeoff(span: Span, rate = EPOCH_DEFAULT_RATE): SbplParams {
  assertPositive('training span', span.trainingSpanOOM);
  assertPositive('inference span', span.inferenceSpanOOM);
  assertPositive('rate', rate);
  const f = CALIBRATION_SHARPNESS;
  const lnXR = span.inferenceSpanOOM * Math.LN10;
  // For given c0 the slope c0/(1 + z) equals 1/rate at z_R = c0·rate − 1, which fixes d from x_R.
  const build = (c0: number): SbplParams => {
    const lnD = lnXR - f * Math.log(c0 * rate - 1);
    return { a: 0, b: 1, c0, breaks: [{ c: -c0, d: Math.exp(lnD), f }] };
  };
  const saved = (c0: number) => {
    const p = build(c0); // a = 0, b = 1: ln y is the power part
    return (sbplLogPowerPart(1, p) - sbplLogPowerPart(Math.exp(lnXR), p)) / Math.LN10;
  };
  let lo = Math.log(1 / rate) + 1e-9;
  let hi = Math.log(1e3); // c0 ≤ 1000 keeps y(1) representable
  const gap = (lnC0: number) => saved(Math.exp(lnC0)) - span.trainingSpanOOM;
  if (!(gap(lo) < 0 && gap(hi) > 0)) {
    throw new DomainError(
      `no calibrated curve trades ${span.trainingSpanOOM} OOM of training for ${span.inferenceSpanOOM} OOM of inference at ${rate}:1`,
    );
  }
  for (let k = 0; k < 200 && hi - lo > 1e-14; k++) {
    const mid = 0.5 * (lo + hi);
    if (gap(mid) < 0) lo = mid;
    else hi = mid;
  }
  return build(Math.exp(0.5 * (lo + hi)));
}

/** Samples a calibrated trade-off from the reference (x = 1) to where its exchange reaches `rate`:1. */
function tradeoffCurve(
  p: SbplParams,
  span: Span,
  points: number,
): { trainingFlops: Float64Array; inferenceFlops: Float64Array } {
  const trainingFlops = new Float64Array(points);
  const inferenceFlops = new Float64Array(points);
  const lnY1 = sbplLogPowerPart(1, p);
  for (let j = 0; j < points; j++) {
    const x = 10 ** ((span.inferenceSpanOOM * j) / (points - 1));
    inferenceFlops[j] = x;
    trainingFlops[j] = Math.exp(sbplLogPowerPart(x, p) - lnY1); // a = 0, b = 1
  }
  return { trainingFlops, inferenceFlops };
}

/** Ids of the techniques whose curves are calibrated smoothly broken power laws. */
export type CalibratedTechniqueId = 'mcts' | 'repeated-sampling-cheap' | 'repeated-sampling-expensive';

/**
 * MCTS (Hex) and repeated sampling with cheap (pass@k) or expensive (10@k) verification: spending more inference
 * compute saves training compute at equal performance. Curves are smoothly broken power laws calibrated by this app
 * (calibrateTradeoff) to the report's spans at 6:1 (EPOCH_SPAN_TABLE); labelled `calibrated: true`. Scale effects of
 * the report's table (e.g. pass@k's span growing 0.75 OOM per OOM of training) are not modelled.
 */
export function calibratedTechnique(id: CalibratedTechniqueId, points = 64): TechniqueCurve {
  assertPoints(points);
  const row = EPOCH_SPAN_TABLE.rows.find((r) => r.id === id);
  if (!row || row.trainingSpanOOM === null || row.inferenceSpanOOM === null)
    throw new DomainError(`unknown technique ${id}`);
  const span = { trainingSpanOOM: row.trainingSpanOOM, inferenceSpanOOM: row.inferenceSpanOOM };
  const rate = EPOCH_SPAN_TABLE.rate;
  const params = calibrateTradeoff(span, rate);
  const curve = tradeoffCurve(params, span, points);
  return {
    id,
    name: row.technique,
    ...curve,
    span: curveSpan(curve.trainingFlops, curve.inferenceFlops),
    rate,
    calibrated: true,
    note: `Illustrative: a smoothly broken power law calibrated by this app so its span at ${rate}:1 matches the report's table (${span.trainingSpanOOM} / ${span.inferenceSpanOOM} OOM). Not the report's fitted curve.`,
  };
}

/**
 * Combines two techniques: the Pareto front, in log space, of every sum of a point of `a` with a point of `b` whose
 * log-multipliers are shrunk by (1 − overlap). With overlap 0 the effects multiply independently and the spans add;
 * overlap > 0 makes the combination sub-additive, as the report says it is in general (realistic combined spans
 * ~2–3 OOM). `overlap` is an assumption the user sets (default 0.5), not a published value.
 */
export function combineTechniques(a: TechniqueCurve, b: TechniqueCurve, overlap = 0.5): TechniqueCurve {
  if (!(overlap >= 0 && overlap < 1)) throw new DomainError(`overlap must be in [0, 1) (got ${overlap})`);
  const keep = 1 - overlap;
  const sums: [number, number][] = [];
  for (let i = 0; i < a.trainingFlops.length; i++) {
    for (let j = 0; j < b.trainingFlops.length; j++) {
      sums.push([
        Math.log10(a.trainingFlops[i]!) + keep * Math.log10(b.trainingFlops[j]!),
        Math.log10(a.inferenceFlops[i]!) + keep * Math.log10(b.inferenceFlops[j]!),
      ]);
    }
  }
  const front = paretoFront(sums, (p) => p).sort((p, q) => p[1] - q[1]);
  const trainingFlops = Float64Array.from(front, (p) => 10 ** p[0]);
  const inferenceFlops = Float64Array.from(front, (p) => 10 ** p[1]);
  return {
    id: `${a.id}+${b.id}`,
    name: `${a.name} + ${b.name}`,
    trainingFlops,
    inferenceFlops,
    span: curveSpan(trainingFlops, inferenceFlops),
    rate: a.rate === b.rate ? a.rate : null,
    calibrated: a.calibrated || b.calibrated,
    note: `Combination with overlap ${overlap} (an assumption): the second technique keeps ${Math.round(keep * 100)} % of its effect.`,
  };
}
