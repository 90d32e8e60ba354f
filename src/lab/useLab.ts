/**
 * State and actions of the model lab panel: the zoo index, the device probe, the selection, the run in progress
 * (progress, cancel), the measured runs (IndexedDB) and the refit. Feature-local React state; the store holds only
 * what the charts need (the scenario's measured points and, after a refit, the user constant set).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../store/context';
import { getFitClient } from '../byod/fit-client-instance';
import { MIN_ROWS } from '../byod/types';
import { MODEL_ROLES, qualityModel } from '../domain/quality-models';
import { fitWarnings, type FitWarning } from '../byod/fit-gate';
import { createLabClient, type LabClient } from '../inference/client';
import { parseManifest, parseTaskFile, type Manifest, type TaskFile } from '../inference/manifest';
import { defaultSelection } from './defaults';
import { importRuns, mergeRuns } from './export-logic';
import { buildRun, checkpointCount, refitRows } from './records-logic';
import { clearRuns, deleteRun, loadRuns, saveRuns } from './storage';
import { applyRefit } from './refit-apply';
import { showRunsOnCharts } from './sync';
import type { BackendPreference, DeviceInfo, LabProgress, LabRun } from './types';

/** The zoo's folder; made absolute before it goes to the worker (a relative base would resolve against the worker's URL). */
export const ZOO_URL = `${import.meta.env.BASE_URL}models/`;

export interface Selection {
  modelId: string;
  taskIds: string[];
  problems: number;
  samples: number;
  k: number;
  backend: BackendPreference;
}

export type RunStatus =
  | { status: 'idle' }
  | { status: 'running'; progress: LabProgress }
  | { status: 'done'; message: string }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

export type RefitStatus =
  | { status: 'idle' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; message: string; warnings?: FitWarning[] }
  | { status: 'gated'; warnings: FitWarning[]; use: () => void }
  | { status: 'error'; message: string };

let sharedClient: LabClient | null = null;
const client = (): LabClient => (sharedClient ??= createLabClient());

async function fetchZoo(): Promise<{ manifest: Manifest; tasks: TaskFile }> {
  const get = async (file: string) => {
    const res = await fetch(`${ZOO_URL}${file}`);
    if (!res.ok) throw new Error(`${file} could not be loaded (HTTP ${res.status})`);
    return res.json() as Promise<unknown>;
  };
  return { manifest: parseManifest(await get('manifest.json')), tasks: parseTaskFile(await get('tasks.json')) };
}

