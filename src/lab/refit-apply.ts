/**
 * Where the model lab hands a refit to the store: the store's `adoptUserSet`, so presenter locks hold (the fitted set
 * is stored but not switched to, and a notice says so), and the message under the refit button says what happened.
 */
import type { FitReport, Run } from '../byod/types';
import { userSetOfReport } from '../byod/user-set-of-report';
import type { AppStore } from '../store/store';
import { MODEL_ROLES } from '../domain/quality-models';

/** Makes a T² Approach 2 refit the scenario's user set (and, unless a lock holds, the charts' set); the message to show. */
export function applyRefit(store: AppStore, report: FitReport, rows: readonly Run[], checkpoints: number): string {
  const user = userSetOfReport(report, rows);
  delete user.runs; // the measured runs are drawn by the lab overlay already
  const outcome = store.getState().adoptUserSet(user, MODEL_ROLES.lab);
  const fit = `Refit on ${rows.length} points from ${checkpoints} models`;
  const quality = `R² ${report.goodness.r2.toFixed(3)} on pass@k; point estimate, no bootstrap`;
  if (outcome === 'used') return `${fit}: the charts now use "${user.set.name}" (${quality}).`;
  if (outcome === 'saved')
    return `${fit}: saved as "${user.set.name}" under Constant set (${quality}); the presenter link's locks keep the charts as they are.`;
  return `${fit} (${quality}), not stored: the presenter link's lock keeps the earlier fit.`;
}
