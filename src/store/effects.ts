/**
 * Side effects of the store, as subscriptions (architecture rule 5): the engine recomputes on every scenario change
 * and its answer lands in the results slice; the engine's mode becomes a notice when it falls back to the main thread.
 */
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

/** Sends every scenario revision to the engine; returns a function that stops it. */
export function connectEngine(store: AppStore, client: EngineClient): () => void {
  const run = () => {
    const { scenario, revision } = store.getState();
    const t0 = performance.now();
    client.compute(scenario).then(
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
    if (state.revision !== prev.revision) run();
  });
}
