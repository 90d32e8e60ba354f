/** Selects for the quality model and the constant set (the list depends on the model). */
import { useMemo } from 'react';
import { qualityModelTable } from '../domain/quality-models';
import { listConstantSets } from '../domain/registry';
import type { QualityModel } from '../domain/scenario';
import { useAppStore } from '../store/context';
import { QUALITY_MODELS } from '../store/url/schema';
import { usePresenterControl } from '../teaching/usePresenterControl';

/** What each quality model is called in the select. */
export const QUALITY_MODEL_NAMES: Readonly<Record<QualityModel, string>> = qualityModelTable((m) => m.name);

const KIND_NAMES = {
  published: 'published',
  'fitted-public': 'fitted on public data',
  'fitted-testbed': 'fitted on the testbed',
  illustrative: 'illustrative',
  user: 'yours',
} as const;

export function ScenarioSelects() {
  const model = useAppStore((s) => s.scenario.qualityModel);
  const constantSet = useAppStore((s) => s.scenario.constantSet);
  const setQualityModel = useAppStore((s) => s.setQualityModel);
  const setConstantSet = useAppStore((s) => s.setConstantSet);
  const userSet = useAppStore((s) => s.scenario.userSet);
  const sets = useMemo(() => listConstantSets(model, userSet), [model, userSet]);
  const current = sets.find((s) => s.id === constantSet);
  const modelMode = usePresenterControl('controls.model', 'qualityModel');
  const setMode = usePresenterControl('controls.constants', 'constantSet');

  return (
    <div className="scenario-selects">
      <label className="select-field" hidden={modelMode.hidden}>
        <span>Quality model</span>
        <select
          data-testid="controls.model"
          disabled={modelMode.locked}
          value={model}
          onChange={(e) => setQualityModel(e.currentTarget.value as QualityModel)}
        >
          {QUALITY_MODELS.map((m) => (
            <option key={m} value={m}>
              {QUALITY_MODEL_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field" hidden={setMode.hidden}>
        <span>Constant set</span>
        <select
          data-testid="controls.constants"
          disabled={setMode.locked}
          value={constantSet}
          onChange={(e) => setConstantSet(e.currentTarget.value)}
        >
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({KIND_NAMES[s.kind]})
            </option>
          ))}
        </select>
      </label>
      {current && !setMode.hidden ? (
        <p className="select-field__source" data-testid="controls.constants.source">
          {current.source}
        </p>
      ) : null}
    </div>
  );
}
