/**
 * The headline answer, first in the main region (issue 13 item 1): what to train and sample at the current budgets,
 * the quality it reaches against the Chinchilla choice and the current design, whether it is extrapolated, and the
 * constant set it comes from. The detailed readouts fold beneath the charts' headline (ResultsView).
 */
import type { ExplorerData } from '../engine/explorer-data-types';
import { useAppStore } from '../store/context';
import { headlineText } from './headline-text';

interface Props {
  data: ExplorerData | null;
  failed: boolean;
}

export function Headline({ data, failed }: Props) {
  if (!data) {
    return (
      <section className="headline" id="answer" tabIndex={-1} aria-label="The answer" data-testid="app.headline" aria-busy={!failed}>
        <p className="headline__answer">{failed ? 'This scenario cannot be computed: change a value or reset.' : 'Computing the answer…'}</p>
      </section>
    );
  }
  const h = headlineText(data);
  return (
    <section className="headline" id="answer" tabIndex={-1} aria-label="The answer" data-testid="app.headline" data-extrapolated={h.extrapolated ? 'true' : undefined}>
      <p className="headline__answer">{h.answer}</p>
      {h.comparison ? <p className="headline__comparison">{h.comparison}</p> : null}
      <p className="headline__source">
        {h.extrapolated ? <span className="headline__flag" title={h.extrapolated}>⚠ Extrapolated beyond the data this set was fitted on. </span> : null}
        Constants: <span title={data.set.source}>{data.set.name}</span>.
      </p>
    </section>
  );
}

/** The headline of the drawn result, from the store (the charts' data; "cannot be computed" when the engine failed). */
export function AppHeadline() {
  const data = useAppStore((s) => s.data);
  const failed = useAppStore((s) => s.engineError !== null && s.resultRevision === s.revision);
  return <Headline data={data} failed={failed} />;
}
