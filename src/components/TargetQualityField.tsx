/**
 * The "Target quality" field: a typed target (nats for loss models, pass@k accuracy for T² Approach 2) with a clear
 * button. Invalid text gets an inline message and is not applied (same pattern as the sliders' typed fields).
 */
import { useId } from 'react';
import { useAppStore } from '../store/context';
import { rangeOf } from '../store/url/schema';
import { usePresenterControl } from '../teaching/usePresenterControl';
import { TARGET_LABEL, formatTarget, parseTarget, targetUnit } from './target-quality-logic';
import { useDraftField } from './useDraftField';

const TEST_ID = 'controls.target-quality';

export function TargetQualityField() {
  const id = useId();
  const value = useAppStore((s) => s.scenario.targetQuality);
  const model = useAppStore((s) => s.scenario.qualityModel);
  const setField = useAppStore((s) => s.setField);
  const { hidden, locked } = usePresenterControl(TEST_ID, 'targetQuality');
  const { draft, problem, reset, inputProps } = useDraftField(
    formatTarget(value, model),
    (text) => parseTarget(text, model, rangeOf('targetQuality')),
    (v) => setField('targetQuality', v, 'discrete'),
  );
  if (hidden) return null;

  const clear = () => {
    reset();
    setField('targetQuality', 0, 'discrete');
  };

  return (
    <div className="log-slider target-quality">
      <div className="log-slider__head">
        <label htmlFor={`${id}-field`}>{TARGET_LABEL}</label>
        <input
          id={`${id}-field`}
          className="log-slider__field"
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          placeholder="not set"
          aria-describedby={problem ? `${id}-problem` : `${id}-unit`}
          data-testid={TEST_ID}
          disabled={locked}
          {...inputProps}
        />
        <button
          type="button"
          className="target-quality__clear"
          data-testid={`${TEST_ID}.clear`}
          aria-label="Clear target quality"
          disabled={locked || (value === 0 && draft === null)}
          onClick={clear}
        >
          Clear
        </button>
      </div>
      <p id={`${id}-unit`} className="log-slider__hint" data-testid={`${TEST_ID}.unit`}>
        {targetUnit(model)}
      </p>
      {problem ? (
        <p id={`${id}-problem`} className="log-slider__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
