/** The run's choices: zoo model (N, D, tasks), tasks, problems per task, samples n, k, backend. */
import type { Manifest, TaskFile } from '../inference/manifest';
import { fmtCount } from '../byod/format';
import type { BackendPreference } from './types';
import type { Selection } from './useLab';

interface Props {
  manifest: Manifest;
  tasks: TaskFile;
  selection: Selection;
  update: (s: Partial<Selection>) => void;
  disabled: boolean;
}

const powersOfTwo = (max: number) => Array.from({ length: Math.floor(Math.log2(max)) + 1 }, (_, i) => 2 ** i);

export function SelectionForm({ manifest, tasks, selection, update, disabled }: Props) {
  const maxProblems = Math.min(
    ...tasks.tasks.filter((t) => selection.taskIds.includes(t.id)).map((t) => t.problems.length),
    200,
  );
  const ns = powersOfTwo(Math.max(1, Math.min(64, manifest.evaluation.samplesPerProblem * 2)));
  const model = manifest.models.find((m) => m.id === selection.modelId);
  return (
    <div className="lab__controls">
      <label>
        Model (N params, D tokens)
        <select
          data-testid="lab.model"
          value={selection.modelId}
          disabled={disabled}
          onChange={(e) => update({ modelId: e.target.value })}
        >
          {manifest.models.map((m) => (
            <option
              key={m.id}
              value={m.id}
            >{`${m.id}: N ${fmtCount(m.params)}, D ${fmtCount(m.tokens)}, ${m.suite}`}</option>
          ))}
        </select>
      </label>
      <fieldset disabled={disabled}>
        <legend>Tasks</legend>
        {tasks.tasks.map((t) => (
          <label key={t.id} title={t.description} style={{ flexDirection: 'row', alignItems: 'center' }}>
            <input
              type="checkbox"
              data-testid={`lab.task.${t.id}`}
              checked={selection.taskIds.includes(t.id)}
              onChange={(e) => {
                const ids = e.target.checked
                  ? [...selection.taskIds, t.id]
                  : selection.taskIds.filter((x) => x !== t.id);
                if (ids.length > 0) update({ taskIds: tasks.tasks.map((x) => x.id).filter((x) => ids.includes(x)) });
              }}
            />
            {t.name}
            {model?.results[t.id] ? ` (testbed pass@1 ${(model.results[t.id]!.passAtK['1'] ?? 0).toFixed(2)})` : ''}
          </label>
        ))}
      </fieldset>
      <label>
        Problems per task
        <input
          type="number"
          data-testid="lab.problems"
          min={1}
          max={maxProblems}
          value={selection.problems}
          disabled={disabled}
          onChange={(e) =>
            update({ problems: Math.max(1, Math.min(maxProblems, Math.round(Number(e.target.value) || 1))) })
          }
        />
      </label>
      <label>
        Samples per problem n
        <select
          data-testid="lab.samples"
          value={selection.samples}
          disabled={disabled}
          onChange={(e) => {
            const n = Number(e.target.value);
            update({ samples: n, k: Math.min(selection.k, n) });
          }}
        >
          {ns.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        k (plotted at 2Nk)
        <select
          data-testid="lab.k"
          value={selection.k}
          disabled={disabled}
          onChange={(e) => update({ k: Number(e.target.value) })}
        >
          {powersOfTwo(selection.samples).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        Backend
        <select
          data-testid="lab.backendChoice"
          value={selection.backend}
          disabled={disabled}
          onChange={(e) => update({ backend: e.target.value as BackendPreference })}
        >
          <option value="auto">Automatic (WebGPU if available)</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM</option>
        </select>
      </label>
      <p className="lab__hint" style={{ flexBasis: '100%' }}>
        Temperature {manifest.evaluation.temperature} and seed {manifest.evaluation.seed} as in the testbed's
        evaluation; the n samples of a problem run as one batch with the KV cache; pass@k by the unbiased estimator (n ≥
        k).
      </p>
    </div>
  );
}
