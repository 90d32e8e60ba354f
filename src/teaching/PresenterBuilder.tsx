/**
 * Builds a presenter link: choose controls to hide, scenario fields to lock and whether to enlarge text; the link (the
 * current scenario plus hide=…&lock=…&big=1) is shown in a read-only field with a Copy button.
 */
import { useId, useState } from 'react';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import {
  HIDEABLE_CONTROLS,
  LOCKABLE_KEYS,
  presenterLink,
  type HideableControl,
  type PresenterOptions,
} from './presenter-logic';

const CONTROL_NAMES: Record<HideableControl, string> = {
  model: 'Quality model',
  constants: 'Constant set',
  linked: 'Hold the budgets',
  params: 'Parameters (N)',
  tokens: 'Training tokens (D)',
  samples: 'Samples per question (k)',
  'train-budget': 'Training budget',
  'inference-budget': 'Inference budget',
  'tokens-served': 'Tokens served',
  'target-quality': 'Target quality',
};

interface Props {
  /** The page's current URL (scenario included). */
  href: string;
  initial: PresenterOptions;
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

export function PresenterBuilder({ href, initial }: Props) {
  const [o, setO] = useState<PresenterOptions>(initial);
  const [copied, setCopied] = useState('');
  const linkId = useId();
  const link = presenterLink(href, o);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied');
    } catch {
      setCopied('Copy failed: select the link and copy it');
    }
  };
  return (
    <section className="presenter-builder" aria-label="Presenter link" data-testid="presenter">
      <fieldset>
        <legend>Hide controls</legend>
        {HIDEABLE_CONTROLS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              data-testid={`presenter.hide.${c}`}
              checked={o.hide.includes(c)}
              onChange={(e) => setO({ ...o, hide: toggle(o.hide, c, e.currentTarget.checked) })}
            />
            {CONTROL_NAMES[c]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Lock values</legend>
        {LOCKABLE_KEYS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              data-testid={`presenter.lock.${k}`}
              checked={o.lock.includes(k)}
              onChange={(e) => setO({ ...o, lock: toggle(o.lock, k, e.currentTarget.checked) })}
            />
            {SCENARIO_SCHEMA.find((s) => s.key === k)?.label ?? k}
          </label>
        ))}
      </fieldset>
      <label className="presenter-builder__big">
        <input
          type="checkbox"
          data-testid="presenter.big"
          checked={o.big}
          onChange={(e) => setO({ ...o, big: e.currentTarget.checked })}
        />
        Large text
      </label>{' '}
      <label htmlFor={linkId} className="presenter-builder__link-label">
        Presenter link
      </label>
      <div className="presenter-builder__link">
        <input
          id={linkId}
          type="text"
          readOnly
          value={link}
          data-testid="presenter.link"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" data-testid="presenter.copy" onClick={() => void copy()}>
          Copy
        </button>
        <a className="button" href={link} data-testid="presenter.open">
          Open
        </a>
      </div>
      <p role="status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}
