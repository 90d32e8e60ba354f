/**
 * The teaching folder's URL section (src/store/url/sections.ts): preset, lesson and step, read and written by the one
 * URL writer (src/store/url/sync.ts), which also keeps the presenter keys (hide, lock, big) as written:
 * - on start and on back/forward, preset, lesson, step, hide, lock and big are read from the URL; unknown values are
 *   named in a notice. A preset or lesson key with no scenario keys loads that scenario (hand-written links work);
 *   with scenario keys, the scenario keys win;
 * - choosing a preset or a lesson step (the store's actions load its scenario, keeping presenter-locked values) asks
 *   for one history entry holding both the scenario and the teaching keys;
 * - once the scenario leaves the loaded preset, the preset is dropped from the state and so from the URL (the preset
 *   card goes too).
 */
import type { Scenario } from '../domain/scenario';
import type { AppStore } from '../store/store';
import type { AppState } from '../store/types';
import { echo } from '../store/url/limits';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import { registerUrlSection, type UrlSection } from '../store/url/sections';
import { lessonFromParams, lessonParams } from './lesson-logic';
import { stepPartial, stepScenario } from './lessons';
import { parsePresenter } from './presenter-logic';
import { getPreset, keepUserOwned, matchesPreset, presetScenario, USER_OWNED_FIELDS } from './presets';

const NAV_KEYS = ['preset', 'lesson', 'step'] as const;

/** True when the link sets scenario values of its own; the user-owned keys (u, lab) travel beside a preset. */
function hasScenarioKeys(params: URLSearchParams): boolean {
  const owned: readonly string[] = USER_OWNED_FIELDS;
  return SCENARIO_SCHEMA.some((s) => !owned.includes(s.field) && params.has(s.key));
}

/** Reads the teaching keys of `params` into `store`; true when the URL is to be rewritten. */
function read(store: AppStore, params: URLSearchParams, initial: boolean): boolean {
  const issues: string[] = [];
  const presetRaw = params.get('preset');
  const preset = presetRaw ? getPreset(presetRaw) : undefined;
  if (presetRaw && !preset) issues.push(`preset=${echo(presetRaw)}: no such preset; ignored`);
  const lessonRaw = params.get('lesson');
  const lesson = lessonFromParams(params);
  if (lessonRaw && !lesson) issues.push(`lesson=${echo(lessonRaw)}: no such lesson; ignored`);
  const presenter = parsePresenter(params);
  issues.push(...presenter.issues);

  let scenario: Scenario | null = null;
  if (!hasScenarioKeys(params)) {
    const explicit = lesson ? stepPartial(lesson.lesson.steps[lesson.step]!) : preset ? preset.scenario : {};
    if (lesson) scenario = stepScenario(lesson.lesson.steps[lesson.step]!);
    else if (preset) scenario = presetScenario(preset);
    // The link's own fitted set and lab runs (decoded by the URL sync) stay with the preset or step.
    if (scenario) scenario = keepUserOwned(store.getState().scenario, scenario, explicit);
  }
  const current = scenario ?? store.getState().scenario;
  store.getState().restoreTeaching({
    presetId: preset && matchesPreset(preset, current) ? preset.id : null,
    lesson: lesson ? { id: lesson.lesson.id, step: lesson.step } : null,
    presenter: presenter.options,
  });
  if (scenario) store.getState().replaceScenario(scenario, 'restore');

  const { addNotice, dismissNotice } = store.getState();
  if (issues.length === 0) dismissNotice('teaching');
  else
    addNotice({
      id: 'teaching',
      source: 'teaching',
      level: 'warning',
      text: 'Part of the link could not be used.',
      details: issues,
    });
  return initial || scenario !== null;
}

/** The preset, lesson and step keys of `state`. */
function write(state: AppState): [string, string][] {
  const out: [string, string][] = [];
  if (state.presetId) out.push(['preset', state.presetId]);
  if (state.lesson) out.push(...lessonParams(state.lesson.id, state.lesson.step));
  return out;
}

/** Drops the preset from the state once the scenario is no longer the preset's; true when it did. */
function leavePresetIfMoved(store: AppStore): boolean {
  const { presetId, scenario } = store.getState();
  if (!presetId) return false;
  const preset = getPreset(presetId);
  if (preset && matchesPreset(preset, scenario)) return false;
  store.getState().restoreTeaching({ presetId: null });
  return true;
}

export const teachingUrlSection: UrlSection = {
  id: 'teaching',
  noticeSource: 'teaching',
  readFailed: 'The preset or lesson in the link could not be read.',
  keys: NAV_KEYS,
  read,
  write,
  onChange: (store, state, prev) => {
    const teachingMoved = state.presetId !== prev.presetId || state.lesson !== prev.lesson;
    if (teachingMoved && state.teachingChange === 'user') {
      // The store's selectPreset/setLessonStep have set the scenario with the choice (presenter locks kept); a
      // preset that the locks kept from applying whole is no longer the scenario's: it goes before the entry is made.
      leavePresetIfMoved(store);
      return 'push';
    }
    // A person moved the scenario (the writer has written it already); changes from the URL are `read`'s.
    if (state.scenario !== prev.scenario && state.lastChange !== 'restore' && leavePresetIfMoved(store))
      return 'replace';
    return null;
  },
};

registerUrlSection(teachingUrlSection);
