/**
 * State and actions of the "bring your own data" panel (reducer in ./byod-state.ts): the imported text, read in a
 * worker (./read-client.ts) so a large file never blocks the page, the column mapping, the fit's progress and report.
 * Feature-local React state (the store holds only what other parts use: the scenario's user set), saved on this
 * device after each change and read back on reload.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useAppStoreApi } from '../store/context';
import { applyFit } from './apply-user-set';
import { reduceByod, restoredByod } from './byod-state';
import { fitWarnings } from './fit-gate';
import { getFitClient, getReadClient } from './fit-client-instance';
import type { FitHandle } from '../engine/fit-client';
import { loadByod, saveByod } from './storage-logic';

export type { ByodState, FitStatus } from './byod-state';

function restored() {
  return restoredByod(typeof localStorage === 'undefined' ? null : loadByod(localStorage));
}

export function useByod() {
  const store = useAppStoreApi();
  const [state, dispatch] = useReducer(reduceByod, undefined, restored);
  const handle = useRef<FitHandle | null>(null);
  const extraction = state.extraction;

  // The read in flight (an import or a re-read with a new mapping) runs in the read worker; latest wins.
  useEffect(() => {
    const job = state.reading;
    if (!job) return;
    const request =
      job.commit === 'remap' ? { text: job.text, kind: job.kind, mapping: job.mapping } : { text: job.text };
    getReadClient()
      .read(request)
      .then(
        (result) => dispatch({ type: 'read-result', seq: job.seq, result }),
        (e: unknown) =>
          dispatch({
            type: 'read-result',
            seq: job.seq,
            result: { status: 'error', message: e instanceof Error ? e.message : String(e), mode: 'main-thread' },
          }),
      );
  }, [state.reading]);

  useEffect(() => {
    if (typeof localStorage === 'undefined' || (!state.source && !state.report)) return;
    const userSet = store.getState().scenario.userSet ?? null;
    dispatch({
      type: 'saved',
      saved: saveByod(localStorage, {
        version: 1,
        source: state.source,
        kind: state.kind,
        mapping: state.mapping,
        holdout: state.holdout,
        report: state.report,
        warnings: state.warnings,
        userSet,
      }),
    });
  }, [state.source, state.kind, state.mapping, state.holdout, state.report, state.warnings, state.adoptions, store]);

  useEffect(() => () => handle.current?.cancel(), []);

  const importText = useCallback((name: string, text: string) => {
    handle.current?.cancel(); // a fit of the earlier data must not land on the new data
    dispatch({ type: 'import', name, text });
  }, []);

  const fit = useCallback(() => {
    if (!extraction || extraction.problem || state.reading || state.fit.status === 'running') return;
    const runs = extraction.runs;
    dispatch({ type: 'fit', fit: { status: 'running', fraction: 0, phase: 'starting' } });
    const h = getFitClient().fit(
      { kind: state.kind, runs, holdout: state.holdout, resamples: 200, seed: 1 },
      (fraction, phase) => {
        if (handle.current === h) dispatch({ type: 'fit', fit: { status: 'running', fraction, phase } });
      },
    );
    handle.current = h;
    h.result.then(
      (o) => {
        if (handle.current !== h) return;
        handle.current = null;
        if (o.status === 'done') {
          // The fit-quality gate: a fit with warnings is shown with them and waits for "Use this fit anyway".
          const warnings = fitWarnings(o.report, runs);
          if (warnings.length === 0) applyFit(store, o.report, runs);
          dispatch({ type: 'report', report: o.report, warnings });
        } else if (o.status === 'cancelled') dispatch({ type: 'fit', fit: { status: 'cancelled' } });
        else dispatch({ type: 'fit', fit: { status: 'error', message: o.message } });
      },
      (e: unknown) => {
        if (handle.current !== h) return;
        handle.current = null;
        dispatch({ type: 'fit', fit: { status: 'error', message: e instanceof Error ? e.message : String(e) } });
      },
    );
  }, [extraction, state.reading, state.fit.status, state.kind, state.holdout, store]);

  const cancel = useCallback(() => handle.current?.cancel(), []);

  /** "Use this fit anyway": the user's choice to let a fit with warnings drive the charts. */
  const useAnyway = useCallback(() => {
    if (!state.report) return;
    applyFit(store, state.report, extraction?.runs ?? []);
    dispatch({ type: 'adopted' });
  }, [state.report, extraction, store]);

  return { state, extraction, dispatch, importText, fit, cancel, useAnyway };
}
