/**
 * The money view's controls: training and serving GPU, their prices per GPU-hour (empty = the GPU's cited preset),
 * the training MFU, the decode cost model, and whether the budget axes read in dollars. Reads and writes the store.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_UTILISATION, GPUS, ROOFLINE_DEFAULTS } from '../domain/cost/hardware';
import { costChoiceOf, priceOf } from '../domain/cost/scenario-cost';
import { useAppStore } from '../store/context';
import { parsePrice, parsePercent } from './cost-field-logic';
import { useDraftField, type DraftRead } from './useDraftField';

function TypedField({
  testId,
  label,
  shown,
  read,
  apply,
  placeholder,
}: {
  testId: string;
  label: string;
  shown: string;
  read: (t: string) => DraftRead;
  apply: (v: number) => void;
  placeholder?: string;
}) {
  const id = useId();
  const { problem, inputProps } = useDraftField(shown, read, apply);
  return (
    <div className="cost-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        data-testid={testId}
        placeholder={placeholder}
        aria-describedby={problem ? `${id}-problem` : undefined}
        {...inputProps}
      />
      {problem ? (
        <p id={`${id}-problem`} className="log-slider__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function GpuSelect({
  testId,
  label,
  value,
  onChange,
}: {
  testId: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="cost-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {GPUS.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CostControls() {
  // Only the cost fields: a move of N, D, k or a budget does not re-render the money controls (issue 17).
  const choice = useAppStore(useShallow((s) => costChoiceOf(s.scenario)));
  const costUnits = useAppStore((s) => s.scenario.costUnits);
  const setCost = useAppStore((s) => s.setCostChoice);
  const trainPrice = priceOf(choice.trainGpu, choice.trainPrice);
  const servePrice = priceOf(choice.serveGpu, choice.servePrice);
  return (
    <details className="controls__cost" data-testid="cost.controls">
      <summary>Money and hardware</summary>
      <GpuSelect
        testId="cost.train-gpu"
        label="Training GPU"
        value={choice.trainGpu}
        onChange={(trainGpu) => setCost({ trainGpu })}
      />
      <TypedField
        testId="cost.train-price"
        label="Training $ per GPU-hour"
        shown={choice.trainPrice > 0 ? String(choice.trainPrice) : ''}
        placeholder={`${trainPrice.dollarsPerGpuHour} (preset)`}
        read={parsePrice}
        apply={(trainPrice) => setCost({ trainPrice })}
      />
      <TypedField
        testId="cost.train-mfu"
        label="Training MFU (%)"
        shown={String(Math.round(choice.trainMfu * 1000) / 10)}
        read={parsePercent}
        apply={(trainMfu) => setCost({ trainMfu })}
      />
      <GpuSelect
        testId="cost.serve-gpu"
        label="Serving GPU"
        value={choice.serveGpu}
        onChange={(serveGpu) => setCost({ serveGpu })}
      />
      <TypedField
        testId="cost.serve-price"
        label="Serving $ per GPU-hour"
        shown={choice.servePrice > 0 ? String(choice.servePrice) : ''}
        placeholder={`${servePrice.dollarsPerGpuHour} (preset)`}
        read={parsePrice}
        apply={(servePrice) => setCost({ servePrice })}
      />
      <div className="cost-field">
        <label htmlFor="cost-decode">Decode cost</label>
        <select
          id="cost-decode"
          data-testid="cost.decode-model"
          value={choice.decodeModel}
          onChange={(e) => setCost({ decodeModel: e.currentTarget.value as 'roofline' | 'mfu' })}
        >
          <option value="roofline">Roofline (memory-bandwidth bound, batch {ROOFLINE_DEFAULTS.batchSize})</option>
          <option value="mfu">Fixed utilisation ({DEFAULT_UTILISATION.generation * 100} % MFU, Sardana et al.)</option>
        </select>
      </div>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="cost.units"
          checked={costUnits === 'usd'}
          onChange={(e) => setCost({ costUnits: e.currentTarget.checked ? 'usd' : 'flops' })}
        />
        <span>Budget axes in dollars</span>
      </label>
      <p className="cost-sources">
        Prices: training {trainPrice.source}; serving {servePrice.source}. MFU default:{' '}
        {DEFAULT_UTILISATION.trainingSource}. BF16 throughout; prompts of 70 and answers of 215 tokens (Sardana et al.'s
        LMSys averages); the k samples share one prefill. Not modelled: interconnect, failures and restarts, memory
        limits beyond the GPUs a replica needs, quantisation.
      </p>
    </details>
  );
}
