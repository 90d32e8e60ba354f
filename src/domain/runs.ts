/**
 * Runs and fits, shared by every layer that imports or fits data (src/byod, src/engine/fit-*.ts, src/lab): which law a
 * data set is fitted with, the fields a run may carry, one imported run, the hold-out rule and what a fit returns.
 * The per-family tables (fields, minimum rows, names) read the constant-family registry (./constant-families.ts).
 */
import type { GoodnessOfFit } from './fit/goodness';
import type { Percentiles } from './fit/bootstrap';
import type { FittedRange } from './constants-types';
import { familyTable, type ConstantFamily } from './constant-families';

/** The fit to run: Chinchilla Approach 3 on loss, T² Approach 1 on task NLL, T² Approach 2 (NLL then pass@k). */
export type FitKind = ConstantFamily;

/** A column a run can carry (counts and losses in laws.md §0 units; passAtK in [0, 1]). */
export type RunField = 'params' | 'tokens' | 'samples' | 'loss' | 'nll' | 'passAtK';

/** One imported run (one row). `line` is the row's line in a CSV file, or its 1-based index in a JSON array. */
export interface Run {
  line: number;
  params: number;
  tokens: number;
  samples?: number;
  loss?: number;
  nll?: number;
  passAtK?: number;
}

/** Fields each fit needs, in column order. */
export const FIELDS_OF: Readonly<Record<FitKind, readonly RunField[]>> = familyTable((f) => f.fields);

/** Fewest good rows each fit accepts (the domain fits' own minimums; T² Approach 2 also fits stage 1 on ≥ 5 runs). */
export const MIN_ROWS: Readonly<Record<FitKind, number>> = familyTable((f) => f.minRows);

export const FIT_KIND_NAMES: Readonly<Record<FitKind, string>> = familyTable((f) => f.fitName);

export const FIELD_NAMES: Readonly<Record<RunField, string>> = {
  params: 'Parameters N',
  tokens: 'Training tokens D',
  samples: 'Samples k',
  loss: 'Loss (nats)',
  nll: 'Task NLL (nats)',
  passAtK: 'pass@k',
};

/** Which runs the fit uses; the others are the hold-out set whose error is reported. */
export type HoldoutRule = { kind: 'none' } | { kind: 'tokens-per-param'; max: number };

/** Relative error of the fitted law on held-out rows (T² §5 style: fit on Chinchilla-like runs, predict the rest). */
export interface HoldoutReport {
  rule: HoldoutRule;
  fitted: number;
  heldOut: number;
  /** Mean |pred − obs|/|obs| over held-out rows. */
  meanRelativeError: number;
  /** Mean (pred − obs)/|obs|: positive when the law overestimates. */
  meanSignedError: number;
  maxRelativeError: number;
}

/** One residual: observed and predicted quality of a row, and whether the row was fitted or held out. */
export interface Residual {
  line: number;
  params: number;
  tokens: number;
  samples: number;
  observed: number;
  predicted: number;
  heldOut: boolean;
}

/** Everything a finished fit reports. Constants are keyed as in constants-types.ts (E, A, B, alpha, beta, …). */
export interface FitReport {
  kind: FitKind;
  constants: Record<string, number>;
  /** 95 % bootstrap intervals (and medians) of each constant, resampling whole runs. */
  intervals: Record<string, Percentiles>;
  /** Constants of each successful bootstrap resample (for uncertainty bands). */
  draws: Record<string, number>[];
  bootstrapFailures: number;
  goodness: GoodnessOfFit;
  /** What the goodness and residuals measure: "loss", "task NLL" or "pass@k". */
  observedLabel: string;
  residuals: Residual[];
  holdout: HoldoutReport | null;
  /** (N, D, k) box of the fitted rows. */
  range: FittedRange;
  /** Stage-1 (NLL) goodness for T² Approach 2. */
  stage1Goodness?: GoodnessOfFit;
  starts: number;
  converged: boolean;
  /** Milliseconds: main fit and bootstrap. */
  fitMs: number;
  bootstrapMs: number;
}
