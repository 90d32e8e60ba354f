import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { registryCatalog as catalog } from '../url/catalog';
import { startUrlSync } from '../url/sync';
import { recordingHost } from '../url/test-helpers';
import { compareUrlSection } from '../../compare/url-section';

function host(initial: string) {
  const { host: h, calls, search } = recordingHost(initial);
  return { h, calls, search };
}

describe('compare slice and the cmp URL section', () => {
  it('pins the current scenario as A, swaps A and B, unpins', () => {
    const store = createAppStore({ catalog });
    const a = store.getState().scenario;
    store.getState().pinScenario();
    expect(store.getState().pinned).toEqual(a);
    store.getState().setField('params', 7e8, 'discrete');
    const b = store.getState().scenario;
    const rev = store.getState().revision;
    store.getState().swapPinned();
    expect(store.getState().scenario).toEqual(a);
    expect(store.getState().pinned).toEqual(b);
    expect(store.getState().revision).toBe(rev + 1);
    store.getState().unpin();
    expect(store.getState().pinned).toBeNull();
  });

  it('keeps the lab runs with the page when swapping (A never carries them)', () => {
    const store = createAppStore({ catalog });
    store.getState().pinScenario();
    const measured = [{ params: 1e5, tokens: 1e7, samples: 4, passAtK: 0.5, nll: null }];
    store.getState().replaceScenario({ ...store.getState().scenario, params: 2e8, measured }, 'discrete');
    store.getState().swapPinned();
    expect(store.getState().scenario.measured).toBe(measured);
    expect(store.getState().pinned?.measured).toBeUndefined();
  });

  it('writes one history entry per pin, swap and unpin, and reads A back from the link', () => {
    const { h, calls, search } = host('?n=2e8');
    const store = createAppStore({ catalog });
    const stop = startUrlSync({ catalog, host: h, debounceMs: 0, sections: [compareUrlSection] })(store);
    calls.length = 0;
    store.getState().pinScenario();
    expect(calls).toEqual(['push /?v=1&n=2e8&cmp=v_1*n_2e8']);
    store.getState().setField('params', 7e8, 'discrete');
    store.getState().swapPinned();
    // The swap moves the scenario (the writer pushes) and A (the section rewrites that entry): one entry.
    expect(calls.filter((c) => c.startsWith('push'))).toHaveLength(3);
    expect(search()).toMatch(/^\?v=1&n=2e8&cmp=v_1\*n_7e8\*d_[0-9.e]+\*k_[0-9.e]+$/);
    stop();

    const reopened = createAppStore({ catalog });
    const again = host(search());
    const stop2 = startUrlSync({ catalog, host: again.h, sections: [compareUrlSection] })(reopened);
    expect(reopened.getState().pinned?.params).toBe(7e8);
    expect(reopened.getState().scenario.params).toBe(2e8);
    reopened.getState().unpin();
    expect(again.search()).toBe('?v=1&n=2e8');
    stop2();
  });

  it('names a bad cmp value in a notice and loads the rest of the link', () => {
    const { h } = host('?n=2e8&cmp=nonsense');
    const store = createAppStore({ catalog });
    const stop = startUrlSync({ catalog, host: h, sections: [compareUrlSection] })(store);
    expect(store.getState().scenario.params).toBe(2e8);
    expect(store.getState().pinned).toBeNull();
    const notice = store.getState().notices.find((n) => n.id === 'compare-link');
    expect(notice?.details?.[0]).toMatch(/key_value pairs/);
    stop();
  });

  it("a preset's second design opens the comparison, in the same history entry (Wu et al.'s 34B sampling as A)", () => {
    const { h, calls, search } = host('');
    const store = createAppStore({ catalog });
    const stop = startUrlSync({ catalog, host: h, debounceMs: 0 })(store);
    calls.length = 0;
    store.getState().setLessonStep('sampling', 4);
    expect(store.getState().scenario.params).toBe(7e9);
    expect(store.getState().pinned).toMatchObject({ params: 34e9, samples: 64 });
    expect(store.getState().pinnedLabel).toMatch(/Llemma-34B/);
    expect(calls).toHaveLength(1);
    expect(search()).toMatch(/cmp=v_1\*[^&]*n_3\.4e10/);
    expect(search()).toMatch(/lesson=sampling&step=5/);
    stop();
  });
});
