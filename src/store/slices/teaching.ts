/**
 * Teaching slice (issue 6): the loaded preset, the open lesson and step, presenter options, and which teaching panel
 * is open. `teachingChange` tells the teaching sync (src/teaching/teaching-sync.ts) whether a change came from the
 * person ('user': load the scenario, write the URL) or from the URL itself ('restore': nothing to write).
 */
import type { StateCreator } from 'zustand/vanilla';
import { NO_PRESENTER, type PresenterOptions } from '../../teaching/presenter-logic';
import type { AppState } from '../types';

export type TeachingPanel = 'presets' | 'lessons' | 'presenter' | null;

export interface TeachingSlice {
  presetId: string | null;
  /** Open lesson and its 0-based step. */
  lesson: { id: string; step: number } | null;
  presenter: PresenterOptions;
  panel: TeachingPanel;
  teachingChange: 'user' | 'restore';
  selectPreset: (id: string) => void;
  setLessonStep: (id: string, step: number) => void;
  closeLesson: () => void;
  setPanel: (panel: TeachingPanel) => void;
  /** From the URL (start, back/forward) or when the scenario leaves the preset: no scenario change. */
  restoreTeaching: (t: Partial<Pick<TeachingSlice, 'presetId' | 'lesson' | 'presenter'>>) => void;
}

export const createTeachingSlice: StateCreator<AppState, [], [], TeachingSlice> = (set) => ({
  presetId: null,
  lesson: null,
  presenter: NO_PRESENTER,
  panel: null,
  teachingChange: 'restore',
  selectPreset: (id) => set({ presetId: id, teachingChange: 'user' }),
  setLessonStep: (id, step) => set({ lesson: { id, step }, teachingChange: 'user' }),
  closeLesson: () => set({ lesson: null, teachingChange: 'user' }),
  setPanel: (panel) => set({ panel }),
  restoreTeaching: (t) => set({ ...t, teachingChange: 'restore' }),
});
