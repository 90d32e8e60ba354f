/**
 * Shapes shared by the public-data fits (tools/public-fits, issue 12): what one data-set module provides to the runner
 * (./run.ts) and the entry format of src/domain/data/t2-public.json (the format src/domain/t2-sets.ts reads).
 */
import type {
  ConstantIntervals,
  FittedRange,
  T2Approach1Constants,
  T2Approach2Constants,
} from '../../src/domain/constants-types';

/** One tidy table written to data/public/tidy/<file>: header first, then rows (numbers or strings). */
export interface TidyTable {
  /** File name under data/public/tidy/, e.g. "gadre-2024-rpj-c4eval-loss.csv". */
  file: string;
  /** Column names: params,tokens,samples, then the quality column (loss | nll | passk), then descriptive columns. */
  columns: string[];
  rows: (number | string)[][];
}

/** One entry of src/domain/data/t2-public.json. */
export interface PublicSetEntry {
  approach: 1 | 2;
  id: string;
  name: string;
  kind: 'fitted-public';
  source: string;
  note: string;
  range: FittedRange;
  constants: T2Approach1Constants | T2Approach2Constants;
  intervals: ConstantIntervals<T2Approach1Constants> | ConstantIntervals<T2Approach2Constants>;
}

/** What a module returns from `fit`: its shipped sets (in shipping order) and its machine-readable report. */
export interface ModuleResult {
  sets: PublicSetEntry[];
  /** Written to tools/public-fits/results/report.json under the module's id. */
  report: unknown;
}

/** Options the runner passes to every module. */
export interface RunOptions {
  /** Bootstrap resamples per set and per extrapolation split (200 when shipping). */
  resamples: number;
  /** Progress lines (the CLI prints them). */
  log: (line: string) => void;
}

/**
 * One public data set: reads its committed raw files under data/public/, makes tidy tables and (optionally) fits sets.
 * The runner (./run.ts) calls `tidy` then `fit` for each module listed in ./modules.ts, in that order.
 */
export interface PublicFitModule {
  /** Short id, e.g. "gadre-2024"; the key of its report in results/report.json. */
  id: string;
  /** Tidy tables made from the raw data (deterministic). */
  tidy(): TidyTable[];
  /** Fits; absent for a module that only makes tidy tables (e.g. Sardana et al.'s runs). */
  fit?(opts: RunOptions): ModuleResult;
}
