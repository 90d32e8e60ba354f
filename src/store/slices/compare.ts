/**
 * Compare slice (issue 13, item 5): the pinned scenario A of an A/B comparison. The current scenario is B; the engine
 * summarises both with one function (src/engine/compare-point.ts) and every chart marks A beside B. `pinnedChange`
 * tells the compare URL section (src/compare/url-section.ts) whether a change came from the person ('user': one
 * history entry) or from the URL ('restore': nothing to write).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Scenario } from '../../domain/scenario';
import { lockedIn } from '../scenario-guard';
import type { AppState } from '../types';

/** The scenario fields A does not carry: the lab's measured runs and the Plan Early inputs stay with the page. */
export const NOT_PINNED: readonly (keyof Scenario)[] = ['measured', 'planEarly'];

/** `s` as A holds it: without the fields of NOT_PINNED. */
export function pinnable(s: Scenario): Scenario {
  const out = { ...s };
  for (const f of NOT_PINNED) delete out[f];
  return out;
}

export interface CompareSlice {
  /** Scenario A; null when nothing is pinned. */
  pinned: Scenario | null;
  /** A's name when a preset or lesson pinned it ("Llemma-34B with sampling, 64 samples"); null for the person's pin. */
  pinnedLabel: string | null;
  pinnedChange: 'user' | 'restore';
  /** Pins the current scenario as A (replacing an earlier A). */
  pinScenario: () => void;
  /**
   * Swaps A and B: the current scenario becomes A and A becomes the current one (one history entry). The page's own
   * lab runs and Plan Early inputs stay. Refused with a notice when a presenter lock holds a value A would change.
   */
  swapPinned: () => void;
  unpin: () => void;
  /** Sets A from a link, a preset or a lesson step: `change` 'restore' for the URL's own value, else 'user'. */
  setPinned: (pinned: Scenario | null, change: 'user' | 'restore', label?: string | null) => void;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  pinned: null,
  pinnedLabel: null,
  pinnedChange: 'restore',
  pinScenario: () => set({ pinned: pinnable(get().scenario), pinnedLabel: null, pinnedChange: 'user' }),
  swapPinned: () => {
    const { pinned, scenario, revision } = get();
    if (!pinned) return;
    const locked = lockedIn(get()).filter((f) => !NOT_PINNED.includes(f) && pinned[f] !== scenario[f]);
    if (locked.length > 0) {
      get().addNotice({
        id: 'compare',
        source: 'app',
        level: 'info',
        text: 'A and B were not swapped: the presenter locked a value that differs between them.',
        details: locked.map((f) => `locked: ${String(f)}`),
      });
      return;
    }
    const next: Scenario = { ...pinned };
    for (const f of NOT_PINNED)
      if (scenario[f] !== undefined) (next as unknown as Record<string, unknown>)[f] = scenario[f];
    // A set the person fitted stays available after the swap, even when A used a published set.
    if (!next.userSet && scenario.userSet) next.userSet = scenario.userSet;
    set({
      pinned: pinnable(scenario),
      pinnedLabel: null,
      pinnedChange: 'user',
      scenario: next,
      revision: revision + 1,
      lastChange: 'discrete',
    });
  },
  unpin: () => {
    if (get().pinned) set({ pinned: null, pinnedLabel: null, pinnedChange: 'user' });
  },
  setPinned: (pinned, change, label = null) =>
    set({ pinned: pinned ? pinnable(pinned) : null, pinnedLabel: pinned ? label : null, pinnedChange: change }),
});
