/**
 * The one zustand store (architecture rule 5): scenario, results, notices, ui, teaching and compare slices with their actions. Side
 * effects (URL, engine, theme) attach through subscriptions (./effects.ts, ./url/sync.ts), never inside actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../domain/scenario';
import { createCompareSlice } from './slices/compare';
import { createNoticesSlice } from './slices/notices';
import { createResultsSlice } from './slices/results';
import { createScenarioSlice } from './slices/scenario';
import { createTeachingSlice } from './slices/teaching';
import { createUiSlice, type Theme } from './slices/ui';
import type { AppState } from './types';
import type { ConstantSetCatalog } from './url/codec';
import { defaultScenario } from './url/schema';

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  catalog: ConstantSetCatalog;
  scenario?: Scenario;
  theme?: Theme;
}

/** Creates a store (one per app; tests make their own). */
export function createAppStore({ catalog, scenario, theme = 'light' }: StoreOptions): AppStore {
  const initial = scenario ?? defaultScenario((m) => catalog.defaultId(m));
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(catalog, initial)(...a),
    ...createResultsSlice(...a),
    ...createNoticesSlice(...a),
    ...createUiSlice(theme)(...a),
    ...createTeachingSlice(...a),
    ...createCompareSlice(...a),
  }));
}
