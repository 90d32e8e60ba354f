/** Results slice: the engine's latest answer and where the engine runs. */
import type { StateCreator } from 'zustand/vanilla';
import type { Scenario } from '../../domain/scenario';
import type { ExplorerData } from '../../engine/explorer-data-types';
import type { AppState } from '../types';

/** Where the engine runs: 'worker' (normal), 'main-thread' (fallback), 'starting'. */
export type EngineMode = 'starting' | 'worker' | 'main-thread';

export interface ResultsSlice {
  data: ExplorerData | null;
  /** The scenario `data` was computed for (charts draw this one, so they re-render only when a result lands). */
  dataScenario: Scenario | null;
  /** The scenario revision `data` (or `error`) answers; -1 before the first answer. */
  resultRevision: number;
  /** The engine's error for the current scenario, in words (the charts keep the last good data). */
  engineError: string | null;
  engineMode: EngineMode;
  /** Milliseconds the engine took for the latest answer (computation plus messaging). */
  computeMs: number | null;
  setResult: (data: ExplorerData, scenario: Scenario, revision: number, computeMs: number) => void;
  setEngineError: (message: string, revision: number) => void;
  setEngineMode: (mode: EngineMode) => void;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set) => ({
  data: null,
  dataScenario: null,
  resultRevision: -1,
  engineError: null,
  engineMode: 'starting',
  computeMs: null,
  setResult: (data, dataScenario, revision, computeMs) =>
    set({ data, dataScenario, resultRevision: revision, engineError: null, computeMs }),
  setEngineError: (message, revision) => set({ engineError: message, resultRevision: revision }),
  setEngineMode: (engineMode) => set({ engineMode }),
});
