/**
 * The compare folder's URL section (src/store/url/sections.ts): the `cmp` key (./cmp-key.ts), read and written by the
 * one URL writer (src/store/url/sync.ts).
 * - on start and on back/forward, `cmp` is read into the store's pinned scenario A (none without the key); what was
 *   dropped or changed is named in a notice, and the rest of the link loads as it is. A hand-written preset or lesson
 *   link (no `cmp`, no scenario keys) opens that preset's second design as A, as choosing it in the app does;
 * - pinning, swapping or unpinning asks for one history entry (a swap also moves the scenario: the writer has pushed
 *   its entry already, so the section rewrites that one instead of adding a second).
 */
import type { AppStore } from '../store/store';
import type { AppState } from '../store/types';
import { registryCatalog } from '../store/url/catalog';
import { registerUrlSection, type UrlSection } from '../store/url/sections';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import { teachingSource } from '../store/teaching-source';
import type { Scenario } from '../domain/scenario';
import { CMP_KEY, decodeCmp, encodeCmp } from './cmp-key';

const NOTICE_ID = 'compare-link';

/** True when the link sets scenario values of its own (the user-owned `u` and `lab` do not count). */
function hasScenarioKeys(params: URLSearchParams): boolean {
  return SCENARIO_SCHEMA.some((s) => s.field !== 'userSet' && s.field !== 'measured' && params.has(s.key));
}

/**
 * The pin a hand-written preset or lesson link opens: when the link has no `cmp` and no scenario keys of its own, the
 * loaded preset's (or step's) second design, as choosing it in the app would pin it.
 */
function teachingPin(store: AppStore, params: URLSearchParams): { pinned: Scenario; label: string } | null {
  if (hasScenarioKeys(params)) return null;
  const { lesson, presetId, scenario } = store.getState();
  const source = teachingSource();
  const load = lesson ? source?.lessonStep(lesson.id, lesson.step) : presetId ? source?.preset(presetId) : undefined;
  return load?.pin ? { pinned: { ...scenario, ...load.pin.fields }, label: load.pin.label } : null;
}

function read(store: AppStore, params: URLSearchParams, initial: boolean): boolean {
  const values = params.getAll(CMP_KEY);
  const { addNotice, dismissNotice, setPinned, scenario } = store.getState();
  if (values.length === 0) {
    dismissNotice(NOTICE_ID);
    const pin = initial ? teachingPin(store, params) : null;
    setPinned(pin?.pinned ?? null, 'restore', pin?.label ?? null);
    return pin !== null;
  }
  const raw = values[values.length - 1]!;
  const { scenario: a, issues } = decodeCmp(raw, registryCatalog, scenario.userSet);
  if (values.length > 1) issues.unshift(`${CMP_KEY}: given ${values.length} times; the last value is used`);
  setPinned(a, 'restore');
  if (issues.length === 0) dismissNotice(NOTICE_ID);
  else
    addNotice({
      id: NOTICE_ID,
      source: 'url',
      level: 'warning',
      text: a
        ? "Part of the link's scenario A (the comparison) could not be used; the rest of A was pinned."
        : "The link's scenario A (the comparison) could not be read; nothing is pinned.",
      details: issues,
    });
  // Rewrite to the canonical form when what was read is not what A writes.
  return a ? encodeCmp(a, registryCatalog) !== raw || values.length > 1 : true;
}

function write(state: AppState): [string, string][] {
  return state.pinned ? [[CMP_KEY, encodeCmp(state.pinned, registryCatalog)]] : [];
}

export const compareUrlSection: UrlSection = {
  id: 'compare',
  noticeSource: 'url',
  readFailed: "The link's scenario A (the comparison) could not be read.",
  keys: [CMP_KEY],
  read,
  write,
  onChange: (_store, state, prev) => {
    if (state.pinned === prev.pinned || state.pinnedChange !== 'user') return null;
    return state.revision !== prev.revision ? 'replace' : 'push';
  },
};

registerUrlSection(compareUrlSection);
