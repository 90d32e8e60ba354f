/**
 * Which constant set the lab compares its measurements with: the testbed's fitted T² Approach 2 set when one ships
 * (src/domain/data/t2-fitted.json through the registry), else the user's refit on measured runs (scenario user set
 * of family 't2-2'), else none, with the reason.
 */
import type { T2Approach2Constants } from '../domain/constants-types';
import { listConstantSets, resolveT2Approach2Set, type UserConstantSet } from '../domain/registry';
import { predictAt, type PredictionSet } from './records-logic';
import type { LabRun } from './types';

export const NO_FITTED_SET = 'No fitted T² set is shipped with the testbed yet (src/domain/data/t2-fitted.json is empty): predictions appear once one ships, or after a refit on your measured runs.';

/** The shipped fitted-testbed Approach 2 set, or null. */
export function fittedTestbedSet(): PredictionSet | null {
  const s = listConstantSets('t2-2').find((x) => x.kind === 'fitted-testbed');
  if (!s) return null;
  const set = resolveT2Approach2Set(s.id);
  return { family: 't2-2', id: set.id, name: set.name, constants: set.constants };
}

/** The set predictions come from, by preference: fitted testbed set, then the user's Approach 2 set. */
export function predictionSet(user: UserConstantSet | undefined): PredictionSet | null {
  const fitted = fittedTestbedSet();
  if (fitted) return fitted;
  if (user && user.family === 't2-2') return { family: 't2-2', id: user.set.id, name: user.set.name, constants: user.set.constants as T2Approach2Constants };
  return null;
}

/** Parity points: predicted against measured pass@k for every run the set can predict. */
export function parityPoints(set: PredictionSet, runs: readonly LabRun[]): { id: string; label: string; predicted: number; measured: number }[] {
  return runs.flatMap((r) => {
    const p = predictAt(set, r);
    return p && p.measured !== null ? [{ id: r.id, label: `${r.modelId}, k = ${r.k}`, predicted: p.predicted, measured: p.measured }] : [];
  });
}
