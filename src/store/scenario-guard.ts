/**
 * The scenario slice's guard: what may hold a scenario change. The presenter locks (src/teaching/locks.ts) are such a
 * guard; the teaching folder registers it (src/teaching/scenario-guard.ts), so the slice imports no feature folder
 * (architecture rule 13). Without a registered guard nothing is locked.
 */
import type { UserConstantSet } from '../domain/registry';
import type { QualityModel, Scenario } from '../domain/scenario';
import type { Notice } from './slices/notices';
import type { AppState } from './types';

export interface ScenarioGuard {
  /** The scenario fields locked in `state`. */
  locked(state: AppState): readonly (keyof Scenario)[];
  /** The field that holds the model change `current → wanted` under `locked`, or undefined when it may go. */
  modelHeldBy(current: Scenario, wanted: Scenario, locked: readonly (keyof Scenario)[]): keyof Scenario | undefined;
  /** The notice when `heldBy` (another field than the model) kept the model. */
  modelHeldNotice(heldBy: keyof Scenario): Notice;
  /**
   * Switching to `userSet`, shown by `model`, under `locked`: the scenario to commit, whether the set is stored, and
   * the notice to show (null when nothing was kept).
   */
  adoptUserSet(
    current: Scenario,
    userSet: UserConstantSet,
    model: QualityModel,
    locked: readonly (keyof Scenario)[],
  ): { scenario: Scenario; stored: boolean; notice: Notice | null };
}

let guard: ScenarioGuard | null = null;

/** Registers the guard (one: a second registration replaces the first). */
export function registerScenarioGuard(g: ScenarioGuard): void {
  guard = g;
}

/** The registered guard, or null. */
export function scenarioGuard(): ScenarioGuard | null {
  return guard;
}

/** The fields locked in `state` (none without a guard). */
export function lockedIn(state: AppState): readonly (keyof Scenario)[] {
  return guard?.locked(state) ?? [];
}
