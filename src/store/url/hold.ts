/**
 * "Hold the budgets" (linked mode) in the shared URL (issue 13 item 8): key `hold`, declared in schema.ts's
 * TEACHING_KEYS so the scenario codec skips it and the sync keeps it. On is the default and is omitted (old links are
 * unchanged); `hold=0` turns it off, `hold=1` is accepted; any other value is dropped with a notice, like the codec's.
 */
import type { AppStore } from '../store';
import { echo } from './limits';
import type { UrlHost } from './sync';

export const HOLD_KEY = 'hold';

/** Linked mode from a query string; `issue` names a value that was dropped (then the default, on, applies). */
export function parseHold(params: URLSearchParams): { linked: boolean; issue: string | null } {
  const raw = params.get(HOLD_KEY);
  if (raw === null || raw === '1') return { linked: true, issue: null };
  if (raw === '0') return { linked: false, issue: null };
  return { linked: true, issue: `${HOLD_KEY}=${echo(raw)}: use hold=0 (budgets not held) or leave it out; ignored` };
}

/** The query string `search` with linked mode written (hold=0) or removed (the default, on). */
export function withHold(search: string, linked: boolean): string {
  const params = new URLSearchParams(search);
  if (linked) params.delete(HOLD_KEY);
  else params.set(HOLD_KEY, '0');
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** Reads `hold` on start and on back/forward, and writes it when the toggle changes; returns a stop function. */
export function startHoldSync(host: UrlHost): (store: AppStore) => () => void {
  return (store) => {
    const read = () => {
      const { linked, issue } = parseHold(new URLSearchParams(host.location.search));
      if (store.getState().linked !== linked) store.getState().setLinked(linked);
      if (issue) store.getState().addNotice({ id: 'hold', source: 'url', level: 'warning', text: 'The link had a problem; the rest was loaded.', details: [issue] });
    };
    read();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.linked === prev.linked) return;
      const search = withHold(host.location.search, s.linked);
      if (search !== host.location.search) host.history.replaceState(null, '', `${host.location.pathname}${search}${host.location.hash}`);
    });
    host.addEventListener('popstate', read);
    return () => { unsubscribe(); host.removeEventListener('popstate', read); };
  };
}
