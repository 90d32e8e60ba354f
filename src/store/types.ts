/** The whole state of the app: one store, typed slices. */
import type { CompareSlice } from './slices/compare';
import type { NoticesSlice } from './slices/notices';
import type { ResultsSlice } from './slices/results';
import type { ScenarioSlice } from './slices/scenario';
import type { TeachingSlice } from './slices/teaching';
import type { UiSlice } from './slices/ui';

export type AppState = ScenarioSlice & ResultsSlice & NoticesSlice & UiSlice & TeachingSlice & CompareSlice;
export type { ChangeKind } from './slices/scenario';
export type { EngineMode } from './slices/results';
export type { Notice } from './slices/notices';
export type { Theme } from './slices/ui';
