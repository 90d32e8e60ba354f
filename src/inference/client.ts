/**
 * The page's handle on the model lab's inference worker (workers/inference.worker.ts): created on first use,
 * `import type` only, so nothing here pulls onnxruntime-web into the page's bundle. If the worker dies, the next
 * call starts a fresh one.
 */
import { proxy, wrap, type Remote } from 'comlink';
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

const defaultFactory: LabWorkerFactory = () => new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });

export function createLabClient(factory: LabWorkerFactory = defaultFactory): LabClient {
  let worker: Worker | null = null;
  let remote: Remote<LabApi> | null = null;
  let failure: ((e: Error) => void) | null = null;
  const get = (): Remote<LabApi> => {
    if (!remote) {
      worker = factory();
      worker.addEventListener('error', (e) => {
        failure?.(new Error(`the inference worker stopped: ${e.message || 'unknown error'} (out of memory?)`));
        reset();
      });
      remote = wrap<LabApi>(worker);
    }
    return remote;
  };
  const reset = () => {
    worker?.terminate();
    worker = null;
    remote = null;
  };
  return {
    probe: (preference) => get().probe(preference),
    run(req, onProgress) {
      const r = get();
      return new Promise<LabOutcome>((resolve, reject) => {
        failure = reject;
        r.run(req, proxy(onProgress)).then(resolve, reject).finally(() => { failure = null; });
      });
    },
    cancel: () => { void remote?.cancel(); },
    dispose: reset,
  };
}
