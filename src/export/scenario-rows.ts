/** The scenario as labelled rows (label, URL key, value, unit), in the URL schema's order, for CSV, JSON and captions. */
import { encodeStrategy, type StrategyChoice } from '../domain/strategies/registry';
import { formatQuantity } from '../domain/quantity';
import type { QualityModel, Scenario } from '../domain/scenario';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import { encodeUserSet } from '../byod/user-set-logic';
import { encodeMeasured } from '../lab/url-logic';

/** What each quality model is called in exports. */
export const MODEL_NAMES: Record<QualityModel, string> = {
  't2-1': 'T² Approach 1 (task NLL with k)',
  't2-2': 'T² Approach 2 (pass@k accuracy)',
  chinchilla: 'Chinchilla loss only',
  lifetime: 'Lifetime view (Sardana et al.)',
};

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
    // The user's fitted set is written in its URL form (src/byod/user-set-logic.ts); absent, the cell is empty.
    const value = v === undefined ? '' : spec.type.kind === 'strategy' ? encodeStrategy(v as StrategyChoice) : Array.isArray(v) ? encodeMeasured(v as Scenario['measured'] & object) : typeof v === 'object' ? encodeUserSet(v as Scenario['userSet'] & object) : String(v);
    return { field: spec.field, key: spec.key, label: spec.label, value, unit: spec.unit };
  });
}

/** The scenario in one line for a caption: model; N, D, k; budgets; tokens served. */
export function scenarioSummary(s: Scenario): string {
  const q = (x: number) => formatQuantity(x);
  const f = (x: number) => formatQuantity(x, { suffixBelow: 1e3 });
  return `${MODEL_NAMES[s.qualityModel]}; N = ${q(s.params)}, D = ${q(s.tokens)}, k = ${q(s.samples)}; `
    + `C_train = ${f(s.trainFlops)} FLOPs, C_inf = ${f(s.inferenceFlops)} FLOPs/token; T = ${q(s.tokensServed)} tokens served`;
}