const newId = () => `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function useLab() {
  const store = useAppStoreApi();
  const [zoo, setZoo] = useState<{ manifest: Manifest; tasks: TaskFile } | null>(null);
  const [zooError, setZooError] = useState<string | null>(null);
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [runs, setRuns] = useState<LabRun[]>([]);
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const [status, setStatus] = useState<RunStatus>({ status: 'idle' });
  const [refit, setRefit] = useState<RefitStatus>({ status: 'idle' });
  const [importNote, setImportNote] = useState<string[] | null>(null);
  const running = useRef(false);
  const runsRef = useRef<LabRun[]>([]);
  runsRef.current = runs;

  useEffect(() => {
    fetchZoo().then(
      (z) => {
        setZoo(z);
        setSelection(defaultSelection(z.manifest, z.tasks));
      },
      (e: unknown) => setZooError(e instanceof Error ? e.message : String(e)),
    );
    loadRuns().then(setRuns, (e: unknown) => setStorageNote(e instanceof Error ? e.message : String(e)));
  }, []);

  const backend = selection?.backend ?? 'auto';
  useEffect(() => {
    client()
      .probe(backend)
      .then(setDevice, (e: unknown) =>
        setZooError(`the inference worker did not start: ${e instanceof Error ? e.message : String(e)}`),
      );
  }, [backend]);

  const update = useCallback((next: Partial<Selection>) => setSelection((s) => (s ? { ...s, ...next } : s)), []);

  const commitRuns = useCallback(
    (next: LabRun[], persist: () => Promise<void>) => {
      runsRef.current = next;
      setRuns(next);
      showRunsOnCharts(store, next);
      persist().catch((e: unknown) =>
        setStorageNote(`${e instanceof Error ? e.message : String(e)} (the runs stay until you close the page)`),
      );
    },
    [store],
  );

  const run = useCallback(async () => {
    if (!selection || !zoo || running.current) return;
    running.current = true;
    setStatus({
      status: 'running',
      progress: { phase: 'loading', fraction: 0, detail: 'starting the inference worker' },
    });
    let live = true; // progress arrives on its own port, possibly after the result: drop it then
    try {
      const out = await client().run({ zooUrl: new URL(ZOO_URL, document.baseURI).href, ...selection }, (progress) => {
        if (live) setStatus({ status: 'running', progress });
      });
      live = false;
      if (out.status === 'cancelled') setStatus({ status: 'cancelled' });
      else if (out.status === 'error') setStatus({ status: 'error', message: out.message });
      else {
        const record = buildRun(
          {
            id: newId(),
            createdAt: new Date().toISOString(),
            modelId: out.model.id,
            params: out.model.params,
            tokens: out.model.tokens,
            problems: selection.problems,
            samples: selection.samples,
            k: selection.k,
            temperature: out.temperature,
            seed: out.seed,
            usedKvCache: out.usedKvCache,
            device: out.device,
          },
          out.perTask,
        );
        setDevice(out.device);
        commitRuns([...runsRef.current, record], () => saveRuns([record]));
        setStatus({
          status: 'done',
          message: `Measured ${record.modelId} on ${out.device.backend === 'webgpu' ? 'WebGPU' : 'WASM'} (model from ${out.source})`,
        });
      }
    } catch (e) {
      live = false;
      setStatus({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      sharedClient?.dispose();
      sharedClient = null;
    } finally {
      running.current = false;
    }
  }, [selection, zoo, commitRuns]);

  const cancel = useCallback(() => client().cancel(), []);

  const remove = useCallback(
    (id: string) =>
      commitRuns(
        runs.filter((r) => r.id !== id),
        () => deleteRun(id),
      ),
    [runs, commitRuns],
  );
  const clear = useCallback(() => commitRuns([], clearRuns), [commitRuns]);

  const importText = useCallback(
    (text: string) => {
      const res = importRuns(text);
      const merged = mergeRuns(runs, res.runs);
      const notes = [
        `Imported ${merged.runs.length - runs.length} run(s)${merged.skipped ? `, skipped ${merged.skipped} already here` : ''}.`,
        ...res.errors,
      ];
      setImportNote(notes);
      if (merged.runs.length !== runs.length) commitRuns(merged.runs, () => saveRuns(merged.runs.slice(runs.length)));
    },
    [runs, commitRuns],
  );

  const doRefit = useCallback(() => {
    const rows = refitRows(runs);
    const checkpoints = checkpointCount(runs.filter((r) => r.nll !== null));
    if (checkpoints < 5 || rows.length < MIN_ROWS[qualityModel(MODEL_ROLES.lab).constantFamily]) {
      setRefit({
        status: 'error',
        message: `Refit (T² Approach 2) needs measured runs of at least 5 different zoo models, with their answer NLL; you have ${checkpoints}.`,
      });
      return;
    }
    setRefit({ status: 'running', fraction: 0 });
    // Progress travels on its own message port and may arrive after the result: ignore it once the result is in.
    let live = true;
    // Point estimate only: a bootstrap of T² Approach 2 takes minutes in a browser ("Your data" offers it on an export).
    getFitClient()
      .fit(
        { kind: 't2-2', runs: rows, holdout: { kind: 'none' }, resamples: 200, seed: 1, skipBootstrap: true },
        (fraction) => {
          if (live) setRefit({ status: 'running', fraction });
        },
      )
      .result.then((o) => {
        live = false;
        if (o.status !== 'done') {
          setRefit({ status: 'error', message: o.status === 'cancelled' ? 'The refit was cancelled.' : o.message });
          return;
        }
        // The fit-quality gate (src/byod/fit-gate.ts): a refit with warnings waits for "Use this fit anyway".
        const warnings = fitWarnings(o.report, rows);
        const use = () =>
          setRefit({ status: 'done', message: applyRefit(store, o.report, rows, checkpoints), warnings });
        if (warnings.length === 0) use();
        else setRefit({ status: 'gated', warnings, use });
      })
      .catch((e: unknown) => {
        live = false;
        setRefit({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      });
  }, [runs, store]);

  return {
    zoo,
    zooError,
    device,
    selection,
    update,
    runs,
    storageNote,
    status,
    run,
    cancel,
    remove,
    clear,
    importText,
    importNote,
    refit,
    doRefit,
  };
}
