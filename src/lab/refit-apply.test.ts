import { describe, expect, it } from 'vitest';
import type { FitReport, Run } from '../byod/types';
import { getPreset, presetScenario } from '../teaching/presets';
import { createAppStore, type AppStore } from '../store/store';
import { registryCatalog as catalog } from '../store/url/catalog';
import { applyRefit } from './refit-apply';

/** A finished T² Approach 2 refit as the worker reports it (point estimate; only what the user set needs). */
const law = {
  E: 2,
  A: 300,
  B: 900,
  alpha: 0.4,
  beta: 0.45,
  theta0: 3.5,
  theta1: 3,
  theta2: 0.95,
  theta3: 1,
  theta4: 0.1,
};
const rows: Run[] = [
  [3e4, 1e6],
  [6e4, 3e6],
  [1.2e5, 1e7],
  [2.4e5, 3e6],
  [4.8e5, 3e7],
].map(([n, d]) => ({ params: n, tokens: d, samples: 8, passAtK: 0.5 }) as Run);
const report: FitReport = {
  kind: 't2-2',
  constants: law,
  intervals: {},
  draws: [],
  bootstrapFailures: 0,
  goodness: { r2: 0.987 } as FitReport['goodness'],
  observedLabel: 'pass@k',
  residuals: rows.map((r, i) => ({
    line: i + 2,
    params: r.params,
    tokens: r.tokens,
    samples: 8,
    observed: 0.5,
    predicted: 0.5,
    heldOut: false,
  })),
  holdout: null,
  range: { params: [3e4, 4.8e5], tokens: [1e6, 3e7], samples: [8, 8] },
  starts: 1,
  converged: true,
  fitMs: 1,
  bootstrapMs: 0,
};

function presenterStore(lock: string[]): AppStore {
  const store = createAppStore({ catalog, scenario: presetScenario(getPreset('t2-table1')!) });
  store.getState().restoreTeaching({ presenter: { hide: [], lock, big: false } });
  return store;
}
const notice = (store: AppStore) => store.getState().notices.find((n) => n.id === 'presenter-lock');

describe('the model lab refit under presenter locks', () => {
  it('without locks the refit becomes the T² Approach 2 set the charts use', () => {
    const store = presenterStore([]);
    const message = applyRefit(store, report, rows, 5);
    const s = store.getState().scenario;
    expect(s.qualityModel).toBe('t2-2');
    expect(s.constantSet).toBe(s.userSet!.set.id);
    expect(s.userSet?.runs).toBeUndefined();
    expect(message).toBe(
      `Refit on 5 points from 5 models: the charts now use "${s.userSet!.set.name}" (R² 0.987 on pass@k; point estimate, no bootstrap).`,
    );
    expect(notice(store)).toBeUndefined();
  });

  it('a locked quality model stays; the refit is stored under Constant set and both the message and the notice say so', () => {
    const store = presenterStore(['m']);
    const before = store.getState().scenario;
    const message = applyRefit(store, report, rows, 5);
    const s = store.getState().scenario;
    expect(s.qualityModel).toBe('t2-1');
    expect(s.constantSet).toBe(before.constantSet);
    expect(s.userSet?.family).toBe('t2-2');
    expect((s.userSet?.set.constants as typeof law | undefined)?.theta0).toBe(law.theta0);
    expect(message).toContain('saved as "Your fit');
    expect(message).toContain("the presenter link's locks keep the charts as they are");
    expect(notice(store)?.text).toBe(
      'Locked by the presenter link, kept: Quality model = T² Approach 1; Constant set = ' +
        `${notice(store)!.text.match(/Constant set = ([^;]+);/)![1]}; your fitted set is saved under Constant set of the T² Approach 2 model.`,
    );
    expect(notice(store)?.details).toContain(
      `Your fit asked for Constant set = ${s.userSet!.set.name} (kept with the locked Quality model).`,
    );
  });

  it('a locked constant set stays too', () => {
    const store = presenterStore(['c']);
    const before = store.getState().scenario;
    applyRefit(store, report, rows, 5);
    expect(store.getState().scenario.constantSet).toBe(before.constantSet);
    expect(store.getState().scenario.qualityModel).toBe('t2-1');
    expect(store.getState().scenario.userSet?.family).toBe('t2-2');
    expect(notice(store)?.text).toContain('; your fitted set is saved under Constant set of the T² Approach 2 model.');
  });
});
