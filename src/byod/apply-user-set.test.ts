import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listConstantSets } from '../domain/registry';
import { getPreset, presetScenario } from '../teaching/presets';
import { createAppStore, type AppStore } from '../store/store';
import { registryCatalog as catalog } from '../store/url/catalog';
import { applyFit, switchToStoredSet } from './apply-user-set';
import type { FitReport, Run } from './types';

/** A finished Chinchilla fit as the worker reports it (only what the user set is built from matters here). */
function chinchillaReport(E: number): FitReport {
  const residuals = [1e7, 1e8, 1e9].map((n, i) => ({
    line: i + 2,
    params: n,
    tokens: 20 * n,
    samples: 1,
    observed: E + 1 / (i + 1),
    predicted: E + 1 / (i + 1),
    heldOut: false,
  }));
  return {
    kind: 'chinchilla',
    constants: { E, A: 400, B: 410, alpha: 0.34, beta: 0.28 },
    intervals: {},
    draws: [],
    bootstrapFailures: 0,
    goodness: { r2: 0.99 } as FitReport['goodness'],
    observedLabel: 'loss',
    residuals,
    holdout: null,
    range: { params: [1e7, 1e9], tokens: [2e8, 2e10] },
    starts: 1,
    converged: true,
    fitMs: 1,
    bootstrapMs: 0,
  };
}
const runs: Run[] = chinchillaReport(1.7).residuals.map(
  (r) => ({ params: r.params, tokens: r.tokens, loss: r.observed }) as Run,
);

/** A store as a presenter link opens it, on the T² Table 1 preset (model t2-1, a published constant set). */
function presenterStore(lock: string[], preset = 't2-table1'): AppStore {
  const store = createAppStore({ catalog, scenario: presetScenario(getPreset(preset)!) });
  store.getState().restoreTeaching({ presenter: { hide: [], lock, big: false } });
  return store;
}
const notice = (store: AppStore) => store.getState().notices.find((n) => n.id === 'presenter-lock');
const setName = (store: AppStore) => {
  const s = store.getState().scenario;
  return listConstantSets(s.qualityModel, s.userSet).find((c) => c.id === s.constantSet)!.name;
};

describe('"Your data" hands its fit to the store under presenter locks', () => {
  it('without locks a finished fit becomes the constant set the charts use', () => {
    const store = presenterStore([]);
    expect(applyFit(store, chinchillaReport(1.7), runs)).toBe('used');
    const s = store.getState().scenario;
    expect(s.qualityModel).toBe('chinchilla');
    expect(s.constantSet).toBe(s.userSet!.set.id);
    expect(notice(store)).toBeUndefined();
  });

  it('a locked constant set stays (and holds the model that shows it); the fit is still stored, and the notice says so', () => {
    const store = presenterStore(['c']);
    const before = store.getState().scenario;
    const kept = setName(store);
    expect(applyFit(store, chinchillaReport(1.7), runs)).toBe('saved');
    const s = store.getState().scenario;
    expect(s.constantSet).toBe(before.constantSet);
    expect(s.qualityModel).toBe('t2-1');
    expect(s.userSet?.set.constants.E).toBe(1.7);
    expect(store.getState().revision).toBe(1);
    expect(notice(store)?.text).toBe(
      `Locked by the presenter link, kept: Constant set = ${kept}; Quality model = T² Approach 1; ` +
        'your fitted set is saved under Constant set of the Chinchilla loss model.',
    );
    expect(notice(store)?.details).toContain(
      'Your fit asked for Quality model = Chinchilla loss (kept with the locked Constant set).',
    );
  });

  it("a locked model of the fit's own family lets the fit through", () => {
    const store = presenterStore(['m'], 'chinchilla');
    expect(applyFit(store, chinchillaReport(1.7), runs)).toBe('used');
    expect(store.getState().scenario.constantSet).toBe(store.getState().scenario.userSet!.set.id);
    expect(notice(store)).toBeUndefined();
  });

  it('"use my set" keeps a locked constant set and says the fit stays saved', () => {
    const store = presenterStore(['c'], 'chinchilla');
    applyFit(store, chinchillaReport(1.7), runs);
    const locked = store.getState().scenario.constantSet;
    expect(locked).not.toBe(store.getState().scenario.userSet!.set.id);
    store.getState().dismissNotice('presenter-lock');
    expect(switchToStoredSet(store)).toBe('saved');
    expect(store.getState().scenario.constantSet).toBe(locked);
    expect(notice(store)?.text).toMatch(
      /^Locked by the presenter link, kept: Constant set = .+; your fitted set is saved under Constant set\.$/,
    );
  });

  it('"use my set" without locks switches to the stored set; with none stored it does nothing', () => {
    const store = presenterStore([], 'chinchilla');
    expect(switchToStoredSet(store)).toBeNull();
    applyFit(store, chinchillaReport(1.7), runs);
    store.getState().setConstantSet(catalog.defaultId('chinchilla'));
    expect(switchToStoredSet(store)).toBe('used');
    expect(store.getState().scenario.constantSet).toBe(store.getState().scenario.userSet!.set.id);
  });

  it('when the locked constant set is the earlier fit, a new fit is not stored (it would move the locked set)', () => {
    const first = presenterStore([], 'chinchilla');
    applyFit(first, chinchillaReport(1.7), runs);
    const store = createAppStore({ catalog, scenario: first.getState().scenario });
    store.getState().restoreTeaching({ presenter: { hide: [], lock: ['c'], big: false } });
    const before = store.getState().scenario;
    expect(applyFit(store, chinchillaReport(1.9), runs)).toBe('not-stored');
    expect(store.getState().scenario).toBe(before);
    expect(notice(store)?.text).toContain('your new fit is not stored: the locked Constant set keeps the earlier one.');
  });

  it('property: whatever is locked, a locked model or constant set never moves and the fit is stored', () => {
    const presets = ['t2-table1', 'chinchilla', 'gopher', 'sardana', 'plan-early'];
    fc.assert(
      fc.property(
        fc.subarray(['m', 'c', 'q', 'n']),
        fc.constantFrom(...presets),
        fc.double({ min: 1.5, max: 2.5, noNaN: true }),
        (lock, preset, E) => {
          const store = presenterStore(lock, preset);
          const before = store.getState().scenario;
          const outcome = applyFit(store, chinchillaReport(E), runs);
          const s = store.getState().scenario;
          if (lock.includes('m')) expect(s.qualityModel).toBe(before.qualityModel);
          if (lock.includes('c')) expect(s.constantSet).toBe(before.constantSet);
          if (lock.includes('q')) expect(s.targetQuality).toBe(before.targetQuality);
          expect(s.userSet?.set.constants.E).toBe(E);
          expect(outcome).toBe(s.constantSet === s.userSet!.set.id ? 'used' : 'saved');
          expect(notice(store) !== undefined).toBe(outcome === 'saved');
        },
      ),
      { numRuns: 60 },
    );
  });
});
