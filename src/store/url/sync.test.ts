import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store';
import type { ConstantSetCatalog } from './codec';
import { startUrlSync, type UrlHost } from './sync';

const catalog: ConstantSetCatalog = { ids: () => ['a', 'b'], defaultId: () => 'a' };

/** A minimal browser history: entries of search strings, an index, popstate listeners. */
function fakeHost(initialSearch: string) {
  const entries = [initialSearch];
  let index = 0;
  const listeners = new Set<() => void>();
  const toSearch = (url: string) => (url.includes('?') ? url.slice(url.indexOf('?')) : '');
  const host: UrlHost & { entries: string[]; back(): void; forward(): void; index(): number } = {
    location: {
      pathname: '/app/',
      hash: '',
      get search() {
        return entries[index] as string;
      },
      get href() {
        return `http://x/app/${entries[index]}`;
      },
    },
    history: {
      pushState: (_d, _u, url) => {
        entries.splice(index + 1, entries.length, toSearch(url));
        index += 1;
      },
      replaceState: (_d, _u, url) => {
        entries[index] = toSearch(url);
      },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    entries,
    back: () => {
      index -= 1;
      listeners.forEach((l) => l());
    },
    forward: () => {
      index += 1;
      listeners.forEach((l) => l());
    },
    index: () => index,
  };
  return host;
}

let stop: (() => void) | null = null;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

describe('URL sync', () => {
  it('loads the scenario from the URL, reports problems and rewrites the URL canonically', () => {
    const host = fakeHost('?n=7e9&zz=1&k=-4');
    const store = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host })(store);
    const s = store.getState();
    expect(s.scenario.params).toBe(7e9);
    expect(s.scenario.samples).toBe(1);
    const notice = s.notices.find((n) => n.id === 'url');
    expect(notice?.details).toHaveLength(2);
    expect(host.entries).toEqual(['?v=1&n=7e9&k=1']);
  });

  it('pushes discrete changes so back and forward restore scenarios', () => {
    const host = fakeHost('');
    const store = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host })(store);
    store.getState().setLinked(false);
    store.getState().setField('params', 7e9, 'discrete');
    store.getState().setConstantSet('b');
    expect(host.entries).toEqual(['', '?v=1&n=7e9', '?v=1&c=b&n=7e9']);
    host.back();
    expect(store.getState().scenario.constantSet).toBe('a');
    expect(store.getState().scenario.params).toBe(7e9);
    host.back();
    expect(store.getState().scenario.params).toBe(1e8);
    host.forward();
    expect(store.getState().scenario.params).toBe(7e9);
    expect(host.entries).toHaveLength(3); // restoring never writes
  });

  it('keeps presenter-mode keys when it rewrites the URL', () => {
    const host = fakeHost('?lock=n&n=7e9&zz=1&big=1');
    const store = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host })(store);
    expect(host.entries).toEqual(['?v=1&n=7e9&lock=n&big=1']);
    store.getState().setConstantSet('b');
    expect(host.entries[1]).toBe('?v=1&c=b&n=7e9&lock=n&big=1');
  });

  it('a drag makes one history entry, replaced (debounced) while it goes on', () => {
    const host = fakeHost('');
    const store = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host, debounceMs: 200 })(store);
    store.getState().setLinked(false);
    for (const n of [2e8, 3e8, 4e8]) {
      store.getState().setField('params', n, 'continuous');
      vi.advanceTimersByTime(50);
    }
    expect(host.entries).toEqual(['', '?v=1&n=2e8']);
    vi.advanceTimersByTime(200);
    expect(host.entries).toEqual(['', '?v=1&n=4e8']);
    store.getState().setField('params', 5e8, 'continuous');
    expect(host.entries).toEqual(['', '?v=1&n=4e8', '?v=1&n=5e8']);
  });
});
