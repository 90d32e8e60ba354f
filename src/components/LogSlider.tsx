/**
 * A log-scale slider with a typed numeric field beside it. The slider's accessible name is exactly `label`; the field
 * is "`label` value". Arrows move a small log step, PageUp/PageDown a decade, Home/End the bounds. Drags and keys
 * report 'continuous' changes; a typed value reports a 'discrete' one (it makes a history entry).
 */
import { useId, type KeyboardEvent } from 'react';
import { useDraftField } from './useDraftField';
import {
  formatSliderValue,
  fromPosition,
  keyAction,
  parseTypedValue,
  toPosition,
  type LogRange,
} from './log-slider-logic';

export interface LogSliderProps {
  /** Dotted test id of the slider, e.g. "controls.params"; the field gets "<testId>.value". */
  testId: string;
  label: string;
  value: number;
  range: LogRange;
  /** Short unit shown after the value (e.g. "FLOPs"). */
  unit?: string;
  /** Extra text under the control (e.g. "held by the training budget"). */
  hint?: string;
  /** A warning under the control (e.g. linked mode could not hold a budget); its test id is "<testId>.warning". */
  warning?: string;
  onChange: (value: number, kind: 'continuous' | 'discrete') => void;
  /** Locked (presenter mode): shown but not editable. */
  disabled?: boolean;
  /**
   * Reads other ways of typing the value (a budget in dollars or GPU-hours): a value with a note, an error, or null
   * when the text is not of that kind (then it is read as a number).
   */
  parseAlternative?: (
    text: string,
  ) => { ok: true; value: number; note: string } | { ok: false; message: string } | null;
}

export function LogSlider({
  testId,
  label,
  value,
  range,
  unit,
  hint,
  warning,
  onChange,
  disabled = false,
  parseAlternative,
}: LogSliderProps) {
  const id = useId();
  const shown = formatSliderValue(value);
  const { problem, inputProps } = useDraftField(
    shown,
    (text) => {
      const alt = parseAlternative?.(text) ?? null;
      if (alt && !alt.ok) return alt;
      if (alt) {
        const v = Math.min(range.max, Math.max(range.min, alt.value));
        const kept =
          v !== alt.value ? `; kept within ${formatSliderValue(range.min)}–${formatSliderValue(range.max)}` : '';
        return {
          ok: true,
          value: v,
          note: `${label}: ${alt.note} = ${formatSliderValue(v)} ${unit ?? ''}${kept}`.trim(),
        };
      }
      const read = parseTypedValue(text, range, label);
      if (!read.ok) return read;
      const note = read.clamped
        ? `${label}: kept within ${formatSliderValue(range.min)}–${formatSliderValue(range.max)}`
        : null;
      return { ok: true, value: read.value, note };
    },
    (v) => onChange(v, 'discrete'),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next = keyAction(e.key, value, range);
    if (next === null) return;
    e.preventDefault();
    if (next !== value) onChange(next, 'continuous');
  };

  return (
    <div className="log-slider">
      <div className="log-slider__head">
        <label htmlFor={`${id}-range`}>{label}</label>
        <input
          className="log-slider__field"
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          aria-label={`${label} value`}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid={`${testId}.value`}
          disabled={disabled}
          {...inputProps}
        />
        {unit ? <span className="log-slider__unit">{unit.replace('/', '/\u200b')}</span> : null}
      </div>
      <input
        id={`${id}-range`}
        className="log-slider__range"
        type="range"
        min={Math.log10(range.min)}
        max={Math.log10(range.max)}
        step="any"
        value={toPosition(value, range)}
        aria-valuetext={`${shown}${unit ? ` ${unit}` : ''}`}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const next = fromPosition(Number(e.currentTarget.value), range);
          if (next !== value) onChange(next, 'continuous');
        }}
        onKeyDown={onKeyDown}
      />
      {problem ? (
        <p id={`${id}-problem`} className="log-slider__problem" role="alert">
          {problem}
        </p>
      ) : null}
      {hint ? <p className="log-slider__hint">{hint}</p> : null}
      {warning ? (
        <p className="log-slider__warning" role="status" data-testid={`${testId}.warning`}>
          ⚠ {warning}
        </p>
      ) : null}
    </div>
  );
}
