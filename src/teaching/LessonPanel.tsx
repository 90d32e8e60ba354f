/**
 * A guided lesson: the step's title and text, "Step i of n", Previous/Next buttons and keyboard navigation
 * (ArrowRight or n: next; ArrowLeft or p: previous; ignored while typing in a field or moving a slider). The parent
 * owns the step (it lives in the URL as lesson=…&step=…) and loads its scenario.
 */
import { useEffect } from 'react';
import { lessonKeyAction, moveStep } from './lesson-logic';
import { LESSONS, type Lesson } from './lessons';
import { useHighlight } from './useHighlight';

interface LessonPanelProps {
  lesson: Lesson;
  /** 0-based. */
  step: number;
  onStep: (step: number) => void;
  onClose: () => void;
}

export function LessonPanel({ lesson, step, onStep, onClose }: LessonPanelProps) {
  const current = lesson.steps[step] ?? lesson.steps[0]!;
  const last = lesson.steps.length - 1;
  useHighlight(current.highlight, `${lesson.id}:${step}`);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = lessonKeyAction(
        e,
        e.target instanceof HTMLElement
          ? {
              tagName: e.target.tagName,
              isContentEditable: e.target.isContentEditable,
              type: (e.target as HTMLInputElement).type,
              role: e.target.getAttribute('role'),
            }
          : null,
      );
      if (!action) return;
      const next = moveStep(lesson, step, action === 'next' ? 1 : -1);
      if (next !== step) {
        e.preventDefault();
        onStep(next);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [lesson, step, onStep]);

  return (
    <section className="lesson-panel" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson" data-step={step + 1}>
      <header className="lesson-panel__head">
        <h2>{lesson.title}</h2>
        <button
          type="button"
          className="button lesson-panel__close"
          data-testid="lesson.close"
          onClick={onClose}
          aria-label="Close the lesson"
        >
          Close
        </button>
      </header>
      <p className="lesson-panel__progress" data-testid="lesson.progress">
        Step {step + 1} of {lesson.steps.length}
      </p>
      <div aria-live="polite" data-testid="lesson.step">
        <h3>{current.title}</h3>
        <p>{current.text}</p>
      </div>
      <div className="lesson-panel__nav">
        <button
          type="button"
          className="button"
          data-testid="lesson.previous"
          disabled={step === 0}
          onClick={() => onStep(moveStep(lesson, step, -1))}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="button"
          data-testid="lesson.next"
          disabled={step === last}
          onClick={() => onStep(moveStep(lesson, step, 1))}
        >
          Next →
        </button>
      </div>
      <p className="lesson-panel__keys">Keys: → or n for next, ← or p for previous.</p>
    </section>
  );
}

/** The list of lessons to start. */
export function LessonMenu({ onStart }: { onStart: (lesson: Lesson) => void }) {
  return (
    <nav className="lesson-menu" aria-label="Lessons" data-testid="lessons">
      <ul>
        {LESSONS.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              className="lesson-menu__button"
              data-testid={`lesson.start.${l.id}`}
              onClick={() => onStart(l)}
            >
              <span className="lesson-menu__title">{l.title}</span>
              <span className="lesson-menu__summary">
                {l.summary} ({l.steps.length} steps)
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
