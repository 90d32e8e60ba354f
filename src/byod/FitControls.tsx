/** Hold-out choice (all runs by default; a hold-out check only when chosen), the Fit button, a progress bar and Cancel. */
import { useId } from 'react';
import type { FitStatus } from './useByod';
import { HOLDOUT_CHECK } from './holdout-logic';
import type { HoldoutRule } from './types';

interface Props {
  holdout: HoldoutRule;
  onHoldout: (rule: HoldoutRule) => void;
  canFit: boolean;
  fit: FitStatus;
  onFit: () => void;
  onCancel: () => void;
}

export function FitControls({ holdout, onHoldout, canFit, fit, onFit, onCancel }: Props) {
  const maxId = useId();
  const running = fit.status === 'running';
  const max = holdout.kind === 'tokens-per-param' ? holdout.max : HOLDOUT_CHECK.max;
  return (
    <div className="byod__fit">
      <fieldset className="byod__holdout">
        <legend>Fit on</legend>
        <label>
          <input
            type="radio"
            name="byod-holdout"
            data-testid="byod.holdout.all"
            checked={holdout.kind === 'none'}
            onChange={() => onHoldout({ kind: 'none' })}
          />
          all runs (default)
        </label>
        <label>
          <input
            type="radio"
            name="byod-holdout"
            data-testid="byod.holdout.tpp"
            checked={holdout.kind === 'tokens-per-param'}
            onChange={() => onHoldout({ kind: 'tokens-per-param', max })}
          />
          a hold-out check: only runs at or under
        </label>
        <input
          id={maxId}
          type="number"
          min={0.1}
          step="any"
          aria-label="Tokens per parameter limit"
          data-testid="byod.holdout.max"
          value={max}
          disabled={holdout.kind !== 'tokens-per-param'}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (v > 0) onHoldout({ kind: 'tokens-per-param', max: v });
          }}
        />
        <label htmlFor={maxId}>
          tokens per parameter; the rest are held out, predicted and their error reported (the fit then misses them)
        </label>
      </fieldset>
      <div className="byod__fit-row">
        <button
          type="button"
          className="button byod__fit-button"
          data-testid="byod.fit"
          disabled={!canFit || running}
          onClick={onFit}
        >
          Fit
        </button>
        {running ? (
          <button type="button" className="button" data-testid="byod.cancel" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {running ? (
          <>
            <progress max={1} value={fit.fraction} data-testid="byod.progress" aria-label="Fit progress" />
            <span className="byod__status">
              {fit.phase} {Math.round(100 * fit.fraction)} %
            </span>
          </>
        ) : null}
      </div>
      {fit.status === 'error' ? (
        <p className="byod__error" role="alert" data-testid="byod.fit-error">
          The fit failed: {fit.message}
        </p>
      ) : null}
      {fit.status === 'cancelled' ? (
        <p className="byod__status" data-testid="byod.cancelled">
          Fit cancelled.
        </p>
      ) : null}
    </div>
  );
}
