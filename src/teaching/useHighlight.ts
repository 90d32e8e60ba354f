/**
 * Highlights the element a lesson step points at (by test id): marks it with data-lesson-highlight (styled in
 * teaching.css) and scrolls it into view when it is off screen. Form controls are highlighted with their field so the
 * label is inside the outline.
 */
import { useEffect } from 'react';

export const HIGHLIGHT_ATTRIBUTE = 'data-lesson-highlight';

/** The element to outline for a test id: the control's field wrapper, or the element itself. */
export function highlightElement(testId: string, root: ParentNode = document): HTMLElement | null {
  const el = root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`);
  if (!el) return null;
  if (el.matches('input, select, textarea')) return el.closest<HTMLElement>('.log-slider, .select-field, label') ?? el;
  return el;
}

/**
 * Keeps the highlight on `testId` while mounted; re-applies when the target appears later (charts render after the
 * engine answers). `revision` re-runs the lookup.
 */
export function useHighlight(testId: string | null, revision: unknown = null): void {
  useEffect(() => {
    if (!testId) return undefined;
    let current: HTMLElement | null = null;
    const apply = () => {
      const el = highlightElement(testId);
      if (el === current) return;
      current?.removeAttribute(HIGHLIGHT_ATTRIBUTE);
      current = el;
      if (!el) return;
      el.setAttribute(HIGHLIGHT_ATTRIBUTE, testId);
      // A step may point into a folded section (the detailed readouts): unfold it so the highlight shows.
      for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
      const box = el.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
    apply();
    const observer = new MutationObserver(() => apply());
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      current?.removeAttribute(HIGHLIGHT_ATTRIBUTE);
    };
  }, [testId, revision]);
}
