/**
 * Epoch AI's training–inference trade-offs (Villalobos & Atkinson 2023, "Trading Off Compute in Training and
 * Inference"; laws.md §5). Conventions: training compute TC = 6ND per model, inference compute IC = 2N per token. Spans
 * are orders of magnitude (OOM, base 10) traded while the marginal exchange is better than R:1 (default 6:1).
 */
import spans from './data/epoch-spans.json';
import { assertChinchillaConstants, chinchillaOptimumForLoss } from './chinchilla';
import { DomainError, assertPositive } from './errors';
import type { ChinchillaConstants } from './constants-types';
import type { Flops, Nats } from './units';

/** The default marginal exchange rate of the report: 6 OOM of one compute per OOM of the other. */
export const EPOCH_DEFAULT_RATE = 6;

function assertRate(rate: number): void {
  if (!Number.isFinite(rate) || rate < 0)
    throw new DomainError(`marginal rate must be a finite number ≥ 0 (got ${rate})`);
}

/** u* = β/(α + β): the share of the excess loss taken by the parameter term at the compute-optimal point (laws.md §5). */
export function computeOptimalU(c: ChinchillaConstants): number {
  return c.beta / (c.alpha + c.beta);
}

/**
 * The u (> u*) where the scaling policy's exchange rate reaches R: −d log TC/d log IC = α·u/(β(1 − u)) − 1 = R, so
 * u_R = (1 + R)β/(α + (1 + R)β). Derived from laws.md §5's marginal rate 1 − αu/(β(1 − u)).
 */
export function uAtRate(c: ChinchillaConstants, rate: number): number {
  assertRate(rate);
  return ((1 + rate) * c.beta) / (c.alpha + (1 + rate) * c.beta);
}

/** ln(e^x + e^y) without overflow. */
function logAddExp(x: number, y: number): number {
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
}

/**
 * ln u and ln(1 − u) at the point where the exchange rate reaches R, from u_R = (1 + R)β/(α + (1 + R)β) and
 * 1 − u_R = α/(α + (1 + R)β), both taken in log space, so neither 1 − u (→ 0 as R grows) nor (1 + R)β (which may
 * overflow) is ever formed: exact for any finite R ≥ 0 (R = 0 gives the compute-optimal u* = β/(α + β)).
 */
function logSharesAtRate(c: ChinchillaConstants, rate: number): { logU: number; logOneMinusU: number } {
  const logRb = Math.log1p(rate) + Math.log(c.beta); // ln((1 + R)β)
  const logDen = logAddExp(Math.log(c.alpha), logRb); // ln(α + (1 + R)β)
  return { logU: logRb - logDen, logOneMinusU: Math.log(c.alpha) - logDen };
}

/** ln TC and ln IC along the iso-loss curve, up to loss-dependent constants (laws.md §5), from ln u and ln(1 − u). */
function logComputes(
  c: ChinchillaConstants,
  s: { logU: number; logOneMinusU: number },
): { logTC: number; logIC: number } {
  const logIC = -s.logU / c.alpha;
  return { logTC: logIC - s.logOneMinusU / c.beta, logIC };
}

/**
 * The scaling-policy span (laws.md §5), exact from the Chinchilla law: moving along an iso-loss curve from the
 * compute-optimal point u* to the point u_R where the exchange reaches R:1, training compute rises by
 * `trainingSpanOOM` and inference compute per token falls by `inferenceSpanOOM` (both ≥ 0, base-10 OOM). Independent
 * of the loss level. Rounded Hoffmann constants give +1.22 / −0.81 OOM at 6:1; unrounded +1.21 / −0.80; Besiroglu
 * +0.99 / −0.68 (the report prints 1.2 / 0.7). Exact for any finite rate: u_R → 1 as R grows, so ln(1 − u_R) is
 * computed from 1 − u_R = α/(α + (1 + R)β) directly, never as log1p(−u_R); the training span grows like log10(R)/β.
 * @param rate R ≥ 0, OOM of training compute per OOM of inference compute saved (default 6).
 */
