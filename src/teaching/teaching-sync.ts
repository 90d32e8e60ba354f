/**
 * Keeps the teaching state (preset, lesson step, presenter options) and the URL in step, as a subscription beside the
 * scenario's URL sync (src/store/url/sync.ts), which keeps these keys when it rewrites the URL:
 * - on start and on back/forward, preset, lesson, step, hide, lock and big are read from the URL; unknown values are
 *   named in a notice. A preset or lesson key with no scenario keys loads that scenario (hand-written links work);
 *   with scenario keys, the scenario keys win;
 * - choosing a preset or a lesson step (the store's actions load its scenario, keeping presenter-locked values) pushes
 *   one history entry holding both the scenario and the teaching keys;
 * - once the scenario leaves the loaded preset, the preset key is dropped from the URL (the preset card goes too).
 */
import type { Scenario } from '../domain/scenario';
import type { AppStore } from '../store/store';
import type { ConstantSetCatalog } from '../store/url/codec';
import { echo } from '../store/url/limits';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import { scenarioUrl, type UrlHost } from '../store/url/sync';
import { lessonFromParams, lessonParams } from './lesson-logic';
import { stepPartial, stepScenario } from './lessons';
import { parsePresenter } from './presenter-logic';
import { getPreset, keepUserOwned, matchesPreset, presetScenario, USER_OWNED_FIELDS } from './presets';

const NAV_KEYS = ['preset', 'lesson', 'step'];

/** True when the link sets scenario values of its own; the user-owned keys (u, lab) travel beside a preset. */
function hasScenarioKeys(params: URLSearchParams): boolean {
  const owned: readonly string[] = USER_OWNED_FIELDS;
  return SCENARIO_SCHEMA.some((s) => !owned.includes(s.field) && params.has(s.key));
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}${url.hash}`;
}

export function startTeachingSync({ catalog, host }: { catalog: ConstantSetCatalog; host: UrlHost }): (store: AppStore) => () => void {
  return (store) => {
    const readUrl = (initial: boolean) => {
      const params = new URLSearchParams(host.location.search);
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
      if (initial || scenario) host.history.replaceState(null, '', canonical());

      const { addNotice, dismissNotice } = store.getState();
      if (issues.length === 0) dismissNotice('teaching');
      else addNotice({ id: 'teaching', source: 'teaching', level: 'warning', text: 'Part of the link could not be used.', details: issues });
    };

    /** The URL of the store's scenario and teaching state. */
    const canonical = () => {
      const url = new URL(host.location.href);
      const { presetId, lesson } = store.getState();
      for (const k of NAV_KEYS) url.searchParams.delete(k);
      if (presetId) url.searchParams.set('preset', presetId);
      if (lesson) for (const [k, v] of lessonParams(lesson.id, lesson.step)) url.searchParams.set(k, v);
      const location = { pathname: host.location.pathname, search: url.search, hash: host.location.hash, href: url.href };
      return scenarioUrl(store, catalog, { location });
    };

    readUrl(true);

    /** Drops the preset (state and URL key) once the scenario is no longer the preset's. */
    const leavePresetIfMoved = () => {
      const { presetId, scenario } = store.getState();
      if (!presetId) return;
      const preset = getPreset(presetId);
      if (preset && matchesPreset(preset, scenario)) return;
      store.getState().restoreTeaching({ presetId: null });
      const url = new URL(host.location.href);
      if (url.searchParams.has('preset')) {
        url.searchParams.delete('preset');
        host.history.replaceState(null, '', pathOf(url));
      }
    };

    const unsubscribe = store.subscribe((state, prev) => {
      const teachingMoved = state.presetId !== prev.presetId || state.lesson !== prev.lesson;
      if (teachingMoved && state.teachingChange === 'user') {
        // The store's selectPreset/setLessonStep have set the scenario with the choice (presenter locks kept).
        host.history.pushState(null, '', canonical());
        leavePresetIfMoved();
        host.history.replaceState(null, '', canonical());
        return;
      }
      // A person moved the scenario (the URL sync has written it already); changes from the URL are readUrl's.
      if (state.scenario !== prev.scenario && state.lastChange !== 'restore') leavePresetIfMoved();
    });

    const onPop = () => readUrl(false);
    host.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      host.removeEventListener('popstate', onPop);
    };
  };
}
