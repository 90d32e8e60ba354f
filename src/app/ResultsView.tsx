/**
 * The results column: readouts and charts from the results slice. Marks on the container let tests and the
 * benchmark see which scenario revision is drawn (data-result-revision vs data-scenario-revision).
 */
import { useEffect } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel';
import { Readouts } from '../charts/Readouts';
import { useAppStore } from '../store/context';
import { ErrorBoundary } from './ErrorBoundary';

let firstChartMarked = false;

export function ResultsView() {
  const data = useAppStore((s) => s.data);
  const scenario = useAppStore((s) => s.scenario);
  const revision = useAppStore((s) => s.revision);
  const resultRevision = useAppStore((s) => s.resultRevision);
  const engineError = useAppStore((s) => s.engineError);
  const engineMode = useAppStore((s) => s.engineMode);

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
      {engineError && resultRevision === revision ? (
        <p className="results__status results__error" role="alert" data-testid="results.error">
          This scenario cannot be computed: {engineError}
        </p>
      ) : null}
      <ErrorBoundary region="The readouts" resetKey={resultRevision}>
        <Readouts data={data} scenario={scenario} />
      </ErrorBoundary>
      <ErrorBoundary region="The charts" resetKey={resultRevision}>
        <ChartsPanel data={data} scenario={scenario} />
      </ErrorBoundary>
    </div>
  );
}