export function epochSpan(
  c: ChinchillaConstants,
  rate = EPOCH_DEFAULT_RATE,
): { trainingSpanOOM: number; inferenceSpanOOM: number } {
  assertChinchillaConstants(c);
  assertRate(rate);
  const star = logComputes(c, logSharesAtRate(c, 0));
  const end = logComputes(c, logSharesAtRate(c, rate));
  return {
    trainingSpanOOM: (end.logTC - star.logTC) / Math.LN10,
    inferenceSpanOOM: (star.logIC - end.logIC) / Math.LN10,
  };
}

/**
 * The scaling-policy trade-off at a given loss (laws.md §5): `points` models on the iso-loss curve L(N, D) = loss,
 * from the compute-optimal one (u*) to the one where the exchange reaches `maxRate`:1, evenly spaced in logit(u).
 * trainingFlops = 6ND, inferenceFlops = 2N per token (one sample), marginalRate = −d log TC/d log IC = αu/(β(1−u)) − 1
 * (OOM of training compute paid per OOM of inference compute saved; 0 at the compute-optimal point).
 * @throws DomainError when loss ≤ E, points < 2 or maxRate ≤ 0.
 */
export function scalingPolicyCurve(
  c: ChinchillaConstants,
  loss: Nats,
  points: number,
  maxRate = 100,
): { trainingFlops: Float64Array; inferenceFlops: Float64Array; marginalRate: Float64Array } {
  assertChinchillaConstants(c);
  if (!Number.isInteger(points) || points < 2) throw new DomainError(`points must be an integer ≥ 2 (got ${points})`);
  assertPositive('maximum marginal rate', maxRate);
  chinchillaOptimumForLoss(c, loss); // validates loss > E
  const excess = loss - c.E;
  const logit = (u: number) => Math.log(u / (1 - u));
  const z0 = logit(computeOptimalU(c));
  const z1 = logit(uAtRate(c, maxRate));
  const trainingFlops = new Float64Array(points);
  const inferenceFlops = new Float64Array(points);
  const marginalRate = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const z = z0 + ((z1 - z0) * i) / (points - 1);
    const u = 1 / (1 + Math.exp(-z));
    const oneMinusU = 1 / (1 + Math.exp(z));
    const n = (c.A / (u * excess)) ** (1 / c.alpha);
    const d = (c.B / (oneMinusU * excess)) ** (1 / c.beta);
    trainingFlops[i] = 6 * n * d;
    inferenceFlops[i] = 2 * n;
    marginalRate[i] = (c.alpha * u) / (c.beta * oneMinusU) - 1;
  }
  return { trainingFlops, inferenceFlops, marginalRate };
}

/**
 * Iterative magnitude pruning cost (laws.md §5): removing a fraction x of the weights per round for n rounds multiplies
 * training cost by (1 − (1 − x)^n)/x. Here n = ln(density)/ln(1 − x) is the (fractional) number of rounds that reaches
 * `density`, so the multiplier is (1 − density)/x, floored at 1 (at least one dense training run); `wholeRounds` is the
 * whole number of rounds needed. 10 % density at 20 % per round → 4.5× (10.3 rounds).
 * @param density final fraction of weights kept, in (0, 1]. @param perRound x, fraction removed per round, in (0, 1).
 */
export function pruningMultiplier(
  density: number,
  perRound: number,
): { trainingMultiplier: number; rounds: number; wholeRounds: number } {
  if (!(density > 0 && density <= 1)) throw new DomainError(`density must be in (0, 1] (got ${density})`);
  if (!(perRound > 0 && perRound < 1))
    throw new DomainError(`fraction pruned per round must be in (0, 1) (got ${perRound})`);
  const rounds = Math.max(0, Math.log(density) / Math.log1p(-perRound)); // max also turns −0 into 0
  return {
    trainingMultiplier: Math.max(1, (1 - density) / perRound),
    rounds,
    wholeRounds: Math.max(0, Math.ceil(rounds - 1e-9)),
  };
}

