/**
 * The one writer of the URL: keeps the address bar and the store in step (architecture rules 4 and 13), as
 * subscriptions. Nothing else calls `history`: features keep their own keys through registered sections
 * (./sections.ts; the teaching folder's preset, lesson and step).
 * - on start, the query string is decoded into the store; what was dropped or clamped becomes a notice; then the saved
 *   state comes back (`afterLinkRead`), the sections read their keys, and the URL is rewritten in canonical form;
 * - a discrete change (select, typed value) pushes a history entry at once, so back/forward restore scenarios;
 * - a slider drag pushes one entry when it starts and then replaces it, debounced, while it goes on;
 * - a section's change (a preset or lesson step chosen) pushes or replaces as the section says;
 * - popstate (back/forward) decodes the URL into the store and the sections without writing it back (unless a section
 *   loaded a scenario of its own).
 */
import type { AppStore } from '../store';
import { decodeScenario, encodeScenario, type ConstantSetCatalog, type DecodeIssue } from './codec';
import { HOLD_KEY, holdParam, readHold } from './hold-key';
import { FOREIGN_KEYS } from './schema';
import { urlSections, type UrlSection, type UrlWrite } from './sections';

/** The parts of `window` the sync uses (a fake in tests). */
export interface UrlHost {
  location: { pathname: string; search: string; hash: string; href: string };
  history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export interface UrlSyncOptions {
  catalog: ConstantSetCatalog;
  host: UrlHost;
  /** Quiet time after which a drag's URL is written and its history entry closed (ms). */
  debounceMs?: number;
  /** Run once on start after the link's scenario is in and before the sections read theirs (the app's restorers). */
  afterLinkRead?: (store: AppStore) => void;
  /** The sections to keep in step (default: the registered ones, ./sections.ts). */
  sections?: readonly UrlSection[];
}

/**
 * The URL (path + query + hash) of the store's state on `host`: the scenario's keys, then the keys of other features
 * (FOREIGN_KEYS, e.g. presenter mode) present in the current URL, in their order, with each section's keys written
 * afresh at the end (the sections' own order).
 */
export function scenarioUrl(
  store: AppStore,
  catalog: ConstantSetCatalog,
  host: Pick<UrlHost, 'location'>,
  sections: readonly UrlSection[] = urlSections(),
): string {
  const current = new URLSearchParams(host.location.search);
  for (const s of sections) for (const k of s.keys) current.delete(k);
  for (const s of sections) for (const [k, v] of s.write(store.getState())) current.set(k, v);
  const parts = [encodeScenario(store.getState().scenario, catalog)];
  const foreign = new URLSearchParams(
    [...current].filter(([k]) => FOREIGN_KEYS.includes(k) && k !== HOLD_KEY),
  ).toString();
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
export function startUrlSync({
  catalog,
  host,
  debounceMs = 200,
  afterLinkRead,
  sections = urlSections(),
}: UrlSyncOptions): (store: AppStore) => () => void {
  return (store) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dragOpen = false;
    /** True while the sections read the URL: their store updates are the URL's, nothing to write. */
    let reading = false;

    const url = () => scenarioUrl(store, catalog, host, sections);
    const here = () => `${host.location.pathname}${host.location.search}${host.location.hash}`;
    const write = (how: Exclude<UrlWrite, null>) => {
      if (how === 'push') host.history.pushState(null, '', url());
      else host.history.replaceState(null, '', url());
    };
    const closeDrag = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      dragOpen = false;
    };

    const restore = () => {
      const { scenario, issues } = decodeScenario(host.location.search, catalog);
      store.getState().replaceScenario(scenario, 'restore');
      reportIssues(store, issues);
    };
    /** Each section reads its keys; true when one wants the URL rewritten. */
    const readSections = (initial: boolean) => {
      reading = true;
      try {
        let rewrite = false;
        for (const s of sections) {
          try {
            rewrite = s.read(store, new URLSearchParams(host.location.search), initial) || rewrite;
          } catch (e) {
            store.getState().addNotice({
              id: s.id,
              source: s.noticeSource,
              level: 'error',
              text: s.readFailed,
              details: [String(e)],
            });
          }
        }
        return rewrite;
      } finally {
        reading = false;
      }
    };

    restore();
    // "Hold the budgets" from a shared link (hold=0), read once on start; a bad value is one more problem of the link.
    const hold = readHold(host.location.search);
    if (store.getState().linked !== hold.linked) store.getState().setLinked(hold.linked);
    if (hold.issue)
      reportIssues(store, [
        ...decodeScenario(host.location.search, catalog).issues,
        { key: HOLD_KEY, kind: 'invalid', message: hold.issue },
      ]);

    const unsubscribeScenario = store.subscribe((state, prev) => {
      if (state.revision === prev.revision || state.lastChange === 'restore') return;
      if (state.lastChange === 'discrete') {
        closeDrag();
        write('push');
        return;
      }
      if (!dragOpen) {
        dragOpen = true;
        write('push');
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        dragOpen = false;
        write('replace');
      }, debounceMs);
    });

    afterLinkRead?.(store);
    readSections(true);
    if (url() !== here()) write('replace');

    // Subscribed after the saved state's restorers, so a section sees the store as they left it.
    const unsubscribeSections = store.subscribe((state, prev) => {
      if (reading) return;
      let how: UrlWrite = null;
      for (const s of sections) {
        const want = s.onChange(store, state, prev);
        if (want === 'push' || (want === 'replace' && how === null)) how = want;
      }
      if (how) write(how);
    });

    const onPop = () => {
      closeDrag();
      restore();
      if (readSections(false)) write('replace');
    };
    host.addEventListener('popstate', onPop);

    return () => {
      unsubscribeScenario();
      unsubscribeSections();
      host.removeEventListener('popstate', onPop);
      if (timer) clearTimeout(timer);
    };
  };
}
