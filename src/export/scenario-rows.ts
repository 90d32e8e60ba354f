/** The scenario as labelled rows (label, URL key, value, unit), in the URL schema's order, for CSV, JSON and captions. */
import { formatQuantity } from '../domain/quantity';
import { qualityModelTable } from '../domain/quality-models';
import type { QualityModel, Scenario } from '../domain/scenario';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import { encodeFieldValue } from '../store/url/field-codecs';

/** What each quality model is called in exports. */
export const MODEL_NAMES: Readonly<Record<QualityModel, string>> = qualityModelTable((m) => m.name);

export interface ScenarioRow {
  field: keyof Scenario;
  key: string;
  label: string;
  /** Exact value: numbers as JavaScript writes them (String(x)), which reads back to the same double. */
  value: string;
  unit: string;
}

/** One row per schema field; numbers keep full precision so a re-import gives the same scenario. */
export function scenarioRows(s: Scenario): ScenarioRow[] {
  return SCENARIO_SCHEMA.map((spec) => {
    const v = s[spec.field];
    // The user's fitted set and the lab runs are written in their URL form (the hooks src/byod and src/lab register,
    // src/store/url/field-codecs.ts); absent, the cell is empty.
    const value = v === undefined ? '' : typeof v === 'object' ? encodeFieldValue(spec, v) : String(v);
    return { field: spec.field, key: spec.key, label: spec.label, value, unit: spec.unit };
  });
}

/** The scenario in one line for a caption: model; N, D, k; budgets; tokens served. */
export function scenarioSummary(s: Scenario): string {
  const q = (x: number) => formatQuantity(x);
  const f = (x: number) => formatQuantity(x, { suffixBelow: 1e3 });
  return (
    `${MODEL_NAMES[s.qualityModel]}; N = ${q(s.params)}, D = ${q(s.tokens)}, k = ${q(s.samples)}; ` +
    `C_train = ${f(s.trainFlops)} FLOPs, C_inf = ${f(s.inferenceFlops)} FLOPs/token; T = ${q(s.tokensServed)} tokens served`
  );
}
