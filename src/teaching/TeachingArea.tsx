/**
 * The teaching features in the app shell: header buttons that open the presets, lessons and presenter-link panels,
 * and the panels themselves (preset card, lesson, presenter builder). Reads and writes the store's teaching slice;
 * the teaching URL section (./url-section.ts) turns choices into scenarios and URLs. Applies presenter mode's large text.
 */
import { useEffect, useId, type KeyboardEvent } from 'react';
import { useAppStore } from '../store/context';
import type { TeachingPanel } from '../store/slices/teaching';
import { getLesson } from './lessons';
import { LessonMenu, LessonPanel } from './LessonPanel';
import { PresenterBuilder } from './PresenterBuilder';
import { getPreset } from './presets';
import { PresetCard, PresetPicker } from './PresetPicker';
import './teaching.css';

const PANELS: { id: Exclude<TeachingPanel, null>; label: string }[] = [
  { id: 'presets', label: 'Presets' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'presenter', label: 'Presenter link' },
];

/** Header buttons; each opens its panel below the header (aria-expanded, aria-controls). */
export function TeachingButtons() {
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const baseId = useId();
  return (
    <>
      {PANELS.map((p) => (
        <button
          key={p.id}
          type="button"
          className="button"
          aria-expanded={panel === p.id}
          aria-controls={`teaching-panel-${p.id}`}
          data-testid={`teaching.${p.id}`}
          id={`${baseId}-${p.id}`}
          onClick={() => setPanel(panel === p.id ? null : p.id)}
        >
          {p.label}
        </button>
      ))}
    </>
  );
}

export function TeachingPanels() {
  const panel = useAppStore((s) => s.panel);
  const presetId = useAppStore((s) => s.presetId);
  const scenario = useAppStore((s) => s.scenario);
  const presenter = useAppStore((s) => s.presenter);
  // Re-render on scenario changes so the presenter link carries the current URL.
  useAppStore((s) => s.revision);
  const selectPreset = useAppStore((s) => s.selectPreset);
  const setLessonStep = useAppStore((s) => s.setLessonStep);
  const setPanel = useAppStore((s) => s.setPanel);
  const preset = presetId ? getPreset(presetId) : undefined;

  useEffect(() => {
    if (presenter.big) document.documentElement.dataset.big = '1';
    else delete document.documentElement.dataset.big;
  }, [presenter.big]);

  // Escape closes an open panel and returns focus to the header button that opened it (issue 13 item 7).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || panel === null) return;
    const opener = document.querySelector<HTMLElement>(`[data-testid="teaching.${panel}"]`);
    setPanel(null);
    opener?.focus();
  };
  return (
    <div className="teaching-panels" onKeyDown={onKeyDown}>
      <div id="teaching-panel-presets" hidden={panel !== 'presets'}>
        {panel === 'presets' ? <PresetPicker currentId={presetId} onSelect={(p) => selectPreset(p.id)} /> : null}
      </div>
      <div id="teaching-panel-lessons" hidden={panel !== 'lessons'}>
        {panel === 'lessons' ? (
          <LessonMenu
            onStart={(l) => {
              setLessonStep(l.id, 0);
              setPanel(null);
            }}
          />
        ) : null}
      </div>
      <div id="teaching-panel-presenter" hidden={panel !== 'presenter'}>
        {panel === 'presenter' ? <PresenterBuilder href={window.location.href} initial={presenter} /> : null}
      </div>
      {preset ? <PresetCard preset={preset} scenario={scenario} /> : null}
    </div>
  );
}

/**
 * The lesson card, docked (issue 13 item 3): at the top of the controls column, which stays in view on desktop, and
 * fixed to the bottom of the screen on a phone, so it stays visible while a step highlights any part of the page.
 */
export function LessonDock() {
  const lessonState = useAppStore((s) => s.lesson);
  const setLessonStep = useAppStore((s) => s.setLessonStep);
  const closeLesson = useAppStore((s) => s.closeLesson);
  const lesson = lessonState ? getLesson(lessonState.id) : undefined;
  if (!lesson || !lessonState) return null;
  return (
    <div className="lesson-dock" data-testid="lesson.card">
      <LessonPanel
        lesson={lesson}
        step={lessonState.step}
        onStep={(i) => setLessonStep(lesson.id, i)}
        onClose={closeLesson}
      />
    </div>
  );
}
