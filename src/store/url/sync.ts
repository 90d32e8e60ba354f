/**
 * Keeps the URL and the store's scenario in step (architecture rule 4), as a subscription:
 * - on start, the query string is decoded into the store; what was dropped or clamped becomes a notice, and the URL
 *   is rewritten in canonical form;
 * - a discrete change (select, typed value) pushes a history entry at once, so back/forward restore scenarios;
 * - a slider drag pushes one entry when it starts and then replaces it, debounced, while it goes on;
 * - popstate (back/forward) decodes the URL into the store without writing it back.
 */
import type { AppStore } from '../store';
import { decodeScenario, encodeScenario, type ConstantSetCatalog, type DecodeIssue } from './codec';
import { HOLD_KEY, holdParam, readHold } from './hold-key';
import { FOREIGN_KEYS } from './schema';

/** The parts of `window` the sync uses (a fake in tests). */
export interface UrlHost {
  location: { pathname: string; search: string; hash: string; href: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export interface UrlSyncOptions {
  catalog: ConstantSetCatalog;
  host: UrlHost;
  /** Quiet time after which a drag's URL is written and its history entry closed (ms). */
  debounceMs?: number;
}

/**
 * The URL (path + query + hash) of the store's scenario on `host`; keys of other features (FOREIGN_KEYS, e.g.
 * presenter mode) present in the current URL are kept after the scenario's.
 */
export function scenarioUrl(store: AppStore, catalog: ConstantSetCatalog, host: Pick<UrlHost, 'location'>): string {
  const parts = [encodeScenario(store.getState().scenario, catalog)];
  const current = new URLSearchParams(host.location.search);
  const foreign = new URLSearchParams([...current].filter(([k]) => FOREIGN_KEYS.includes(k) && k !== HOLD_KEY)).toString();
  if (foreign) parts.push(foreign);
  const q = parts.filter((p) => p !== '').join('&');
  return `${host.location.pathname}${q ? `?${q}` : ''}${host.location.hash}`;
}

/**
 * The link "Copy link" shares: the scenario's URL (scenarioUrl) plus `hold=0` when the budgets are not held
 * (./hold-key.ts). The address bar itself never carries `hold`: it is read once when the app opens a link and then
 * dropped, so back and forward never switch holding on or off.
 */
export function sharedUrl(store: AppStore, catalog: ConstantSetCatalog, host: Pick<UrlHost, 'location'>): string {
  const url = scenarioUrl(store, catalog, host);
  const hold = holdParam(store.getState().linked);
  if (!hold) return url;
  const hashAt = url.indexOf('#');
  const [head, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return `${head}${head.includes('?') ? '&' : '?'}${new URLSearchParams([hold]).toString()}${hash}`;
}

function reportIssues(store: AppStore, issues: DecodeIssue[]) {
  const { addNotice, dismissNotice } = store.getState();
  if (issues.length === 0) {
    dismissNotice('url');
    return;
  }
  addNotice({
    id: 'url',
    source: 'url',
    level: 'warning',
    text: `The link had ${issues.length} problem${issues.length === 1 ? '' : 's'}; the rest of the scenario was loaded.`,
    details: issues.map((i) => i.message),
  });
}

/** Starts the sync; returns a function that stops it. */
export function startUrlSync({ catalog, host, debounceMs = 200 }: UrlSyncOptions): (store: AppStore) => () => void {
  return (store) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dragOpen = false;

    const restore = () => {
      const { scenario, issues } = decodeScenario(host.location.search, catalog);
      store.getState().replaceScenario(scenario, 'restore');
      reportIssues(store, issues);
    };

    restore();
    // "Hold the budgets" from a shared link (hold=0), read once on start; a bad value is one more problem of the link.
    const hold = readHold(host.location.search);
    if (store.getState().linked !== hold.linked) store.getState().setLinked(hold.linked);
    if (hold.issue) reportIssues(store, [...decodeScenario(host.location.search, catalog).issues, { key: HOLD_KEY, kind: 'invalid', message: hold.issue }]);
    const canonical = scenarioUrl(store, catalog, host);
    if (canonical !== `${host.location.pathname}${host.location.search}${host.location.hash}`) host.history.replaceState(null, '', canonical);

    const flushReplace = () => {
      timer = null;
      dragOpen = false;
      host.history.replaceState(null, '', scenarioUrl(store, catalog, host));
    };

    const unsubscribe = store.subscribe((state, prev) => {
      if (state.revision === prev.revision || state.lastChange === 'restore') return;
      if (state.lastChange === 'discrete') {
        if (timer) clearTimeout(timer);
        timer = null;
        dragOpen = false;
        host.history.pushState(null, '', scenarioUrl(store, catalog, host));
        return;
      }
      if (!dragOpen) {
        dragOpen = true;
        host.history.pushState(null, '', scenarioUrl(store, catalog, host));
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(flushReplace, debounceMs);
    });

    const onPop = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      dragOpen = false;
      restore();
    };
    host.addEventListener('popstate', onPop);

    return () => {
      unsubscribe();
      host.removeEventListener('popstate', onPop);
      if (timer) clearTimeout(timer);
    };
  };
}
