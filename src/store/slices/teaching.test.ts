import { describe, expect, it } from 'vitest';
import { getLesson, stepScenario } from '../../teaching/lessons';
import { getPreset, presetScenario } from '../../teaching/presets';
import { createAppStore } from '../store';
import { registryCatalog as catalog } from '../url/catalog';

/** A store as a presenter link opens it: the scenario, then the presenter options from the same URL. */
function presenterStore(lock: string[], scenario = presetScenario(getPreset('t2-table1')!)) {
  const store = createAppStore({ catalog, scenario: { ...scenario, params: 7e9 } });
  store.getState().restoreTeaching({ presenter: { hide: [], lock, big: false } });
  return store;
}
const lockNotice = (store: ReturnType<typeof createAppStore>) =>
  store.getState().notices.find((n) => n.id === 'presenter-lock');

describe('teaching slice: presets and lesson steps under presenter locks', () => {
  it('without locks a preset loads its scenario and raises no lock notice', () => {
    const store = createAppStore({ catalog });
    const revision = store.getState().revision;
    store.getState().selectPreset('gopher');
    expect(store.getState().scenario).toEqual(presetScenario(getPreset('gopher')!));
    expect(store.getState().presetId).toBe('gopher');
    expect(store.getState().revision).toBe(revision + 1);
    expect(lockNotice(store)).toBeUndefined();
  });

  it('a preset keeps a locked N and says so; an unlocked field still moves', () => {
    const store = presenterStore(['n']);
    store.getState().selectPreset('chinchilla');
    const s = store.getState().scenario;
    expect(s.params).toBe(7e9);
    expect(s.tokens).toBe(1.4e12);
    expect(s.qualityModel).toBe('chinchilla');
    expect(lockNotice(store)?.text).toBe('Locked by the presenter link, kept: Parameters (N) = 7B.');
    expect(lockNotice(store)?.details?.[0]).toContain('70B');
  });

  it('a lesson step keeps locked values; a later step that needs no keeping clears the notice', () => {
    const store = presenterStore(['n']);
    store.getState().setLessonStep('overtrain', 0);
    expect(store.getState().lesson).toEqual({ id: 'overtrain', step: 0 });
    expect(store.getState().scenario.params).toBe(7e9);
    expect(stepScenario(getLesson('overtrain')!.steps[0]!).params).not.toBe(7e9);
    expect(lockNotice(store)?.text).toContain('Parameters (N)');
    // Without the lock, the next preset loads whole and the lock notice goes.
    store.getState().restoreTeaching({ presenter: { hide: [], lock: [], big: false } });
    store.getState().selectPreset('gopher');
    expect(store.getState().scenario.params).toBe(2.8e11);
    expect(lockNotice(store)).toBeUndefined();
  });

  it('a step index outside the lesson is clamped; unknown presets and lessons change nothing', () => {
    const store = createAppStore({ catalog });
    const before = store.getState();
    store.getState().selectPreset('nope');
    store.getState().setLessonStep('nope', 0);
    expect(store.getState().scenario).toBe(before.scenario);
    expect(store.getState().revision).toBe(before.revision);
    const lesson = getLesson('overtrain')!;
    store.getState().setLessonStep('overtrain', 99);
    expect(store.getState().lesson).toEqual({ id: 'overtrain', step: lesson.steps.length - 1 });
  });
});

describe('scenario slice: the model select under presenter locks', () => {
  it('a locked model does not change', () => {
    const store = presenterStore(['m']);
    store.getState().setQualityModel('chinchilla');
    expect(store.getState().scenario.qualityModel).toBe('t2-1');
  });

  it('a locked constant set holds the model it belongs to, with a notice; an unlocked one lets it move', () => {
    const store = presenterStore(['c']);
    store.getState().setQualityModel('chinchilla');
    expect(store.getState().scenario.qualityModel).toBe('t2-1');
    expect(lockNotice(store)?.text).toContain('Constant set');
    const free = presenterStore([]);
    free.getState().setQualityModel('chinchilla');
    expect(free.getState().scenario.qualityModel).toBe('chinchilla');
  });

  it('a locked constant set cannot be changed through the action', () => {
    const store = presenterStore(['c'], presetScenario(getPreset('chinchilla')!));
    store.getState().setConstantSet('besiroglu');
    expect(store.getState().scenario.constantSet).toBe('hoffmann');
  });
});
