/**
 * The page's handle on the model lab's inference worker (workers/inference.worker.ts): created on first use,
 * `import type` only, so nothing here pulls onnxruntime-web into the page's bundle. If the worker dies, the next
 * call starts a fresh one. A thin user of src/engine/worker-bridge.ts (the one bridge of every worker).
 */
import { proxy, type Remote } from 'comlink';
import { createWorkerBridge } from '../engine/worker-bridge';
import type { LabApi, LabOutcome } from './lab-api';
import type { BackendPreference, DeviceInfo, LabProgress, LabRunRequest } from './lab-types';

export interface LabClient {
  probe(preference: BackendPreference): Promise<DeviceInfo>;
  /** Runs a request; the promise settles with the outcome (never rejects for bad models; rejects if the worker dies). */
  run(req: LabRunRequest, onProgress: (p: LabProgress) => void): Promise<LabOutcome>;
  cancel(): void;
  dispose(): void;
}

export type LabWorkerFactory = () => Worker;

const defaultFactory: LabWorkerFactory = () =>
  new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });

export function createLabClient(factory: LabWorkerFactory = defaultFactory): LabClient {
  // No in-process fallback (onnxruntime-web stays off the page): a worker that dies rejects the run in flight and the
  // next call starts a fresh one.
  const bridge = createWorkerBridge<LabApi>({
    label: 'the inference worker',
    createWorker: factory,
    describeError: (message) => `the inference worker stopped: ${message || 'unknown error'} (out of memory?)`,
  });
  let started = false;
  const noLocal = (): never => {
    throw new Error('the model lab needs its worker');
  };
  const call = <R>(fn: (api: Remote<LabApi>) => Promise<R>): Promise<R> => {
    started = true;
    return bridge.call(fn, noLocal).then((ran) => ran.value);
  };
  return {
    probe: (preference) => call((api) => api.probe(preference)),
    run: (req, onProgress) => call<LabOutcome>((api) => api.run(req, proxy(onProgress))),
    cancel: () => {
      if (started) void call((api) => api.cancel()).catch(() => {});
    },
    dispose: () => {
      started = false;
      bridge.dispose();
    },
  };
}
