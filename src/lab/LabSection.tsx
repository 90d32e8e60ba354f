/**
 * The collapsible "Model lab" section of the app shell. Its panel (and with it the inference worker and
 * onnxruntime-web) loads only when opened. Runs saved on this device go on the charts at start, unless the link
 * already carries measured runs: the restorer in ./hooks.ts (src/store/restore.ts).
 */
import { lazy, Suspense, useState } from 'react';
import './lab.css';

const LabPanel = lazy(() => import('./LabPanel'));

export function LabSection() {
  const [open, setOpen] = useState(false);
  return (
    <details className="lab-section" data-testid="lab" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="lab.toggle">Model lab: run the tiny zoo models in this browser and measure them</summary>
      {open ? (
        <Suspense fallback={<p className="lab__status">Loading the model lab…</p>}>
          <LabPanel />
        </Suspense>
      ) : null}
    </details>
  );
}
