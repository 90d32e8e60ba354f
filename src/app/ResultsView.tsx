/**
 * The results column: the charts from the results slice, with the detailed readouts in a fold (open by default; a
 * lesson step that points into a closed one unfolds it) right after the frontier map, so that the headline answer
 * (src/app/Headline.tsx) and the map make the first screen. They draw the scenario their data was computed for, and
 * are memoised, so moving a slider re-renders them once, when the new result lands. Marks on the container
 * let tests and the benchmark see which scenario revision is drawn (data-result-revision vs data-scenario-revision).
 */
import { memo, useEffect, useMemo } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel';
import { Readouts } from '../charts/Readouts';
import { useAppStore } from '../store/context';
import { ErrorBoundary } from './ErrorBoundary';
import { screenText } from './screen-text';
import { ComparePanel } from '../compare/ComparePanel';

const MemoReadouts = memo(Readouts);
const MemoCharts = memo(ChartsPanel);
// Reads the store itself: memoised so that a new result does not re-render it unless the comparison changed.
const MemoComparePanel = memo(ComparePanel);

let firstChartMarked = false;

export function ResultsView() {
  const data = useAppStore((s) => s.data);
  const dataScenario = useAppStore((s) => s.dataScenario);
  const scenario = useAppStore((s) => s.scenario);
  const revision = useAppStore((s) => s.revision);
  const resultRevision = useAppStore((s) => s.resultRevision);
  const engineError = useAppStore((s) => s.engineError);
  const engineMode = useAppStore((s) => s.engineMode);
  // Before the first result the charts show their pending state for the live scenario; when the engine failed on
  // the current scenario and there is nothing to draw, they say so instead of "Computing…" forever.
  const drawn = dataScenario ?? scenario;
  const failed = engineError !== null && resultRevision === revision;

  // Memoised so that the memoised charts do not redraw on every slider step (the element is one of their props).
  const readouts = useMemo(
    () => (
      <>
        <ErrorBoundary region="The comparison">
          <MemoComparePanel />
        </ErrorBoundary>
        <details className="readouts-fold" id="readouts" tabIndex={-1} data-testid="results.details" open>
          <summary>
            Detailed readouts, each with its constant set: savings, tokens per parameter, lifetime split, ranges and
            sources
          </summary>
          <ErrorBoundary region="The readouts" resetKey={data}>
            <MemoReadouts data={data} scenario={drawn} failed={failed} />
          </ErrorBoundary>
        </details>
      </>
    ),
    [data, drawn, failed],
  );

  useEffect(() => {
    if (data && !firstChartMarked) {
      firstChartMarked = true;
      performance.mark('t2:first-chart');
    }
  }, [data]);

  return (
    <div
      className="results"
      data-testid="results"
      data-scenario-revision={revision}
      data-result-revision={resultRevision}
      data-engine-mode={engineMode}
      aria-busy={resultRevision !== revision}
    >
      {failed ? (
        <p className="results__status results__error" role="alert" data-testid="results.error">
          This scenario cannot be computed: {screenText(engineError ?? '')}
        </p>
      ) : null}
      <ErrorBoundary region="The charts" resetKey={data}>
        <MemoCharts data={data} scenario={drawn} failed={failed} afterMap={readouts} />
      </ErrorBoundary>
    </div>
  );
}
