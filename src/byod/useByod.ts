/**
 * State and actions of the "bring your own data" panel: the imported text, the column mapping, the fit's progress
 * and report. Feature-local React state (the store holds only what other parts use: the scenario's user set), saved
 * on this device after each change and read back on reload.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useAppStoreApi } from '../store/context';
import { applyFit } from './apply-user-set';
import { fitWarnings, type FitWarning } from './fit-gate';
import { getFitClient } from './fit-client-instance';
import type { FitHandle } from '../engine/fit-client';
import { DEFAULT_HOLDOUT } from './holdout-logic';
import { extractRuns, guessFitKind, guessMapping, readRunsText, type ColumnMapping, type ImportedTable, type RunExtraction } from './import-logic';
import { loadByod, saveByod } from './storage-logic';
import type { FitKind, FitReport, HoldoutRule, RunField } from './types';

export type FitStatus =
  | { status: 'idle' }
  | { status: 'running'; fraction: number; phase: string }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

export interface ByodState {
  source: { name: string; text: string } | null;
  imported: ImportedTable | null;
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

type Action =
  | { type: 'import'; name: string; text: string }
  | { type: 'kind'; kind: FitKind }
  | { type: 'map'; field: RunField; column: string }
  | { type: 'holdout'; rule: HoldoutRule }
  | { type: 'fit'; fit: FitStatus }
  | { type: 'report'; report: FitReport; warnings: FitWarning[] }
  | { type: 'adopted' }
  | { type: 'saved'; saved: ByodState['saved'] }
  | { type: 'forget' };

const EMPTY_MAPPING: ColumnMapping = { params: '', tokens: '', samples: '', loss: '', nll: '', passAtK: '' };

const initial: ByodState = {
  source: null, imported: null, importError: null, kind: 'chinchilla', mapping: EMPTY_MAPPING, holdout: DEFAULT_HOLDOUT,
  fit: { status: 'idle' }, report: null, warnings: [], adoptions: 0, saved: null,
};

function reduce(s: ByodState, a: Action): ByodState {
  switch (a.type) {
    case 'import': {
      try {
        const imported = readRunsText(a.text);
        const mapping = guessMapping(imported.table.header);
        // A new data set's first Fit uses all its runs; a hold-out check is chosen explicitly (FitControls).
        return { ...s, source: { name: a.name, text: a.text }, imported, importError: null, mapping, kind: guessFitKind(mapping), holdout: DEFAULT_HOLDOUT, report: null, warnings: [], fit: { status: 'idle' } };
      } catch (e) {
        return { ...s, importError: e instanceof Error ? e.message : String(e) };
      }
    }
    case 'kind': return { ...s, kind: a.kind };
    case 'map': return { ...s, mapping: { ...s.mapping, [a.field]: a.column } };
    case 'holdout': return { ...s, holdout: a.rule };
    case 'fit': return { ...s, fit: a.fit };
    case 'report': return { ...s, report: a.report, warnings: a.warnings, fit: { status: 'idle' } };
    case 'adopted': return { ...s, adoptions: s.adoptions + 1 };
    case 'saved': return { ...s, saved: a.saved };
    case 'forget': return initial;
  }
}

function restored(): ByodState {
  const saved = typeof localStorage === 'undefined' ? null : loadByod(localStorage);
  if (!saved) return initial;
  let imported: ImportedTable | null;
  try {
    imported = saved.source ? readRunsText(saved.source.text) : null;
  } catch {
    imported = null;
  }
  return { ...initial, source: saved.source, imported, kind: saved.kind, mapping: saved.mapping, holdout: saved.holdout, report: saved.report, warnings: saved.warnings ?? [] };
}

export function useByod() {
  const store = useAppStoreApi();
  const [state, dispatch] = useReducer(reduce, undefined, restored);
  const handle = useRef<FitHandle | null>(null);
  const extraction: RunExtraction | null = useMemo(
    () => (state.imported ? extractRuns(state.imported.table, state.kind, state.mapping) : null),
    [state.imported, state.kind, state.mapping],
  );

  useEffect(() => {
    if (typeof localStorage === 'undefined' || (!state.source && !state.report)) return;
    const userSet = store.getState().scenario.userSet ?? null;
    dispatch({ type: 'saved', saved: saveByod(localStorage, { version: 1, source: state.source, kind: state.kind, mapping: state.mapping, holdout: state.holdout, report: state.report, warnings: state.warnings, userSet }) });
  }, [state.source, state.kind, state.mapping, state.holdout, state.report, state.warnings, state.adoptions, store]);

  useEffect(() => () => handle.current?.cancel(), []);

  const fit = useCallback(() => {
    if (!extraction || extraction.problem || state.fit.status === 'running') return;
    const runs = extraction.runs;
    dispatch({ type: 'fit', fit: { status: 'running', fraction: 0, phase: 'starting' } });
    const h = getFitClient().fit({ kind: state.kind, runs, holdout: state.holdout, resamples: 200, seed: 1 }, (fraction, phase) => {
      if (handle.current === h) dispatch({ type: 'fit', fit: { status: 'running', fraction, phase } });
    });
    handle.current = h;
    h.result.then((o) => {
      if (handle.current !== h) return;
      handle.current = null;
      if (o.status === 'done') {
        // The fit-quality gate: a fit with warnings is shown with them and waits for "Use this fit anyway".
        const warnings = fitWarnings(o.report, runs);
        if (warnings.length === 0) applyFit(store, o.report, runs);
        dispatch({ type: 'report', report: o.report, warnings });
      } else if (o.status === 'cancelled') dispatch({ type: 'fit', fit: { status: 'cancelled' } });
      else dispatch({ type: 'fit', fit: { status: 'error', message: o.message } });
    }, (e: unknown) => {
      if (handle.current !== h) return;
      handle.current = null;
      dispatch({ type: 'fit', fit: { status: 'error', message: e instanceof Error ? e.message : String(e) } });
    });
  }, [extraction, state.fit.status, state.kind, state.holdout, store]);

  const cancel = useCallback(() => handle.current?.cancel(), []);

  /** "Use this fit anyway": the user's choice to let a fit with warnings drive the charts. */
  const useAnyway = useCallback(() => {
    if (!state.report) return;
    applyFit(store, state.report, extraction?.runs ?? []);
    dispatch({ type: 'adopted' });
  }, [state.report, extraction, store]);

  return { state, extraction, dispatch, fit, cancel, useAnyway };
}
