/**
 * Which constant set the lab compares its measurements with: the testbed's fitted T² Approach 2 set when one ships
 * (src/domain/data/t2-fitted.json through the registry; per task when the run has one task), else the user's refit on measured runs (scenario user set
 * of family 't2-2'), else none, with the reason.
 */
import type { T2Approach2Constants } from '../domain/constants-types';
import { listConstantSets, resolveT2Approach2Set, type UserConstantSet } from '../domain/registry';
import { predictAt, type PredictionSet } from './records-logic';
import { MODEL_ROLES, qualityModel } from '../domain/quality-models';
import type { LabRun } from './types';

export const NO_FITTED_SET =
  'No fitted T² set is shipped with the testbed yet: predictions appear once one ships, or after a refit on your measured runs.';

/**
 * The shipped fitted-testbed Approach 2 set for runs on `taskIds`, or null: the set fitted on that one task when the
 * run has a single task and such a set ships (its id ends with "-<task id>"), else the first one (the macro average).
 */
export function fittedTestbedSet(taskIds: readonly string[] = []): PredictionSet | null {
  const sets = listConstantSets(MODEL_ROLES.lab).filter((x) => x.kind === 'fitted-testbed');
  const only = taskIds.length === 1 ? taskIds[0] : undefined;
  const s = (only !== undefined ? sets.find((x) => x.id.endsWith(`-${only}`)) : undefined) ?? sets[0];
  if (!s) return null;
  const set = resolveT2Approach2Set(s.id);
  return { family: 't2-2', id: set.id, name: set.name, constants: set.constants };
}

/**
 * The prediction of a run on `taskIds` out of the zoo's `allTaskIds` (issue 16: the prediction of the selected tasks,
 * not always the macro set): one task → the set fitted on it; all tasks → the macro set (fitted on exactly that mean);
 * a subset of several tasks → the mean of their per-task sets' predictions (a run's pass@k is the mean over its tasks)
 * when every one of them ships; otherwise the macro set (fittedTestbedSet).
 */
export function taskFittedSet(taskIds: readonly string[], allTaskIds: readonly string[]): PredictionSet | null {
  if (taskIds.length > 1 && !allTaskIds.every((t) => taskIds.includes(t))) {
    const sets = listConstantSets(MODEL_ROLES.lab).filter((x) => x.kind === 'fitted-testbed');
    const parts = taskIds.map((t) => sets.find((x) => x.id.endsWith(`-${t}`)));
    if (parts.every((p) => p !== undefined)) {
      const resolved = parts.map((p) => resolveT2Approach2Set(p!.id));
      return {
        family: 't2-2-mean',
        id: resolved.map((r) => r.id).join('+'),
        name: `Mean of ${resolved.map((r) => r.name).join(' and ')}`,
        parts: resolved.map((r) => r.constants),
      };
    }
  }
  return fittedTestbedSet(taskIds);
}

/** The set predictions come from, by preference: the fitted testbed set for the run's tasks, then the user's Approach 2 set. */
export function predictionSet(
  user: UserConstantSet | undefined,
  taskIds: readonly string[] = [],
  allTaskIds?: readonly string[],
): PredictionSet | null {
  const fitted = allTaskIds ? taskFittedSet(taskIds, allTaskIds) : fittedTestbedSet(taskIds);
  if (fitted) return fitted;
  if (user && user.family === qualityModel(MODEL_ROLES.lab).constantFamily)
    return {
      family: 't2-2',
      id: user.set.id,
      name: user.set.name,
      constants: user.set.constants as T2Approach2Constants,
    };
  return null;
}

/** Parity points: predicted against measured pass@k for every run the set can predict. */
export function parityPoints(
  setFor: (run: LabRun) => PredictionSet | null,
  runs: readonly LabRun[],
): { id: string; label: string; predicted: number; measured: number }[] {
  return runs.flatMap((r) => {
    const set = setFor(r);
    const p = set ? predictAt(set, r) : null;
    return p && p.measured !== null
      ? [{ id: r.id, label: `${r.modelId}, k = ${r.k}`, predicted: p.predicted, measured: p.measured }]
      : [];
  });
}
