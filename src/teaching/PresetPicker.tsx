/**
 * Presets in one click: a button per preset, and a card for the loaded one with its summary, quoted facts, citation,
 * fixed caveat and the computed "outside the fitted range" note.
 */
import { formatQuantity } from '../domain/quantity';
import type { Scenario } from '../domain/scenario';
import { PRESETS, presetRange, type Preset } from './presets';
import { rangeCheck } from './range-note';

interface PickerProps {
  currentId: string | null;
  onSelect: (preset: Preset) => void;
}

export function PresetPicker({ currentId, onSelect }: PickerProps) {
  return (
    <nav className="preset-picker" aria-label="Presets" data-testid="presets">
      <ul>
        {PRESETS.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="preset-picker__button"
              aria-pressed={p.id === currentId}
              data-testid={`preset.${p.id}`}
              title={`${p.summary} (${p.citation}, ${p.source})`}
              onClick={() => onSelect(p)}
            >
              {p.title}
              {presetRange(p).status === 'outside' ? (
                <>
                  <span className="preset-picker__flag" aria-hidden="true">
                    {' '}
                    ⚠
                  </span>
                  <span className="sr-only"> (outside the fitted range)</span>
                </>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The loaded preset: what it is, what the paper says, where from, and whether the law extrapolates here. */
export function PresetCard({ preset, scenario }: { preset: Preset; scenario: Scenario }) {
  const range = rangeCheck(scenario);
  return (
    <section className="preset-card" aria-label={`Preset: ${preset.title}`} data-testid="preset.card">
      <h2 className="preset-card__title">{preset.title}</h2>
      <p>{preset.summary}</p>
      <ul className="preset-card__facts">
        {preset.facts.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {preset.compare ? (
        <p data-testid="preset.compare">
          Compared with: {preset.compare.label} (N = {formatQuantity(preset.compare.params)}, k ={' '}
          {formatQuantity(preset.compare.samples)}).
        </p>
      ) : null}
      {preset.note ? <p className="preset-card__note">{preset.note}</p> : null}
      {range.text ? (
        <p className="preset-card__range" role="note" data-testid="preset.range-note">
          {range.text}
        </p>
      ) : null}
      <p className="preset-card__source" data-testid="preset.source">
        Source: {preset.citation} ({sourceLink(preset.source)})
      </p>
    </section>
  );
}

function sourceLink(source: string) {
  const m = /^arXiv:(\d{4}\.\d{4,5})$/.exec(source);
  return m ? (
    <a href={`https://arxiv.org/abs/${m[1]}`} rel="noopener noreferrer" target="_blank">
      {source}
    </a>
  ) : (
    source
  );
}
