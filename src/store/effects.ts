/**
 * Side effects of the store, as subscriptions (architecture rule 5): the engine recomputes on every scenario change
 * and its answer lands in the results slice; the engine's mode becomes a notice when it falls back to the main thread.
 */
import type { Scenario } from '../domain/scenario';
import type { EngineClient, EngineMode } from '../engine/client';
import type { AppStore } from './store';

/** Says in the notice area that the engine runs on the main thread. */
export function reportEngineMode(store: AppStore, mode: EngineMode, reason?: string): void {
  store.getState().setEngineMode(mode);
  if (mode === 'main-thread') {
    store.getState().addNotice({
      id: 'engine',
      source: 'engine',
      level: 'info',
      text: 'Running on the main thread: the engine worker is unavailable, so the page may respond more slowly.',
      details: reason ? [reason] : [],
    });
  }
}

/**
 * Scenario fields no engine result depends on (the Plan Early view's inputs, read by src/papers alone): a revision that
 * changes only these is answered from the last result instead of recomputing every chart.
 */
export const VIEW_ONLY_FIELDS: readonly (keyof Scenario)[] = ['planEarly'];

/** True when `a` and `b` differ in VIEW_ONLY_FIELDS at most. */
export function differsInViewOnly(a: Scenario, b: Scenario): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Scenario)[]);
  for (const k of keys) if (!VIEW_ONLY_FIELDS.includes(k) && a[k] !== b[k]) return false;
  return true;
}

/**
 * Sends every scenario revision (and every change of the pinned scenario A) to the engine; returns a function that stops it. A revision that only changes
 * VIEW_ONLY_FIELDS, while the last result answers the revision before it, keeps that result (now answering this one).
 */
export function connectEngine(store: AppStore, client: EngineClient): () => void {
  const run = () => {
    const { scenario, revision, pinned } = store.getState();
    const t0 = performance.now();
    client.compute(scenario, { compare: pinned }).then(
      (outcome) => {
        if (outcome.status === 'stale') return;
        store.getState().setResult(outcome.data, scenario, revision, performance.now() - t0);
      },
      (err: unknown) => {
        store.getState().setEngineError(err instanceof Error ? err.message : String(err), revision);
      },
    );
  };
  run();
  return store.subscribe((state, prev) => {
    if (state.revision === prev.revision) {
      // A new pin (or none) changes the comparison the reply carries, not the charts of B: the same request again.
      if (state.pinned !== prev.pinned) run();
      return;
    }
    if (
      state.data &&
      state.dataScenario &&
      state.resultRevision === prev.revision &&
      state.engineError === null &&
      differsInViewOnly(state.dataScenario, state.scenario)
    ) {
      store.getState().setResult(state.data, state.scenario, state.revision, 0);
      return;
    }
    run();
  });
}
