/**
 * On start (after the URL sync), gives the scenario the user's saved fit: the link may carry only the constants
 * (and runs when few), so the bootstrap draws (uncertainty bands) and runs kept on this device are merged back when
 * the set ids match; with no fit in the link, the saved one becomes available in the constant-set select. Back and
 * forward restore scenarios from the URL, so the merge is repeated whenever a user set arrives without its draws.
 */
import type { AppStore } from '../store/store';
import { loadByod, type StorageLike } from './storage-logic';

function mergeSaved(store: AppStore, storage: StorageLike): void {
  const saved = loadByod(storage)?.userSet;
  if (!saved) return;
  const { scenario, replaceScenario } = store.getState();
  const current = scenario.userSet;
  if (!current) {
    replaceScenario({ ...scenario, userSet: saved }, 'restore');
  } else if (current.set.id === saved.set.id && (!current.draws || !current.runs) && (saved.draws || saved.runs)) {
    replaceScenario({ ...scenario, userSet: { ...current, ...(saved.draws ? { draws: saved.draws } : {}), ...(saved.runs ? { runs: saved.runs } : {}) } }, 'restore');
  }
}

/** Merges the saved fit now and after every restore from the URL; returns a function that stops listening. */
export function restoreUserSet(store: AppStore, storage: StorageLike | null): () => void {
  if (!storage) return () => {};
  mergeSaved(store, storage);
  return store.subscribe((state, prev) => {
    if (state.revision === prev.revision || state.lastChange !== 'restore') return;
    const u = state.scenario.userSet;
    if (u && !u.draws) mergeSaved(store, storage);
  });
}
