/**
 * The collapsible "Seed papers" section: Wu et al.'s inference scaling (compute-optimal size for an inference budget,
 * the MATH500 search-against-scale example) and Plan Early's specialisation budgets (Grangier et al. 2024). The panels
 * load only when the section opens (their own chunk); a lesson step that highlights one of them opens it.
 */
import { lazy, Suspense, useState } from 'react';
import { useAppStore } from '../store/context';
import { getLesson } from '../teaching/lessons';
import './papers.css';

const PapersPanel = lazy(() => import('./PapersPanel'));

/** True when the open lesson step points at something in this section (test ids "papers.…"). */
function useLessonWantsPapers(): boolean {
  return useAppStore((s) => {
    if (!s.lesson) return false;
    const step = getLesson(s.lesson.id)?.steps[s.lesson.step];
    return step?.highlight.startsWith('papers.') ?? false;
  });
}

export function PapersSection() {
  const [toggled, setToggled] = useState(false);
  const wanted = useLessonWantsPapers();
  const open = toggled || wanted;
  return (
    <details
      className="papers-section"
      data-testid="papers"
      open={open}
      onToggle={(e) => setToggled(e.currentTarget.open)}
    >
      <summary data-testid="papers.toggle">
        Seed papers: Wu et al.'s inference scaling and Plan Early's specialisation budgets
      </summary>
      {open ? (
        <Suspense fallback={<p>Loading…</p>}>
          <PapersPanel />
        </Suspense>
      ) : null}
    </details>
  );
}