/** One break of a smoothly broken power law: at x ≈ d the log-slope changes by −c over a width set by f (> 0). */
export interface SbplBreak {
  c: number;
  d: number;
  f: number;
}

/** Parameters of a smoothly broken power law (Caballero et al. 2022, arXiv:2210.14891, Eq. 1). */
export interface SbplParams {
  /** Limit value a as the power-law terms vanish. */
  a: number;
  /** Scale b of the power-law part. */
  b: number;
  /** Initial power-law exponent c0 (y − a ∝ x^(−c0) for x ≪ every break). */
  c0: number;
  /** The breaks; after break i the exponent becomes c0 + c1 + … + ci. */
  breaks: readonly SbplBreak[];
}

/**
 * ln of the power-law part of a smoothly broken power law, ln[x^(−c0)·Π_i (1 + (x/d_i)^(1/f_i))^(−c_i·f_i)], computed
 * without overflow (softplus in log space). x > 0.
 */
export function sbplLogPowerPart(x: number, p: SbplParams): number {
  assertPositive('x', x);
  const lnx = Math.log(x);
  let lnTerm = -p.c0 * lnx;
  for (const br of p.breaks) {
    assertPositive('break scale d', br.d);
    assertPositive('break sharpness f', br.f);
    const t = (lnx - Math.log(br.d)) / br.f;
    const softplus = t > 30 ? t : Math.log1p(Math.exp(t)); // ln(1 + e^t)
    lnTerm -= br.c * br.f * softplus;
  }
  return lnTerm;
}

/**
 * Smoothly broken power law (Caballero et al. 2022, "Broken Neural Scaling Laws", Eq. 1; laws.md §5):
 * y = a + b·x^(−c0)·Π_i (1 + (x/d_i)^(1/f_i))^(−c_i·f_i), the product taken in log space. x > 0.
 * @throws DomainError when y is not finite (parameters far out of range).
 */
export function smoothlyBrokenPowerLaw(x: number, p: SbplParams): number {
  const y = p.a + p.b * Math.exp(sbplLogPowerPart(x, p));
  if (!Number.isFinite(y)) throw new DomainError(`smoothly broken power law is not finite at x = ${x}`);
  return y;
}

/** One row of the report's span table. Spans are null where the report gives none (chain of thought). */
export interface EpochSpanRow {
  id: string;
  technique: string;
  trainingSpanOOM: number | null;
  inferenceSpanOOM: number | null;
  /** True where the report gives "~" (pruning). */
  approximate: boolean;
  /** The report's "effect of scale" column, as text. */
  scaleEffect: string;
  /** Growth of the inference span per OOM of training compute, where the report gives one. */
  inferenceSpanPerTrainingOOM: number | null;
}

/**
 * The report's span table (laws.md §5) as cited data from ./data/epoch-spans.json: source, the rate (6:1) the spans are
 * counted at, the definition, a note on combining techniques, and one row per technique.
 */
export const EPOCH_SPAN_TABLE: Readonly<{
  source: string;
  rate: number;
  definition: string;
  combinedNote: string;
  rows: readonly EpochSpanRow[];
}> = Object.freeze({ ...spans, rows: Object.freeze(spans.rows.map((r) => Object.freeze({ ...r }))) });

/**
 * The report's rule of thumb (laws.md §5): per-inference FLOPs ≈ √(training FLOPs) for deployed models (GPT-3: 3e23
 * training, 3e11 per inference). A heuristic, not a law.
 */
export function sqrtRuleInferenceFlops(trainingFlops: Flops): Flops {
  assertPositive('training FLOPs', trainingFlops);
  return Math.sqrt(trainingFlops);
}
