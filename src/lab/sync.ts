/** Puts measured runs on the charts: the scenario's `measured` points (the engine draws them; the URL shares them). */
import type { AppStore } from '../store/store';
import { pointOf } from './records-logic';
import type { LabRun } from './types';

export function showRunsOnCharts(
  store: AppStore,
  runs: readonly LabRun[],
  kind: 'discrete' | 'restore' = 'discrete',
): void {
  const { scenario, replaceScenario } = store.getState();
  const measured = runs.map(pointOf);
  const next = { ...scenario };
  if (measured.length > 0) next.measured = measured;
  else delete next.measured;
  replaceScenario(next, kind);
}
