/**
 * Lesson navigation, pure: which step a URL names, moving next/previous, and which keys do that. Steps are 1-based in
 * URLs and the UI ("Step 2 of 5"), 0-based here.
 */
import { getLesson, type Lesson } from './lessons';

/** The lesson and 0-based step a URL asks for; an unknown lesson gives null, a bad step clamps into range. */
export function lessonFromParams(params: URLSearchParams): { lesson: Lesson; step: number } | null {
  const id = params.get('lesson');
  const lesson = id ? getLesson(id) : undefined;
  if (!lesson) return null;
  return { lesson, step: clampStep(lesson, parseStepParam(params.get('step'))) };
}

/** 0-based step of a URL `step` value (1-based); anything unreadable is step 0. */
export function parseStepParam(raw: string | null): number {
  if (raw === null || !/^\d+$/.test(raw)) return 0;
  return Number(raw) - 1;
}

/** The step index clamped into the lesson. */
export function clampStep(lesson: Lesson, step: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(lesson.steps.length - 1, Math.max(0, Math.trunc(step)));
}

/** Next or previous step index, staying inside the lesson. */
export function moveStep(lesson: Lesson, step: number, direction: 1 | -1): number {
  return clampStep(lesson, step + direction);
}

/** What a key press does in a lesson: ArrowRight or n → next, ArrowLeft or p → previous; null when not ours. */
export function lessonKeyAction(
  event: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean },
  target: { tagName?: string; isContentEditable?: boolean; type?: string; role?: string | null } | null,
): 'next' | 'previous' | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (target && isEditable(target)) return null;
  if (event.key === 'ArrowRight' || event.key === 'n' || event.key === 'N') return 'next';
  if (event.key === 'ArrowLeft' || event.key === 'p' || event.key === 'P') return 'previous';
  return null;
}

/**
 * True when keys typed into `target` belong to it: text fields, selects, sliders (arrows move them) and editable
 * content. Buttons and links do not consume arrows or letters, so lesson keys work while they have focus.
 */
export function isEditable(target: {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  role?: string | null;
}): boolean {
  const tag = (target.tagName ?? '').toUpperCase();
  if (target.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT')
    return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes((target.type ?? 'text').toLowerCase());
  return (
    target.role === 'slider' || target.role === 'textbox' || target.role === 'combobox' || target.role === 'spinbutton'
  );
}

/** Query-string pairs of a lesson step (step 1-based). */
export function lessonParams(lessonId: string, step: number): [string, string][] {
  return [
    ['lesson', lessonId],
    ['step', String(step + 1)],
  ];
}
