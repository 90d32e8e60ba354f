/**
 * "Your data": import runs, map columns, fit in the engine worker (progress, cancel), see the constants with
 * bootstrap intervals, goodness, hold-out error, residuals and the comparison with the published sets; the fit
 * becomes the scenario's user constant set, which every chart then uses.
 */
import { useMemo } from 'react';
import { useAppStoreApi } from '../store/context';
import { switchToStoredSet } from './apply-user-set';
import './byod.css';
import { FitControls } from './FitControls';
import { FitResults } from './FitResults';
import { ImportSection } from './ImportSection';
import { MappingSection } from './MappingSection';
import { clearByod } from './storage-logic';
import { useByod } from './useByod';
import { userSetOfReport } from './user-set-of-report';

export default function ByodPanel() {
  const store = useAppStoreApi();
  const { state, extraction, dispatch, importText, fit, cancel, useAnyway } = useByod();
  const reportSetId = useMemo(() => {
    if (!state.report) return null;
    try {
      return userSetOfReport(state.report, []).set.id;
    } catch {
      return null; // a constant that is not finite: the fit cannot become a set (the gate says why)
    }
  }, [state.report]);

  const useFit = () => {
    switchToStoredSet(store);
  };
  const forget = () => {
    cancel();
    clearByod(localStorage);
    const { scenario, replaceScenario } = store.getState();
    if (scenario.userSet) {
      const { userSet: _dropped, ...rest } = scenario;
      replaceScenario(
        { ...rest, constantSet: scenario.constantSet === scenario.userSet.set.id ? '' : scenario.constantSet },
        'discrete',
      );
    }
    dispatch({ type: 'forget' });
  };

  return (
    <div className="byod" data-testid="byod.panel">
      <ImportSection onText={importText} error={state.importError} />
      {state.reading ? (
        <p className="byod__status" role="status" data-testid="byod.reading">
          Reading {state.reading.commit === 'import' ? state.reading.name : 'the runs'}…
        </p>
      ) : null}
      {state.readMode === 'main-thread' ? (
        <p className="byod__hint" data-testid="byod.read-main-thread">
          No worker could read the file: it was read on the main thread.
        </p>
      ) : null}
      {state.source ? (
        <p className="byod__status" data-testid="byod.source">
          Data: {state.source.name}
        </p>
      ) : null}
      {state.saved === 'fit-only' ? (
        <p className="byod__hint">The data set is too large to keep on this device; the fit is kept.</p>
      ) : null}
      {state.view && extraction ? (
        <>
          <MappingSection
            view={state.view}
            kind={state.kind}
            mapping={state.mapping}
            extraction={extraction}
            onKind={(kind) => dispatch({ type: 'kind', kind })}
            onMap={(field, column) => dispatch({ type: 'map', field, column })}
          />
          <FitControls
            holdout={state.holdout}
            onHoldout={(rule) => dispatch({ type: 'holdout', rule })}
            canFit={!extraction.problem && !state.reading}
            fit={state.fit}
            onFit={fit}
            onCancel={cancel}
          />
        </>
      ) : null}
      {state.report ? (
        <FitResults
          report={state.report}
          runs={extraction?.runs ?? []}
          warnings={state.warnings}
          setId={reportSetId}
          onUse={useFit}
          onUseAnyway={useAnyway}
        />
      ) : null}
      {state.source || state.report ? (
        <button type="button" className="button byod__forget" data-testid="byod.forget" onClick={forget}>
          Forget my data and fit
        </button>
      ) : null}
    </div>
  );
}
