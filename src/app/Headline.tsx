/**
 * The headline answer (test id `app.headline`, issue 13 item 1): the first text of the main region, one or two plain
 * sentences from headline-text.ts for the result on screen, then whether it is extrapolated and the constant set it
 * comes from. Before the first result it says it is computing; when the engine failed on the current scenario it says
 * there is no answer (the error itself is shown beside the results). The detailed readouts fold beneath it
 * (ResultsView). Focusable (#answer) as a skip-link target.
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
      <section
        className="headline"
        id="answer"
        tabIndex={-1}
        data-testid="app.headline"
        aria-label="The answer"
        aria-busy={!failed}
      >
        <p className="headline__answer">
          {failed
            ? 'No answer: this scenario cannot be computed (the message below says why).'
            : 'Computing the answer for these budgets…'}
        </p>
      </section>
    );
  }
  const h = headlineText(data);
  return (
    <section
      className="headline"
      id="answer"
      tabIndex={-1}
      data-testid="app.headline"
      aria-label="The answer"
      data-extrapolated={h.extrapolated}
    >
      <p className="headline__answer">{h.answer}</p>
      <p className="headline__comparison">{h.comparison}</p>
      <p className={h.extrapolated ? 'headline__fitted headline__fitted--out' : 'headline__fitted'}>
        {h.extrapolated ? '⚠ ' : ''}
        {h.fitted}{' '}
        <span className="headline__set">
          Constants: <span title={data.set.source}>{data.set.name}</span>.
        </span>
      </p>
    </section>
  );
}

/** The headline of the drawn result, from the store ("cannot be computed" when the engine failed). */
export function AppHeadline() {
  const data = useAppStore((s) => s.data);
  const failed = useAppStore((s) => s.engineError !== null && s.resultRevision === s.revision);
  return <Headline data={data} failed={failed} />;
}
