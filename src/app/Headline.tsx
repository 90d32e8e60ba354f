/**
 * The headline answer (test id `app.headline`): the first text of the main region, one or two plain sentences from
 * headline-text.ts for the result on screen. Before the first result it says it is computing; when the engine failed
 * on the current scenario it says there is no answer (the error itself is shown beside the results).
 */
import { useAppStore } from '../store/context';
import { headlineText } from './headline-text';

export function Headline() {
  const data = useAppStore((s) => s.data);
  const failed = useAppStore((s) => s.engineError !== null && s.resultRevision === s.revision);
  if (!data) {
    return (
      <section className="headline" data-testid="app.headline" aria-label="The answer" aria-busy={!failed}>
        <p className="headline__answer">{failed ? 'No answer: this scenario cannot be computed (the message below says why).' : 'Computing the answer for these budgets…'}</p>
      </section>
    );
  }
  const h = headlineText(data);
  return (
    <section className="headline" data-testid="app.headline" aria-label="The answer" data-extrapolated={h.extrapolated}>
      <p className="headline__answer">{h.answer}</p>
      <p className="headline__comparison">{h.comparison}</p>
      <p className={h.extrapolated ? 'headline__fitted headline__fitted--out' : 'headline__fitted'}>
        {h.extrapolated ? '⚠ ' : ''}{h.fitted} <span className="headline__set">Constants: {data.set.name}.</span>
      </p>
    </section>
  );
}
