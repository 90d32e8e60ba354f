/**
 * The bootstrap band's compact form for shared links (section 4 of the `u` key, src/byod/user-set-logic.ts).
 *
 * A link cannot carry 200 resampled constant sets, and the band's values on one chart grid would be stale as soon as
 * the reader moves a budget. So the link carries a Gaussian summary of the resampled constants in the space where
 * they are fitted: log of every positive constant (E, A, B, α, β, G, γ, θ2), the constant itself for θ0, θ1, θ3, θ4.
 * That is the mean vector (5 significant digits) and the lower-triangular Cholesky factor of the covariance matrix
 * (3 significant digits; any such factor with a non-negative diagonal is a valid covariance, so rounding cannot make
 * it invalid). The reader regenerates the same number of draws from it with a fixed seed (same link → same band,
 * everywhere), and the charts compute the band from them exactly as from real resamples, at any budget.
 *
 *   `b<resamples>_<mean 1..d>_<L11>_<L21>_<L22>_<L31>…_<Ldd>`     (d = 5, 7 or 10 constants)
 *
 * The band is then an approximation of the sender's: the correlation between constants (A with α, B with β) is kept,
 * skew and heavy tails of the resamples are not. Bands redrawn from a link are labelled as such.
 */
import type { ConstantDraw } from '../domain/registry';
import { createRng } from '../domain/random';
import type { FitKind } from './types';
import { echo } from '../store/url/limits';
import { CONSTANT_KEYS, constantBounds } from './constant-keys';

/** Fewest resamples a band is drawn from (the charts' threshold, src/engine/fit-overlay.ts). */
export const MIN_BAND_RESAMPLES = 20;
/** Most resamples a link may ask the reader to regenerate. */
export const MAX_BAND_RESAMPLES = 5000;
/** Seed of the regenerated draws: fixed, so every reader of a link sees the same band. */
const SEED = 0x7a2b0d;

/** The summary: resamples, and mean and covariance Cholesky factor of the transformed constants. */
export interface BandSummary {
  resamples: number;
  mean: number[];
  /** Lower triangle of L (C = L·Lᵀ), row by row: L11, L21, L22, L31, … (d(d+1)/2 numbers). */
  chol: number[];
}

/** Constants fitted in log space (positive by the law); the θs other than θ2 are unbounded. */
const UNBOUNDED = new Set(['theta0', 'theta1', 'theta3', 'theta4']);

const toSpace = (key: string, v: number): number => (UNBOUNDED.has(key) ? v : Math.log(v));
const fromSpace = (key: string, z: number): number => {
  if (UNBOUNDED.has(key)) return z;
  const v = Math.exp(z);
  return key === 'theta2' ? Math.min(1, v) : v; // θ2 is a probability ceiling, at most 1 (laws.md §2)
};
/**
 * A regenerated constant, kept within the bounds a link may give it (./constant-keys.ts CONSTANT_BOUNDS): a Gaussian
 * tail draw must not hand the engine a constant it would reject in the set itself.
 */
const fromSpaceBounded = (key: string, z: number): number => {
  const [min, max] = constantBounds(key);
  return Math.min(max, Math.max(min, fromSpace(key, z)));
};

/** The summary of `draws`, or null when there are too few or a draw cannot be placed in fitted space. */
/** Mean and lower Cholesky factor (rows of a d×d matrix) of the points `zs` in fitted space. */
function meanAndFactor(zs: readonly number[][], d: number): { mean: number[]; L: number[][] } {
  const mean = Array.from({ length: d }, (_, j) => zs.reduce((s, z) => s + z[j]!, 0) / zs.length);
  const cov = (i: number, j: number) =>
    zs.reduce((s, z) => s + (z[i]! - mean[i]!) * (z[j]! - mean[j]!), 0) / (zs.length - 1);
  const L: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    const cjj = cov(j, j);
    const pivot = cjj - L[j]!.slice(0, j).reduce((s, x) => s + x * x, 0);
    // A (near-)deterministic direction: no spread along it (guards the division below).
    const negligible = cjj <= (1e-9 * Math.max(1, Math.abs(mean[j]!))) ** 2; // rounding noise of a fixed constant
    const ljj = !negligible && pivot > 1e-12 * cjj ? Math.sqrt(pivot) : 0;
    L[j]![j] = ljj;
    for (let i = j + 1; i < d; i++) {
      const s = cov(i, j) - L[i]!.slice(0, j).reduce((acc, x, k) => acc + x * L[j]![k]!, 0);
      L[i]![j] = ljj > 0 ? s / ljj : 0;
    }
  }
  return { mean, L };
}

/** Squared Mahalanobis distance of z (forward substitution through L; directions without spread skipped). */
function distance2(z: readonly number[], mean: readonly number[], L: readonly number[][]): number {
  const y: number[] = [];
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    let r = z[i]! - mean[i]!;
    for (let k = 0; k < i; k++) r -= L[i]![k]! * y[k]!;
    y.push(L[i]![i]! > 0 ? r / L[i]![i]! : 0);
    sum += y[i]! ** 2;
  }
  return sum;
}

/** The 99.9th percentile of χ² with d degrees of freedom (Wilson–Hilferty; within 1 % for d ≥ 3). */
function chi2Quantile999(d: number): number {
  const a = 2 / (9 * d);
  return d * (1 - a + 3.0902 * Math.sqrt(a)) ** 3;
}

