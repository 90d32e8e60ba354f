/**
 * Fit-quality gate: from a fit's report (constants, 95 % bootstrap intervals, rows fitted per group of free constants,
 * the constants' plausible bounds, R²), the reasons not to let the fit drive the charts without the user's say-so.
 * A fit on too few rows, with a constant at a bound (E ≈ 0, an exponent at its limit) or an interval spanning many
 * decades still reproduces its own points, but its extrapolations are arbitrary. Thresholds and bounds live in
 * ../data/fit-quality-gate.json: rules of thumb of this project, not from a paper (the floor bounds follow the E
 * profile of T² App. F, Roberts et al. 2026, arXiv:2604.01411). Pure; laws.md §1–2 name the constants.
 */
import { DomainError } from '../errors';
import gate from '../data/fit-quality-gate.json';

/**
 * How a constant behaves, which decides its checks: 'floor' (E, nats: positive, below the lowest observation),
 * 'scale' (A, B, G: positive coefficients), 'exponent' (α, β, γ, dimensionless, positive), 'fraction' (θ2 in (0, 1)),
 * 'slope' (θ1: positive, accuracy falls as NLL rises) and 'free' (θ0, θ3, θ4: any sign).
 */
export type ConstantRole = 'floor' | 'scale' | 'exponent' | 'fraction' | 'slope' | 'free';

/** Plausible open range of a constant: a value at or beyond `min` or `max` is "at a bound". */
export interface ConstantBounds {
  min?: number;
  max?: number;
}

/** 95 % bootstrap interval of one constant (its 2.5th and 97.5th percentiles, same units as the constant). */
export interface GateInterval {
  p2_5: number;
  p97_5: number;
}

/** Rows available to a group of free constants, e.g. 11 rows for 7 constants, or 4 checkpoints for stage 1's 5. */
export interface GateSample {
  what: string;
  rows: number;
  freeConstants: number;
}

/** What the gate reads: one fit's report. */
export interface FitQualityInput {
  constants: Readonly<Record<string, number>>;
  /** Role of each constant (default: ../data/fit-quality-gate.json `roles`). */
  roles?: Readonly<Record<string, ConstantRole>>;
  bounds: Readonly<Record<string, ConstantBounds>>;
  /** Bootstrap intervals per constant, or null when no bootstrap ran (then no interval is checked). */
  intervals: Readonly<Record<string, GateInterval | undefined>> | null;
  /** Resamples asked for and resamples whose refit failed (when a bootstrap ran). */
  bootstrap?: { resamples: number; failures: number };
  samples: readonly GateSample[];
  /** R² of each fitted quantity (e.g. pass@k, and stage 1's task NLL). */
  goodness: ReadonlyArray<{ what: string; r2: number }>;
}

/** Thresholds of the gate (default: ../data/fit-quality-gate.json). */
export interface FitQualityLimits {
  minRowsPerConstant: number;
  /** Widest 95 % interval, in decades (log10 of p97.5/p2.5), of positive constants by role. */
  maxIntervalDecades: { floor: number; scale: number; exponent: number };
  /** Widest 95 % interval (absolute) of slope and free constants. */
  maxFreeIntervalWidth: number;
  minR2: number;
  /** Largest share of bootstrap resamples whose refit may fail. */
  maxBootstrapFailureShare: number;
}

export type FitWarningCode =
  'few-rows' | 'at-bound' | 'wide-interval' | 'missing-interval' | 'non-finite' | 'poor-r2' | 'bootstrap-failures';

/** One reason to hold a fit back, in words for a person (numbers always finite or said to be not finite). */
export interface FitWarning {
  code: FitWarningCode;
  constant?: string;
  message: string;
}

/** The shipped thresholds (../data/fit-quality-gate.json). */
export const DEFAULT_GATE_LIMITS: FitQualityLimits = {
  minRowsPerConstant: gate.minRowsPerConstant,
  maxIntervalDecades: gate.maxIntervalDecades,
  maxFreeIntervalWidth: gate.maxFreeIntervalWidth,
  minR2: gate.minR2,
  maxBootstrapFailureShare: gate.maxBootstrapFailureShare,
};

/** Default role of each constant name of laws.md §1–2 (E, A, B, G, alpha, beta, gamma, theta0…theta4). */
export const CONSTANT_ROLES: Readonly<Record<string, ConstantRole>> = gate.roles as Record<string, ConstantRole>;

const fmt = (x: number): string =>
  Number.isFinite(x) ? Number(x.toPrecision(3)).toString().replace('e+', 'e') : 'not finite';

/**
 * Plausible bounds of `names` by their default roles: E within [0.01, 1] × `minObserved` (the lowest fitted loss or
 * NLL, nats; no bound on E when it is not given), exponents within [0.02, 2.5], θ2 within [0.001, 0.999], θ1 above 0,
 * scale constants above 0. @throws DomainError when `minObserved` is given and not a positive finite number.
 */
export function defaultBounds(names: readonly string[], minObserved?: number): Record<string, ConstantBounds> {
  if (minObserved !== undefined && !(Number.isFinite(minObserved) && minObserved > 0)) {
    throw new DomainError(
      `fit-quality gate: the lowest observed value must be a positive finite number (got ${fmt(minObserved)})`,
    );
  }
  const out: Record<string, ConstantBounds> = {};
  for (const name of names) {
    const role = CONSTANT_ROLES[name] ?? 'free';
    if (role === 'floor' && minObserved !== undefined)
      out[name] = { min: gate.floorOfMinObserved[0]! * minObserved, max: gate.floorOfMinObserved[1]! * minObserved };
    else if (role === 'exponent') out[name] = { min: gate.exponentRange[0]!, max: gate.exponentRange[1]! };
    else if (role === 'fraction') out[name] = { min: gate.fractionRange[0]!, max: gate.fractionRange[1]! };
    else if (role === 'slope' || role === 'scale') out[name] = { min: 0 };
  }
  return out;
}

