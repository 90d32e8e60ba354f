import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store';
import { registryCatalog as catalog } from '../store/url/catalog';
import { startUrlSync, type UrlHost } from '../store/url/sync';
import { getLesson, stepScenario } from './lessons';
import { getPreset, presetScenario } from './presets';

/** A minimal browser history (entries of search strings) with popstate listeners. */
function fakeHost(initialSearch: string) {
  const entries = [initialSearch];
  let index = 0;
  const listeners = new Set<() => void>();
  const toSearch = (url: string) => (url.includes('?') ? url.slice(url.indexOf('?')) : '');
  const host: UrlHost & { entries: string[]; back(): void; search(): URLSearchParams } = {
    location: {
      pathname: '/app/',
      hash: '',
      get search() {
        return entries[index] as string;
      },
      get href() {
        return `http://x.test/app/${entries[index]}`;
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
    search: () => new URLSearchParams(entries[index]),
  };
  return host;
}

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

function start(search: string) {
  const host = fakeHost(search);
  const store = createAppStore({ catalog });
  stops.push(startUrlSync({ catalog, host, debounceMs: 0 })(store));
  return { host, store };
}

/** Two lab runs in the form of the `lab` key (src/lab/url-logic.ts). */
const LAB = '8192_274000_4_0.375_1.5*28672_1e6_16_0.5_-';

describe('presets and lesson steps keep what the person owns (issue 11, item 9)', () => {
  it.each(['testbed', 'chinchilla', 't2-table1', 'sardana'])(
    'picking the preset %s keeps the lab runs on the charts and in the link',
    (id) => {
      const { host, store } = start(`?v=1&m=t2-2&lab=${LAB}`);
      const runs = store.getState().scenario.measured;
      expect(runs).toHaveLength(2);
      store.getState().selectPreset(id);
      expect(store.getState().scenario.measured).toEqual(runs);
      expect(host.search().get('lab')).toBe(LAB);
      expect(store.getState().presetId).toBe(id);
      expect(host.search().get('preset')).toBe(id);
    },
  );

  it('keeps the fitted set (still selectable) and the runs through a lesson step too', () => {
    const u = 'c_1.7_400_400_0.34_0.28~3_1e7_1e9_1e8_1e11';
    const { host, store } = start(`?v=1&m=chinchilla&u=${u}&lab=${LAB}`);
    const userSet = store.getState().scenario.userSet;
    expect(userSet).toBeDefined();
    store.getState().setLessonStep('overtrain', 0);
    expect(store.getState().scenario.userSet).toBe(userSet);
    expect(store.getState().scenario.measured).toHaveLength(2);
    expect(host.search().get('u')).toBe(u);
    expect(host.search().get('lab')).toBe(LAB);
  });

  it('a preset link that carries lab runs loads the preset with the runs', () => {
    const { host, store } = start(`?preset=testbed&lab=${LAB}`);
    const p = presetScenario(getPreset('testbed')!);
    expect(store.getState().scenario.constantSet).toBe(p.constantSet);
    expect(store.getState().scenario.params).toBe(p.params);
    expect(store.getState().scenario.measured).toHaveLength(2);
    expect(store.getState().presetId).toBe('testbed');
    expect(host.search().get('lab')).toBe(LAB);
  });
});

describe('teaching sync', () => {
  it('a preset link with no scenario keys loads the preset and keeps its key', () => {
    const { host, store } = start('?preset=llama3-8b');
    const p = presetScenario(getPreset('llama3-8b')!);
    expect(store.getState().scenario).toEqual(p);
    expect(store.getState().presetId).toBe('llama3-8b');
    expect(host.search().get('preset')).toBe('llama3-8b');
    expect(host.search().get('n')).toBe('8e9');
  });

  it('choosing a preset pushes one entry with scenario and preset; back restores the previous state', () => {
    const { host, store } = start('');
    store.getState().selectPreset('gopher');
    expect(host.entries).toHaveLength(2);
    expect(host.search().get('preset')).toBe('gopher');
    expect(Number(host.search().get('n'))).toBe(2.8e11);
    host.back();
    expect(store.getState().presetId).toBeNull();
    expect(store.getState().scenario.params).toBe(1e8);
  });

  it('moving a control drops the preset from state and URL', () => {
    const { host, store } = start('');
    store.getState().selectPreset('chinchilla');
    store.getState().setField('params', 3e10, 'discrete');
    expect(store.getState().presetId).toBeNull();
    expect(host.search().has('preset')).toBe(false);
    expect(Number(host.search().get('n'))).toBe(3e10);
  });

  it('lesson steps get their own URLs and scenarios; back goes to the previous step', () => {
    const { host, store } = start('');
    const lesson = getLesson('sampling')!;
    store.getState().setLessonStep('sampling', 0);
    store.getState().setLessonStep('sampling', 1);
    expect(host.search().get('lesson')).toBe('sampling');
    expect(host.search().get('step')).toBe('2');
    expect(store.getState().scenario).toEqual(stepScenario(lesson.steps[1]!));
    host.back();
    expect(store.getState().lesson).toEqual({ id: 'sampling', step: 0 });
    expect(store.getState().scenario.params).toBe(stepScenario(lesson.steps[0]!).params);
    store.getState().closeLesson();
    expect(host.search().has('lesson')).toBe(false);
  });

  it('scenario keys win over a lesson step; unknown teaching values are named in a notice', () => {
    const { host, store } = start('?n=2e8&lesson=overtrain&step=3&preset=nope&hide=params,zz&lock=n&big=1');
    expect(store.getState().scenario.params).toBe(2e8);
    expect(store.getState().lesson).toEqual({ id: 'overtrain', step: 2 });
    expect(store.getState().presenter).toEqual({ hide: ['params'], lock: ['n'], big: true });
    const notice = store.getState().notices.find((n) => n.id === 'teaching');
    expect(notice?.details).toEqual(['preset=nope: no such preset; ignored', 'hide=zz: no such control; ignored']);
    expect(host.search().get('hide')).toBe('params,zz'); // presenter keys are kept as written
  });
});

describe('presenter locks in the store', () => {
  it('a locked field cannot move, and a linked move leaves locked values alone', () => {
    const { store } = start('?lock=n,ct');
    const before = store.getState().scenario;
    expect(store.getState().linked).toBe(true);
    store.getState().setField('params', before.params * 3);
    expect(store.getState().scenario.params).toBe(before.params);
    store.getState().setField('tokens', before.tokens * 2);
    const after = store.getState().scenario;
    expect(after.tokens).toBe(before.tokens * 2);
    expect(after.params).toBe(before.params);
    expect(after.trainFlops).toBe(before.trainFlops);
    // Without locks the same linked move shifts another value (so the check above can fail).
    const { store: free } = start('');
    free.getState().setField('tokens', before.tokens * 2);
    const moved = free.getState().scenario;
    expect(moved.params !== before.params || moved.trainFlops !== before.trainFlops).toBe(true);
  });

  it('a preset from a presenter link keeps the locked N: one history entry, the URL keeps n and lock, no preset key', () => {
    const { host, store } = start('?n=7e9&lock=n');
    store.getState().selectPreset('chinchilla');
    expect(host.entries).toHaveLength(2);
    expect(host.search().get('n')).toBe('7e9');
    expect(Number(host.search().get('d'))).toBe(1.4e12);
    expect(host.search().get('lock')).toBe('n');
    expect(host.search().has('preset')).toBe(false);
    expect(store.getState().presetId).toBeNull();
    expect(store.getState().notices.find((n) => n.id === 'presenter-lock')?.text).toContain('Parameters (N) = 7B');
    // Back restores the link's own scenario.
    host.back();
    expect(store.getState().scenario.params).toBe(7e9);
    expect(store.getState().scenario.tokens).not.toBe(1.4e12);
  });

  it('a lesson step from a presenter link keeps the locked values too', () => {
    const { host, store } = start('?n=7e9&ct=1e22&lock=n,ct');
    store.getState().setLessonStep('overtrain', 0);
    expect(store.getState().scenario.params).toBe(7e9);
    expect(store.getState().scenario.trainFlops).toBe(1e22);
    expect(host.search().get('step')).toBe('1');
    expect(store.getState().notices.some((n) => n.id === 'presenter-lock')).toBe(true);
  });

  it("a preset keeps the money view's choices it does not set; the money lesson sets its own", async () => {
    const { keepUserOwned, getPreset, presetScenario, matchesPreset } = await import('./presets');
    const chinchilla = getPreset('chinchilla')!;
    const current = { ...presetScenario(getPreset('sardana')!), trainGpu: 'a100-80', trainPrice: 1.4 };
    const next = keepUserOwned(current, presetScenario(chinchilla), chinchilla.scenario);
    expect(next.trainGpu).toBe('a100-80');
    expect(next.trainPrice).toBe(1.4);
    expect(matchesPreset(chinchilla, next)).toBe(true);
    expect(
      keepUserOwned(current, { ...presetScenario(chinchilla), trainGpu: 'h200' }, { trainGpu: 'h200' }).trainGpu,
    ).toBe('h200');
  });
});
