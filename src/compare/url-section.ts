/**
 * The compare folder's URL section (src/store/url/sections.ts): the `cmp` key (./cmp-key.ts), read and written by the
 * one URL writer (src/store/url/sync.ts).
 * - on start and on back/forward, `cmp` is read into the store's pinned scenario A (none without the key); what was
 *   dropped or changed is named in a notice, and the rest of the link loads as it is;
 * - pinning, swapping or unpinning asks for one history entry (a swap also moves the scenario: the writer has pushed
 *   its entry already, so the section rewrites that one instead of adding a second).
 */
import type { AppStore } from '../store/store';
import type { AppState } from '../store/types';
import { registryCatalog } from '../store/url/catalog';
import { registerUrlSection, type UrlSection } from '../store/url/sections';
import { CMP_KEY, decodeCmp, encodeCmp } from './cmp-key';

const NOTICE_ID = 'compare-link';

function read(store: AppStore, params: URLSearchParams): boolean {
  const values = params.getAll(CMP_KEY);
  const { addNotice, dismissNotice, setPinned, scenario } = store.getState();
  if (values.length === 0) {
    setPinned(null, 'restore');
    dismissNotice(NOTICE_ID);
    return false;
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
