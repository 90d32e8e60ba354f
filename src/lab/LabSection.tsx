/**
 * The collapsible "Model lab" section of the app shell. Its panel (and with it the inference worker and
 * onnxruntime-web) loads only when opened; runs saved on this device go on the charts at start, unless the link
 * already carries measured runs.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStoreApi } from '../store/context';
import { loadRuns } from './storage';
import { showRunsOnCharts } from './sync';
import './lab.css';

const LabPanel = lazy(() => import('./LabPanel'));

export function LabSection() {
  const [open, setOpen] = useState(false);
  const store = useAppStoreApi();
  useEffect(() => {
    let live = true;
    loadRuns().then((runs) => {
      if (live && runs.length > 0 && !store.getState().scenario.measured) showRunsOnCharts(store, runs, 'restore');
    }, () => undefined); // no IndexedDB: the panel says so when opened
    return () => { live = false; };
  }, [store]);
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
