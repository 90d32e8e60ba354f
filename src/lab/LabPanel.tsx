/**
 * The model lab (issue 5): run a zoo model in this browser (inference worker, onnxruntime-web on WebGPU or WASM),
 * measure pass@k, NLL, speed, wall time and FLOPs, and put each run on the charts at (6ND, 2Nk) beside the
 * prediction of the fitted T² constants; refit the constants on the measured runs; export, import, share.
 */
import { useRef } from 'react';
import { useAppStore } from '../store/context';
import { FitGate } from '../byod/FitGate';
import { DeviceView } from './DeviceView';
import { runsToCsv, runsToJson } from './export-logic';
import { ParityChart } from './ParityChart';
import { NO_FITTED_SET, predictionSet } from './predict-logic';
import { RunTable } from './RunTable';
import { SelectionForm } from './SelectionForm';
import { MAX_LINK_POINTS } from './url-logic';
import type { LabRun } from './types';
import { useLab } from './useLab';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function LabPanel() {
  const lab = useLab();
  const userSet = useAppStore((s) => s.scenario.userSet);
  const fileRef = useRef<HTMLInputElement>(null);
  const allTaskIds = lab.zoo?.tasks.tasks.map((t) => t.id);
  const setFor = (run: LabRun) => predictionSet(userSet, run.tasks, allTaskIds);
  const anySet = predictionSet(userSet) !== null;
  const busy = lab.status.status === 'running';
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  return (
    <div className="lab" data-testid="lab.panel">
      <p className="lab__hint">
        The testbed's tiny models run here, on your device. Each run becomes a point on the frontier map at training
        compute 6ND and inference compute 2Nk per token, beside what the fitted T² law predicts.
      </p>
      <DeviceView device={lab.device} />
      {lab.zooError ? (
        <p className="lab__error" role="alert">
          {lab.zooError}
        </p>
      ) : null}
      {lab.zoo && lab.selection ? (
        <SelectionForm
          manifest={lab.zoo.manifest}
          tasks={lab.zoo.tasks}
          selection={lab.selection}
          update={lab.update}
          disabled={busy}
        />
      ) : !lab.zooError ? (
        <p className="lab__status">Reading the zoo manifest…</p>
      ) : null}
      <div className="lab__run-row">
        <button
          type="button"
          className="button"
          data-testid="lab.run"
          disabled={!lab.zoo || busy}
          onClick={() => void lab.run()}
        >
          Run
        </button>
        {busy ? (
          <>
            <progress
              data-testid="lab.progress"
              max={1}
              value={lab.status.status === 'running' ? lab.status.progress.fraction : 0}
            />
            <span className="lab__status" aria-live="polite">
              {lab.status.status === 'running' ? lab.status.progress.detail : ''}
            </span>
            <button type="button" className="button" data-testid="lab.cancel" onClick={lab.cancel}>
              Cancel
            </button>
          </>
        ) : null}
      </div>
      {lab.status.status === 'error' ? (
        <p className="lab__error" role="alert" data-testid="lab.error">
          {lab.status.message}
        </p>
      ) : null}
      {lab.status.status === 'cancelled' ? (
        <p className="lab__status" data-testid="lab.cancelled">
          Cancelled; earlier runs are kept.
        </p>
      ) : null}
      {lab.status.status === 'done' ? (
        <p className="lab__status" data-testid="lab.done">
          {lab.status.message}
        </p>
      ) : null}
      {lab.storageNote ? (
        <p className="lab__hint" role="status">
          {lab.storageNote}
        </p>
      ) : null}
      <RunTable runs={lab.runs} setFor={setFor} onRemove={lab.remove} busy={busy} />
      {anySet ? (
        <ParityChart setFor={setFor} runs={lab.runs} />
      ) : (
        <p className="lab__hint" data-testid="lab.no-fitted">
          {NO_FITTED_SET}
        </p>
      )}
      <div className="lab__actions">
        <button
          type="button"
          className="button"
          data-testid="lab.refit"
          disabled={busy || lab.refit.status === 'running' || lab.runs.length === 0}
          onClick={lab.doRefit}
        >
          Refit T² constants on these runs
        </button>
        {lab.refit.status === 'running' ? <progress max={1} value={lab.refit.fraction} /> : null}
        <button
          type="button"
          className="button"
          data-testid="lab.export.csv"
          disabled={lab.runs.length === 0}
          onClick={() => download(`lab-runs-${stamp()}.csv`, runsToCsv(lab.runs), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button"
          data-testid="lab.export.json"
          disabled={lab.runs.length === 0}
          onClick={() =>
            download(
              `lab-runs-${stamp()}.json`,
              runsToJson(lab.runs, new Date().toISOString(), lab.device),
              'application/json',
            )
          }
        >
          Export JSON
        </button>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          Import…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          hidden
          data-testid="lab.import"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(lab.importText);
            e.target.value = '';
          }}
        />
        <button type="button" className="button" disabled={busy || lab.runs.length === 0} onClick={lab.clear}>
          Forget all runs
        </button>
      </div>
      {lab.refit.status === 'error' ? (
        <p className="lab__error" data-testid="lab.refit.error">
          {lab.refit.message}
        </p>
      ) : null}
      {lab.refit.status === 'done' ? (
        <p className="lab__status" data-testid="lab.refit.done">
          {lab.refit.message}
        </p>
      ) : null}
      {lab.refit.status === 'gated' || lab.refit.status === 'done' ? (
        <FitGate
          warnings={lab.refit.warnings ?? []}
          used={lab.refit.status === 'done'}
          onUse={lab.refit.status === 'gated' ? lab.refit.use : undefined}
          testId="lab.refit"
        />
      ) : null}
      {lab.importNote ? (
        <ul className="lab__hint" data-testid="lab.import.note">
          {lab.importNote.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      <p className="lab__hint">
        A copied link carries the newest {MAX_LINK_POINTS} measured runs as points (key <code>lab</code>); the full
        records stay on this device (IndexedDB) and in exports.
      </p>
    </div>
  );
}
