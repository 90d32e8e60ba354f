/**
 * Where "Your data" hands a fitted set to the store: after a fit, and from the "use my set" button. Both go through the
 * store's `adoptUserSet`, so presenter locks hold (the set is stored but not switched to, and a notice says so).
 */
import type { UserSetOutcome } from '../store/slices/scenario';
import type { AppStore } from '../store/store';
import type { FitReport, Run } from './types';
import { modelForFamily, userSetOfReport } from './user-set-of-report';

/** Makes a finished fit the scenario's user set and, unless a lock holds, the constant set the charts use. */
export function applyFit(store: AppStore, report: FitReport, runs: readonly Run[]): UserSetOutcome {
  const userSet = userSetOfReport(report, runs);
  const { scenario, adoptUserSet } = store.getState();
  return adoptUserSet(userSet, modelForFamily(userSet.family, scenario.qualityModel));
}

/** "Use my set": switches the charts to the stored user set (null when there is none). */
export function switchToStoredSet(store: AppStore): UserSetOutcome | null {
  const { scenario, adoptUserSet } = store.getState();
  const user = scenario.userSet;
  if (!user) return null;
  return adoptUserSet(user, modelForFamily(user.family, scenario.qualityModel));
}