/**
 * The summary of `draws`, or null when there are too few or a draw cannot be placed in fitted space. A resample whose
 * fit ran away (a distance beyond the 99.9th percentile of a Gaussian, at most 3 passes) is left out of the mean and
 * covariance: one such draw would widen a Gaussian band everywhere, while the percentile band it summarises barely
 * notices it. Gaussian resamples lose about 0.1 % of draws to this.
 */
export function summarizeDraws(family: FitKind, draws: readonly ConstantDraw[]): BandSummary | null {
  const keys = CONSTANT_KEYS[family];
  const d = keys.length;
  let zs = draws.map((c) => keys.map((k) => toSpace(k, c[k]!))).filter((z) => z.every(Number.isFinite));
  if (zs.length < MIN_BAND_RESAMPLES || zs.length < draws.length) return null;
  let fit = meanAndFactor(zs, d);
  for (let pass = 0; pass < 3; pass++) {
    const { mean, L } = fit;
    const kept = zs.filter((z) => distance2(z, mean, L) <= chi2Quantile999(d));
    if (kept.length === zs.length || kept.length < MIN_BAND_RESAMPLES) break;
    zs = kept;
    fit = meanAndFactor(zs, d);
  }
  const chol: number[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) chol.push(fit.L[i]![j]!);
  return { resamples: draws.length, mean: fit.mean, chol };
}

/** Shortest text of x rounded to `digits` significant digits. */
function short(x: number, digits: number): string {
  const v = Number(x.toPrecision(digits));
  if (v === 0) return '0';
  const plain = String(v).replace(/^(-?)0\./, '$1.'); // "0.012" → ".012"
  const sci = v.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/** The link text of `s` (see the module comment). */
export function encodeBandSummary(s: BandSummary): string {
  return `b${s.resamples}_${[...s.mean.map((m) => short(m, 5)), ...s.chol.map((l) => short(l, 3))].join('_')}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a band section back for `family`, validating it: the resample count, the number of values, every value
 * finite, a non-negative diagonal, and a spread that keeps every regenerated constant finite. Returns the summary or
 * the reason it was rejected.
 */
export function decodeBandSummary(
  text: string,
  family: FitKind,
): { ok: true; value: BandSummary } | { ok: false; reason: string } {
  const keys = CONSTANT_KEYS[family];
  const d = keys.length;
  const fail = (reason: string) => ({ ok: false as const, reason: `bootstrap band: ${reason}` });
  if (!text.startsWith('b')) return fail('expected "b<resamples>_…"');
  const parts = text.slice(1).split('_');
  const resamples = Number(parts[0]);
  if (!/^\d+$/.test(parts[0] ?? '') || resamples < MIN_BAND_RESAMPLES || resamples > MAX_BAND_RESAMPLES) {
    return fail(
      `resamples must be a whole number from ${MIN_BAND_RESAMPLES} to ${MAX_BAND_RESAMPLES} (got "${echo(parts[0] ?? '')}")`,
    );
  }
  const need = d + (d * (d + 1)) / 2;
  if (parts.length - 1 !== need) return fail(`expected ${need} numbers for ${d} constants, got ${parts.length - 1}`);
  const values: number[] = [];
  for (const t of parts.slice(1)) {
    if (!NUMBER.test(t) || !Number.isFinite(Number(t))) return fail(`"${echo(t)}" is not a finite number`);
    values.push(Number(t));
  }
  const mean = values.slice(0, d);
  const chol = values.slice(d);
  for (let i = 0; i < d; i++) {
    if (chol[(i * (i + 1)) / 2 + i]! < 0) return fail(`the spread of ${keys[i]} (diagonal of the factor) is negative`);
  }
  for (let i = 0; i < d; i++) {
    const [min, max] = constantBounds(keys[i]!);
    const centre = fromSpace(keys[i]!, mean[i]!);
    if (!(centre >= min && centre <= max)) return fail(`the mean of ${keys[i]} lies outside the bounds a link allows`);
    const row = (i * (i + 1)) / 2;
    const sd = Math.hypot(...chol.slice(row, row + i + 1));
    // Ten standard deviations either way must still give finite constants (exp overflows past ~709).
    for (const z of [mean[i]! - 10 * sd, mean[i]! + 10 * sd]) {
      if (!Number.isFinite(fromSpace(keys[i]!, z)) || Math.abs(z) > 700)
        return fail(`the spread of ${keys[i]} is too large`);
    }
  }
  return { ok: true, value: { resamples, mean, chol } };
}

/**
 * `s.resamples` constant sets drawn from the summary's Gaussian with a fixed seed (deterministic), each constant kept
 * within its bounds (CONSTANT_BOUNDS).
 */
export function drawsFromSummary(family: FitKind, s: BandSummary): ConstantDraw[] {
  const keys = CONSTANT_KEYS[family];
  const d = keys.length;
  const rng = createRng(SEED);
  const out: ConstantDraw[] = [];
  const e = new Array<number>(d);
  for (let r = 0; r < s.resamples; r++) {
    for (let i = 0; i < d; i++) e[i] = rng.normal();
    const c: Record<string, number> = {};
    for (let i = 0, at = 0; i < d; i++) {
      let z = s.mean[i]!;
      for (let j = 0; j <= i; j++) z += s.chol[at + j]! * e[j]!;
      at += i + 1;
      c[keys[i]!] = fromSpaceBounded(keys[i]!, z);
    }
    out.push(c);
  }
  return out;
}
