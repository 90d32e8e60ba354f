import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import type { ConstantSetCatalog } from './codec';
import { decodeScenario } from './codec';
import { holdParam, readHold } from './hold-key';
import { FOREIGN_KEYS } from './schema';
import { sharedUrl, startUrlSync, type UrlHost } from './sync';

const catalog: ConstantSetCatalog = { ids: () => ['a', 'b'], defaultId: () => 'a' };

function host(search: string): UrlHost & { entries: string[] } {
  const entries = [search];
  return {
    entries,
    location: {
      pathname: '/app/',
      hash: '',
      get search() {
        return entries[entries.length - 1]!;
      },
      get href() {
        return `http://x/app/${entries[entries.length - 1]}`;
      },
    },
    history: {
      pushState: (_d, _u, url) => {
        entries.push(url.includes('?') ? url.slice(url.indexOf('?')) : '');
      },
      replaceState: (_d, _u, url) => {
        entries[entries.length - 1] = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('the hold key (Hold the budgets in a shared link)', () => {
  it('reads absent and 1 as held, 0 as not held', () => {
    expect(readHold('')).toEqual({ linked: true, issue: null });
    expect(readHold('?v=1&hold=1')).toEqual({ linked: true, issue: null });
    expect(readHold('?v=1&hold=0')).toEqual({ linked: false, issue: null });
  });

  it('keeps the default and says why for a bad or repeated value', () => {
    const bad = readHold('?hold=off');
    expect(bad.linked).toBe(true);
    expect(bad.issue).toBe('hold: expected 0 or 1 (got "off"); the budgets stay held');
    expect(readHold('?hold=0&hold=1')).toEqual({ linked: true, issue: 'hold: given 2 times; the budgets stay held' });
  });

  it('is a declared key the scenario codec skips and the sync keeps (FOREIGN_KEYS)', () => {
    expect(FOREIGN_KEYS).toContain('hold');
  });

  it('round-trips: what holdParam writes, readHold reads back, other keys untouched', () => {
    for (const linked of [true, false]) {
      const params = new URLSearchParams('v=1&n=7e9');
      const pair = holdParam(linked);
      if (pair) params.set(...pair);
      expect(readHold(`?${params}`)).toEqual({ linked, issue: null });
      expect(params.get('n')).toBe('7e9');
    }
  });

  it('is written only when the budgets are not held', () => {
    expect(holdParam(true)).toBeNull();
    expect(holdParam(false)).toEqual(['hold', '0']);
  });

  it('is not a scenario problem for the codec (old links decode unchanged)', () => {
    expect(decodeScenario('?v=1&n=7e9&hold=0', catalog)).toEqual(decodeScenario('?v=1&n=7e9', catalog));
  });

  it('round-trips through a shared link: copy with hold=0, open, the budgets are not held; the address bar drops it', () => {
    const a = host('');
    const storeA = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host: a })(storeA);
    storeA.getState().setLinked(false);
    storeA.getState().setField('params', 7e9, 'discrete');
    const link = sharedUrl(storeA, catalog, a);
    expect(link).toBe('/app/?v=1&n=7e9&hold=0');
    expect(a.entries.at(-1)).toBe('?v=1&n=7e9');
    stop();
    const b = host(link.slice(link.indexOf('?')));
    const storeB = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host: b })(storeB);
    expect(storeB.getState().linked).toBe(false);
    expect(storeB.getState().scenario.params).toBe(7e9);
    expect(b.entries.at(-1)).toBe('?v=1&n=7e9');
    expect(storeB.getState().notices.find((n) => n.id === 'url')).toBeUndefined();
  });

  it('a held link is unchanged, and a bad value becomes a notice of the link', () => {
    const storeA = createAppStore({ catalog });
    const a = host('?v=1&n=7e9');
    stop = startUrlSync({ catalog, host: a })(storeA);
    expect(sharedUrl(storeA, catalog, a)).toBe('/app/?v=1&n=7e9');
    stop();
    const storeB = createAppStore({ catalog });
    stop = startUrlSync({ catalog, host: host('?v=1&hold=2') })(storeB);
    expect(storeB.getState().linked).toBe(true);
    expect(storeB.getState().notices.find((n) => n.id === 'url')?.details).toContain(
      'hold: expected 0 or 1 (got "2"); the budgets stay held',
    );
  });
});
