/** The collapsible "Your data" section of the app shell; its content (and the fit code) loads when opened. */
import { lazy, Suspense, useState } from 'react';
import { loadByod } from './storage-logic';

const ByodPanel = lazy(() => import('./ByodPanel'));

function hasSaved(): boolean {
  try {
    return loadByod(localStorage) !== null;
  } catch {
    return false;
  }
}

export function ByodSection() {
  const [open, setOpen] = useState(hasSaved);
  return (
    <details className="byod-section" data-testid="byod" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="byod.toggle">Your data: fit the laws to your own training runs</summary>
      {open ? (
        <Suspense fallback={<p className="byod__status">Loading…</p>}>
          <ByodPanel />
        </Suspense>
      ) : null}
    </details>
  );
}