function boundWarning(
  name: string,
  value: number,
  b: ConstantBounds | undefined,
  role: ConstantRole,
): FitWarning | null {
  if (!b) return null;
  const low = b.min !== undefined && value <= b.min;
  const high = b.max !== undefined && value >= b.max;
  if (!low && !high) return null;
  const limit = low ? b.min! : b.max!;
  const why =
    role === 'floor' && low
      ? ' (≈ 0: the irreducible term vanished and the other terms absorb it)'
      : role === 'floor'
        ? ' (at or above the lowest observed value)'
        : role === 'slope'
          ? ' (accuracy would rise with NLL)'
          : role === 'exponent'
            ? ' (an exponent at its limit: the term is flat or a step)'
            : '';
  return {
    code: 'at-bound',
    constant: name,
    message: `${name} = ${fmt(value)} is at its ${low ? 'lower' : 'upper'} bound ${fmt(limit)}${why}.`,
  };
}

function intervalWarning(
  name: string,
  iv: GateInterval | undefined,
  role: ConstantRole,
  limits: FitQualityLimits,
): FitWarning | null {
  if (!iv || !Number.isFinite(iv.p2_5) || !Number.isFinite(iv.p97_5)) {
    return {
      code: 'missing-interval',
      constant: name,
      message: `${name} has no finite 95 % interval: the bootstrap could not bound it.`,
    };
  }
  const text = `[${fmt(iv.p2_5)}, ${fmt(iv.p97_5)}]`;
  if (role === 'floor' || role === 'scale' || role === 'exponent') {
    if (iv.p2_5 <= 0)
      return { code: 'wide-interval', constant: name, message: `${name}'s 95 % interval ${text} reaches 0.` };
    const decades = Math.log10(iv.p97_5 / iv.p2_5);
    const max = limits.maxIntervalDecades[role];
    if (decades > max)
      return {
        code: 'wide-interval',
        constant: name,
        message: `${name}'s 95 % interval ${text} spans ${fmt(decades)} decades (more than ${fmt(max)}).`,
      };
    return null;
  }
  const width = iv.p97_5 - iv.p2_5;
  if (role !== 'fraction' && !(width <= limits.maxFreeIntervalWidth)) {
    return {
      code: 'wide-interval',
      constant: name,
      message: `${name}'s 95 % interval ${text} is ${fmt(width)} wide (more than ${fmt(limits.maxFreeIntervalWidth)}).`,
    };
  }
  return null;
}

function checkInput(input: FitQualityInput, limits: FitQualityLimits): void {
  for (const s of input.samples) {
    if (!(Number.isInteger(s.rows) && s.rows >= 0 && Number.isInteger(s.freeConstants) && s.freeConstants > 0)) {
      throw new DomainError(`fit-quality gate: ${s.what} needs a whole number of rows ≥ 0 and of free constants > 0`);
    }
  }
  const values = [
    limits.minRowsPerConstant,
    limits.maxFreeIntervalWidth,
    limits.minR2,
    limits.maxBootstrapFailureShare,
    ...Object.values(limits.maxIntervalDecades),
  ];
  if (!values.every(Number.isFinite)) throw new DomainError('fit-quality gate: every limit must be a finite number');
}

/**
 * The warnings of one fit, in a fixed order: non-finite constants, too few rows per free constant, constants at a
 * bound, missing or non-finite intervals, intervals spanning many decades (or too wide, for free constants), failed
 * bootstrap refits, poor R². Empty when the fit may drive the charts as it is.
 * @throws DomainError on a malformed input (negative or fractional row counts, non-finite limits).
 */
export function fitQualityWarnings(
  input: FitQualityInput,
  limits: FitQualityLimits = DEFAULT_GATE_LIMITS,
): FitWarning[] {
  checkInput(input, limits);
  const roles = input.roles ?? CONSTANT_ROLES;
  const names = Object.keys(input.constants);
  const out: FitWarning[] = [];
  for (const name of names) {
    if (!Number.isFinite(input.constants[name]!))
      out.push({ code: 'non-finite', constant: name, message: `${name} is not a finite number.` });
  }
  for (const s of input.samples) {
    if (s.rows < limits.minRowsPerConstant * s.freeConstants) {
      out.push({
        code: 'few-rows',
        message: `${s.rows} ${s.what} for ${s.freeConstants} free constants (fewer than ${fmt(limits.minRowsPerConstant)} per constant): the data barely determine the fit.`,
      });
    }
  }
  for (const name of names) {
    const v = input.constants[name]!;
    const w = Number.isFinite(v) ? boundWarning(name, v, input.bounds[name], roles[name] ?? 'free') : null;
    if (w) out.push(w);
  }
  if (input.intervals) {
    for (const name of names) {
      const w = intervalWarning(name, input.intervals[name], roles[name] ?? 'free', limits);
      if (w) out.push(w);
    }
  }
  const b = input.bootstrap;
  if (b && b.resamples > 0 && b.failures / b.resamples > limits.maxBootstrapFailureShare) {
    out.push({
      code: 'bootstrap-failures',
      message: `${b.failures} of ${b.resamples} bootstrap refits failed (more than ${fmt(100 * limits.maxBootstrapFailureShare)} %).`,
    });
  }
  for (const g of input.goodness) {
    if (!(g.r2 >= limits.minR2))
      out.push({
        code: 'poor-r2',
        message: `R² on ${g.what} is ${fmt(g.r2)} (below ${fmt(limits.minR2)}): the law does not describe these runs well.`,
      });
  }
  return out;
}
