/** Notices slice: short messages the notice area shows (URL corrections, engine fallback, copy-link result). */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../types';

export interface Notice {
  /** Stable id: adding a notice with an existing id replaces it. */
  id: string;
  /** What raised it; also its test id suffix (notice.url, notice.engine, notice.link). */
  source: 'url' | 'engine' | 'link' | 'app' | 'teaching' | 'presenter';
  level: 'info' | 'warning' | 'error';
  /** Headline. */
  text: string;
  /** Details, one per line (e.g. each dropped or clamped URL key). */
  details?: string[];
}

export interface NoticesSlice {
  notices: Notice[];
  addNotice: (notice: Notice) => void;
  dismissNotice: (id: string) => void;
}

export const createNoticesSlice: StateCreator<AppState, [], [], NoticesSlice> = (set, get) => ({
  notices: [],
  addNotice: (notice) => set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] }),
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
});
