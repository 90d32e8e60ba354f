/**
 * On start (after the URL sync), gives the scenario the user's saved fit: the link may carry only the constants
 * (and runs when few), so the bootstrap draws (uncertainty bands) and runs kept on this device are merged back when
 * the set ids match; with no fit in the link, the saved one becomes available in the constant-set select. Back and
 * forward restore scenarios from the URL, so the merge is repeated whenever a user set arrives without its draws.
 * Draws regenerated from a link's band summary (drawsFromLink) give way to the real resamples saved here.
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
  } else if (current.set.id === saved.set.id) {
    // Only when something changes (a restore triggers this again): real draws for none or regenerated ones, runs.
    const takeDraws = !!saved.draws && !saved.drawsFromLink && (!current.draws || !!current.drawsFromLink);
    const takeRuns = !!saved.runs && !current.runs;
    if (!takeDraws && !takeRuns) return;
    const { drawsFromLink, ...rest } = current;
    const merged = takeDraws
      ? { ...rest, draws: saved.draws! }
      : { ...rest, ...(drawsFromLink ? { drawsFromLink } : {}) };
    replaceScenario({ ...scenario, userSet: { ...merged, ...(takeRuns ? { runs: saved.runs! } : {}) } }, 'restore');
  }
}

/** Merges the saved fit now and after every restore from the URL; returns a function that stops listening. */
export function restoreUserSet(store: AppStore, storage: StorageLike | null): () => void {
  if (!storage) return () => {};
  mergeSaved(store, storage);
  return store.subscribe((state, prev) => {
    if (state.revision === prev.revision || state.lastChange !== 'restore') return;
    const u = state.scenario.userSet;
    if (u && (!u.draws || u.drawsFromLink)) mergeSaved(store, storage);
  });
}
