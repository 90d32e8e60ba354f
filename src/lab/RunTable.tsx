/** The measured runs: what was run, what was measured, where, and the prediction beside it. */
import { fmtCount } from '../byod/format';
import { runInterval } from './interval';
import { predictAt, type PredictionSet } from './records-logic';
import type { LabRun } from './types';

const f3 = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : x.toPrecision(3));
const rate = (x: number) => (x > 0 ? fmtCount(x) : '—');

export function RunTable({
  runs,
  setFor,
  onRemove,
  busy,
}: {
  runs: LabRun[];
  setFor: (run: LabRun) => PredictionSet | null;
  onRemove: (id: string) => void;
  busy: boolean;
}) {
  if (runs.length === 0)
    return (
      <p className="lab__hint" data-testid="lab.runs.empty">
        No measured runs yet.
      </p>
    );
  return (
    <div className="lab__table-wrap">
      <table className="lab__table" data-testid="lab.runs">
        <caption>
          Measured runs (newest last); pass@k by the unbiased estimator with its 95 % interval over the run's problems,
          the prediction of the run's tasks beside it, NLL of the correct answer in nats
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Tasks</th>
            <th scope="col">Problems</th>
            <th scope="col">n</th>
            <th scope="col">k</th>
            <th scope="col">pass@k</th>
            <th scope="col" title="95 % interval over the run's problems (Wilson, conservative)">
              95 % CI
            </th>
            <th scope="col">Predicted</th>
            <th scope="col">NLL</th>
            <th scope="col">Prefill tok/s</th>
            <th scope="col">Decode tok/s</th>
            <th scope="col">Wall</th>
            <th scope="col">FLOPs</th>
            <th scope="col">Backend</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const set = setFor(r);
            const p = set ? predictAt(set, r) : null;
            const ci = runInterval(r);
            const inside = p && p.quantity === 'pass@k' ? p.predicted >= ci.low && p.predicted <= ci.high : null;
            return (
              <tr key={r.id} data-testid="lab.runrow" data-run-id={r.id}>
                <td>{r.modelId}</td>
                <td>{r.tasks.join(', ')}</td>
                <td>{r.problems}</td>
                <td>{r.samples}</td>
                <td>{r.k}</td>
                <td data-testid="lab.run.pass">{f3(r.passAtK)}</td>
                <td data-testid="lab.run.ci">{`[${f3(ci.low)}, ${f3(ci.high)}]`}</td>
                <td
                  title={set?.name}
                  data-testid="lab.run.predicted"
                  data-inside-ci={inside === null ? undefined : String(inside)}
                >
                  {p ? `${f3(p.predicted)}${inside === null ? '' : inside ? ' (inside)' : ' (outside)'}` : '—'}
                </td>
                <td>{f3(r.nll)}</td>
                <td>{rate(r.prefillTokensPerSecond)}</td>
                <td>{rate(r.decodeTokensPerSecond)}</td>
                <td>{(r.wallMs / 1000).toFixed(2)} s</td>
                <td>{fmtCount(r.flops)}</td>
                <td title={r.device.fallbackReason ?? undefined}>
                  {r.device.backend === 'webgpu'
                    ? `WebGPU${r.device.adapter ? ` (${r.device.adapter})` : ''}`
                    : `WASM ×${r.device.threads}`}
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => onRemove(r.id)}
                    aria-label={`Remove run ${r.modelId} k=${r.k}`}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
