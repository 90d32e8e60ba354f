/**
 * Teaching slice (issue 6): the loaded preset, the open lesson and step, presenter options, and which teaching panel
 * is open. `teachingChange` tells the teaching sync (src/teaching/teaching-sync.ts) whether a change came from the
 * person ('user': write one history entry) or from the URL itself ('restore': nothing to write).
 *
 * `selectPreset` and `setLessonStep` are the one place a preset or lesson step reaches the scenario: presenter locks
 * hold there (src/teaching/locks.ts), and a notice names each locked value that was kept. Back/forward and links load
 * the URL's own scenario through `restoreTeaching` + `replaceScenario(…, 'restore')` instead.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Scenario } from '../../domain/scenario';
import { clampStep } from '../../teaching/lesson-logic';
import { getLesson, stepPartial } from '../../teaching/lessons';
import { LOCK_NOTICE_ID, applyWithLocks, lockNotice } from '../../teaching/locks';
import { NO_PRESENTER, lockedFields, type PresenterOptions } from '../../teaching/presenter-logic';
import { getPreset, keepUserOwned } from '../../teaching/presets';
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
  const load = (partial: Partial<Scenario>, what: string, teaching: Partial<Pick<TeachingSlice, 'presetId' | 'lesson'>>) => {
    const { scenario: current, presenter, revision } = get();
    const locked = applyWithLocks(partial, current, lockedFields(presenter) as (keyof Scenario)[]);
    // The person's own state (fitted set, lab runs) is no part of a preset or step: it stays (issue 11, item 9).
    const scenario = keepUserOwned(current, locked.scenario, partial);
    const { kept } = locked;
    // lastChange 'restore': the scenario's URL sync leaves this change to the teaching sync's history entry.
    set({ ...teaching, teachingChange: 'user', scenario, revision: revision + 1, lastChange: 'restore' });
    if (kept.length > 0) get().addNotice(lockNotice(what, kept));
    else get().dismissNotice(LOCK_NOTICE_ID);
  };

  return {
    presetId: null,
    lesson: null,
    presenter: NO_PRESENTER,
    panel: null,
    teachingChange: 'restore',
    selectPreset: (id) => {
      const preset = getPreset(id);
      if (!preset || get().presetId === id) return;
      load(preset.scenario, `The preset “${preset.title}”`, { presetId: id });
    },
    setLessonStep: (id, step) => {
      const lesson = getLesson(id);
      if (!lesson) return;
      const i = clampStep(lesson, step);
      load(stepPartial(lesson.steps[i]!), `Step ${i + 1} of “${lesson.title}”`, { lesson: { id, step: i } });
    },
    closeLesson: () => set({ lesson: null, teachingChange: 'user' }),
    setPanel: (panel) => set({ panel }),
    restoreTeaching: (t) => set({ ...t, teachingChange: 'restore' }),
  };
};
