/**
 * The "Your data" panel's state and its reducer (pure): the imported source, the worker read of it (the table view,
 * the runs and the row errors, ./read-runs.ts), the column mapping, the fit's progress, the report and the fit-quality
 * gate's warnings. A read is a job with a sequence number: only the latest job's result is taken (latest wins), and
 * an import replaces the shown data only once its read succeeds.
 */
import { DEFAULT_FIT_FAMILY } from '../domain/constant-families';
import { DEFAULT_HOLDOUT } from './holdout-logic';
import type { FitWarning } from './fit-gate';
import type { ColumnMapping } from './import-logic';
import type { ReadExtraction, TableView } from './read-runs';
import type { ReadResult } from './read-client';
import type { SavedByod } from './storage-logic';
import type { FitKind, FitReport, HoldoutRule, RunField } from './types';

export type FitStatus =
  | { status: 'idle' }
  | { status: 'running'; fraction: number; phase: string }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

/** A read in flight: a new import (mapping guessed) or a re-read of the current source with a new fit or mapping. */
export interface ReadJob {
  seq: number;
  name: string;
  text: string;
  commit: 'import' | 'remap';
  kind?: FitKind;
  mapping?: ColumnMapping;
}

export interface ByodState {
  source: { name: string; text: string } | null;
  view: TableView | null;
  extraction: ReadExtraction | null;
  reading: ReadJob | null;
  /** Where the last read ran: in the worker, or on the main thread when no worker could. */
  readMode: 'worker' | 'main-thread' | null;
  seq: number;
  importError: string | null;
  kind: FitKind;
  mapping: ColumnMapping;
  holdout: HoldoutRule;
  fit: FitStatus;
  report: FitReport | null;
  /** The fit-quality gate's warnings on `report` (a fit with any waits for "Use this fit anyway"). */
  warnings: FitWarning[];
  /** Counts "Use this fit anyway" choices, so the save effect stores the user set each one adopts. */
  adoptions: number;
  saved: 'all' | 'fit-only' | 'failed' | null;
}

export type ByodAction =
  | { type: 'import'; name: string; text: string }
  | { type: 'read-result'; seq: number; result: ReadResult }
  | { type: 'kind'; kind: FitKind }
  | { type: 'map'; field: RunField; column: string }
  | { type: 'holdout'; rule: HoldoutRule }
  | { type: 'fit'; fit: FitStatus }
  | { type: 'report'; report: FitReport; warnings: FitWarning[] }
  | { type: 'adopted' }
  | { type: 'saved'; saved: ByodState['saved'] }
  | { type: 'forget' };

export const EMPTY_MAPPING: ColumnMapping = { params: '', tokens: '', samples: '', loss: '', nll: '', passAtK: '' };

export const INITIAL_BYOD: ByodState = {
  source: null,
  view: null,
  extraction: null,
  reading: null,
  readMode: null,
  seq: 0,
  importError: null,
  kind: DEFAULT_FIT_FAMILY,
  mapping: EMPTY_MAPPING,
  holdout: DEFAULT_HOLDOUT,
  fit: { status: 'idle' },
  report: null,
  warnings: [],
  adoptions: 0,
  saved: null,
};

/** A re-read of the current source with `kind` and `mapping` (none without a source; an import in flight stays). */
function remap(s: ByodState, kind: FitKind, mapping: ColumnMapping): ByodState {
  if (!s.source || s.reading?.commit === 'import') return { ...s, kind, mapping };
  const reading: ReadJob = { seq: s.seq + 1, name: s.source.name, text: s.source.text, commit: 'remap', kind, mapping };
  return { ...s, kind, mapping, reading, seq: reading.seq };
}

export function reduceByod(s: ByodState, a: ByodAction): ByodState {
  switch (a.type) {
    case 'import': {
      const reading: ReadJob = { seq: s.seq + 1, name: a.name, text: a.text, commit: 'import' };
      return { ...s, reading, seq: reading.seq };
    }
    case 'read-result': {
      const job = s.reading;
      if (!job || job.seq !== a.seq) return s; // an older read: latest wins
      const base = { ...s, reading: null, readMode: a.result.mode };
      if (a.result.status === 'error') return { ...base, importError: a.result.message };
      const { view, extraction, kind, mapping } = a.result;
      if (job.commit === 'remap') return { ...base, view, extraction, importError: null };
      // A new data set: guessed mapping and fit; its first Fit uses all its runs (a hold-out check is chosen explicitly).
      return {
        ...base,
        source: { name: job.name, text: job.text },
        view,
        extraction,
        kind,
        mapping,
        importError: null,
        holdout: DEFAULT_HOLDOUT,
        report: null,
        warnings: [],
        fit: { status: 'idle' },
      };
    }
    case 'kind':
      return remap(s, a.kind, s.mapping);
    case 'map':
      return remap(s, s.kind, { ...s.mapping, [a.field]: a.column });
    case 'holdout':
      return { ...s, holdout: a.rule };
    case 'fit':
      return { ...s, fit: a.fit };
    case 'report':
      return { ...s, report: a.report, warnings: a.warnings, fit: { status: 'idle' } };
    case 'adopted':
      return { ...s, adoptions: s.adoptions + 1 };
    case 'saved':
      return { ...s, saved: a.saved };
    case 'forget':
      return { ...INITIAL_BYOD, seq: s.seq + 1 };
  }
}

/** The state a saved entry restores: its fit and report at once, its source re-read (in the worker) with its mapping. */
export function restoredByod(saved: SavedByod | null): ByodState {
  if (!saved) return INITIAL_BYOD;
  // An entry saved before the gate existed (no `warnings`) holds the old default hold-out (≤ 20 tokens per parameter),
  // which the user never chose: it restores as today's default, all runs.
  const oldDefault =
    saved.warnings === undefined && saved.holdout.kind === 'tokens-per-param' && saved.holdout.max === 20;
  const base: ByodState = {
    ...INITIAL_BYOD,
    kind: saved.kind,
    mapping: saved.mapping,
    holdout: oldDefault ? DEFAULT_HOLDOUT : saved.holdout,
    report: saved.report,
    warnings: saved.warnings ?? [],
  };
  if (!saved.source) return base;
  return remap({ ...base, source: saved.source }, saved.kind, saved.mapping);
}
