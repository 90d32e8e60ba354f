/**
 * Skip links (issue 13 item 7): the first focusable elements of the page, visible when focused. "Skip to the charts"
 * first, then one per panel. Each target is an element with that id and tabIndex −1, so focus lands on it.
 */
import type { MouseEvent } from 'react';

/** Link targets, in page order after the charts (ids set in App.tsx, ChartsPanel.tsx, ResultsView.tsx, src/compare/ComparePanel.tsx). */
export const SKIP_TARGETS: readonly { id: string; label: string }[] = [
  { id: 'charts', label: 'Skip to the charts' },
  { id: 'answer', label: 'the answer' },
  { id: 'controls', label: 'the controls' },
  { id: 'compare', label: 'the comparison' },
  { id: 'readouts', label: 'the detailed readouts' },
  { id: 'your-data', label: 'your data' },
  { id: 'model-lab', label: 'the model lab' },
  { id: 'seed-papers', label: 'the seed papers' },
];

/**
 * Moves focus to the target (scrolling it into view), also where the browser would not focus a plain fragment. A
 * target that draws no box of its own (display: contents, as the charts are in the phone layout, app.css) cannot take
 * focus: its first child does instead.
 */
function follow(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  if (el instanceof HTMLDetailsElement) el.open = true;
  let target: HTMLElement = el;
  if (getComputedStyle(el).display === 'contents' && el.firstElementChild instanceof HTMLElement) {
    target = el.firstElementChild;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  }
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function SkipLinks() {
  const [first, ...rest] = SKIP_TARGETS;
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a className="skip-link" href={`#${first!.id}`} data-testid="app.skip-link" onClick={(e) => follow(e, first!.id)}>
        {first!.label}
      </a>
      {rest.map((t) => (
        <a
          key={t.id}
          className="skip-link"
          href={`#${t.id}`}
          data-testid={`app.skip-link.${t.id}`}
          onClick={(e) => follow(e, t.id)}
        >
          Skip to {t.label}
        </a>
      ))}
    </nav>
  );
}
