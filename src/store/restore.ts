/**
 * The one way saved state comes back at start: each feature that keeps something on this device (the user's fit,
 * src/byod; the lab's runs, src/lab) registers a restorer, and the app starts them all once, after the URL sync has
 * read the link (src/main.tsx). A restorer that fails (storage blocked, no IndexedDB) is skipped: what the link
 * carries still applies.
 */
import type { AppStore } from './store';

export interface Restorer {
  /** Who registered it (for messages). */
  id: string;
  /** Puts the saved state into `store`; may return a function that stops listening. */
  start(store: AppStore): (() => void) | void;
}

const restorers: Restorer[] = [];

/** Registers `r` (one per id: a second registration replaces the first). */
export function registerRestorer(r: Restorer): void {
  const i = restorers.findIndex((x) => x.id === r.id);
  if (i >= 0) restorers[i] = r;
  else restorers.push(r);
}

/** Starts every registered restorer, in registration order; returns a function that stops them. */
export function startRestorers(store: AppStore): () => void {
  const stops: (() => void)[] = [];
  for (const r of restorers) {
    try {
      const stop = r.start(store);
      if (stop) stops.push(stop);
    } catch {
      // storage blocked: the link's state still applies
    }
  }
  return () => stops.forEach((s) => s());
}
