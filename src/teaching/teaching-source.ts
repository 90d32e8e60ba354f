/** Registers the presets, lessons and presenter locks as the teaching slice's source (src/store/teaching-source.ts). */
import { registerTeachingSource, type TeachingLoad } from '../store/teaching-source';
import { clampStep } from './lesson-logic';
import { getLesson, stepPartial } from './lessons';
import { LOCK_NOTICE_ID, applyWithLocks, lockNotice } from './locks';
import { getPreset, keepUserOwned, type Preset } from './presets';

/** A preset's second design as the pin it opens (scenario A of a comparison), when it has one. */
function pinOf(preset: Preset): { pin?: TeachingLoad['pin'] } {
  const c = preset.compare;
  return c ? { pin: { fields: { params: c.params, samples: c.samples }, label: c.label } } : {};
}

registerTeachingSource({
  preset: (id) => {
    const preset = getPreset(id);
    return preset && { partial: preset.scenario, what: `The preset “${preset.title}”`, ...pinOf(preset) };
  },
  lessonStep: (id, step) => {
    const lesson = getLesson(id);
    if (!lesson) return undefined;
    const i = clampStep(lesson, step);
    const preset = lesson.steps[i]!.preset ? getPreset(lesson.steps[i]!.preset!) : undefined;
    return {
      partial: stepPartial(lesson.steps[i]!),
      what: `Step ${i + 1} of “${lesson.title}”`,
      step: i,
      ...(preset ? pinOf(preset) : {}),
    };
  },
  load: (partial, current, locked, what) => {
    const held = applyWithLocks(partial, current, locked);
    // The person's own state (fitted set, lab runs) is no part of a preset or step: it stays (issue 11, item 9).
    const scenario = keepUserOwned(current, held.scenario, partial);
    return { scenario, notice: held.kept.length > 0 ? lockNotice(what, held.kept) : null };
  },
  lockNoticeId: LOCK_NOTICE_ID,
});
