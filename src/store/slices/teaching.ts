/**
 * Teaching slice (issue 6): the loaded preset, the open lesson and step, presenter options, and which teaching panel
 * is open. `teachingChange` tells the teaching URL section (src/teaching/url-section.ts) whether a change came from the
 * person ('user': write one history entry) or from the URL itself ('restore': nothing to write).
 *
 * `selectPreset` and `setLessonStep` are the one place a preset or lesson step reaches the scenario: presenter locks
 * hold there, and a notice names each locked value that was kept. The presets, lessons and locks come from the
 * source the teaching folder registers (../teaching-source.ts), so this slice imports no feature folder. Back/forward and links load
 * the URL's own scenario through `restoreTeaching` + `replaceScenario(…, 'restore')` instead.
 */
import type { StateCreator } from 'zustand/vanilla';
import { NO_PRESENTER, type PresenterOptions } from '../presenter-options';
import { lockedIn } from '../scenario-guard';
import { teachingSource, type TeachingLoad } from '../teaching-source';
import { pinnable } from './compare';
import type { AppState } from '../types';

export type TeachingPanel = 'presets' | 'lessons' | 'presenter' | null;

export interface TeachingSlice {
  presetId: string | null;
  /** Open lesson and its 0-based step. */
  lesson: { id: string; step: number } | null;
  presenter: PresenterOptions;
  panel: TeachingPanel;
  teachingChange: 'user' | 'restore';
  /** Loads a preset's scenario (locked values kept); unknown ids are ignored. */
  selectPreset: (id: string) => void;
  /** Opens a lesson at a 0-based step (clamped) and loads its scenario (locked values kept); unknown ids are ignored. */
  setLessonStep: (id: string, step: number) => void;
  closeLesson: () => void;
  setPanel: (panel: TeachingPanel) => void;
  /** From the URL (start, back/forward) or when the scenario leaves the preset: no scenario change. */
  restoreTeaching: (t: Partial<Pick<TeachingSlice, 'presetId' | 'lesson' | 'presenter'>>) => void;
}

export const createTeachingSlice: StateCreator<AppState, [], [], TeachingSlice> = (set, get) => {
  /** Sets the teaching state and the scenario of `partial` together, so the sync writes one history entry. */
  const load = (
    { partial, what, pin }: TeachingLoad,
    teaching: Partial<Pick<TeachingSlice, 'presetId' | 'lesson'>>,
  ) => {
    const source = teachingSource();
    if (!source) return;
    const { scenario: current, revision } = get();
    const { scenario, notice } = source.load(partial, current, lockedIn(get()), what);
    // A preset's second design becomes scenario A of a comparison, in the same change (one history entry).
    const pinned = pin
      ? { pinned: pinnable({ ...scenario, ...pin.fields }), pinnedLabel: pin.label, pinnedChange: 'user' as const }
      : {};
    // lastChange 'restore': the URL writer leaves this change to the teaching section's history entry.
    set({ ...teaching, ...pinned, teachingChange: 'user', scenario, revision: revision + 1, lastChange: 'restore' });
    if (notice) get().addNotice(notice);
    else get().dismissNotice(source.lockNoticeId);
  };

  return {
    presetId: null,
    lesson: null,
    presenter: NO_PRESENTER,
    panel: null,
    teachingChange: 'restore',
    selectPreset: (id) => {
      const preset = teachingSource()?.preset(id);
      if (!preset || get().presetId === id) return;
      load(preset, { presetId: id });
    },
    setLessonStep: (id, step) => {
      const found = teachingSource()?.lessonStep(id, step);
      if (!found) return;
      load(found, { lesson: { id, step: found.step } });
    },
    closeLesson: () => set({ lesson: null, teachingChange: 'user' }),
    setPanel: (panel) => set({ panel }),
    restoreTeaching: (t) => set({ ...t, teachingChange: 'restore' }),
  };
};
