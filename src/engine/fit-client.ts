/**
 * Main-thread client of the fits. A fit runs in its own instance of the engine worker (same script and API as the
 * chart engine), so the charts keep answering while a fit runs for seconds. Progress comes back through a
 * Comlink.proxy callback. Cancel sets a shared flag the fit polls (SharedArrayBuffer, when the page is cross-origin
 * isolated); if the fit has not stopped within `cancelGraceMs` (or no shared memory exists) the worker is terminated
 * and a fresh one starts with the next fit. Without workers the fit runs in-process (loaded lazily).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from './api';
import type { FitOutcome } from './fit-api';
import type { FitProgress, FitRequest } from './fit-job';
import type { EngineEndpoint } from './client';

/** A running fit. */
export interface FitHandle {
  result: Promise<FitOutcome>;
  /** Asks the fit to stop; `result` then resolves to { status: 'cancelled' }. */
  cancel(): void;
}

export interface FitClientOptions {
  createWorker?: () => EngineEndpoint;
  /** The in-process fit API (default: a dynamic import of ./fit-api). */
  loadLocal?: () => Promise<Pick<EngineApi, 'fit'>>;
  cancelGraceMs?: number;
}

export interface FitClient {
  fit(request: FitRequest, onProgress?: FitProgress): FitHandle;
  dispose(): void;
}

function defaultWorker(): EngineEndpoint {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine-fit' });
}

function sharedFlag(): Int32Array | undefined {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return isolated && typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
}

export function createFitClient(options: FitClientOptions = {}): FitClient {
  const loadLocal = options.loadLocal ?? (() => import('./fit-api').then((m) => m.fitApi));
  let endpoint: EngineEndpoint | null = null;
  let remote: Remote<EngineApi> | null = null;
  let workerFailed = false;

  const stopWorker = () => {
    endpoint?.terminate?.();
    endpoint = null;
    remote = null;
  };

  const getRemote = (): Remote<EngineApi> | null => {
    if (remote || workerFailed) return remote;
    try {
      endpoint = (options.createWorker ?? defaultWorker)();
      endpoint.addEventListener('error', () => { workerFailed = true; stopWorker(); });
      remote = wrap<EngineApi>(endpoint);
    } catch {
      workerFailed = true;
    }
    return remote;
  };

  return {
    fit(request, onProgress) {
      const flag = sharedFlag();
      let settle: ((o: FitOutcome) => void) | null = null;
      let cancelled = false;
      const result = new Promise<FitOutcome>((resolve, reject) => {
        settle = resolve;
        const r = getRemote();
        const progress = (f: number, phase: string) => { if (!cancelled) onProgress?.(f, phase); };
        const call = r
          ? r.fit(request, proxy(progress), flag)
          : loadLocal().then((api) => new Promise<FitOutcome>((done) => setTimeout(() => done(api.fit(request, progress, flag)), 0)));
        call.then((o) => { settle = null; resolve(cancelled ? { status: 'cancelled' } : o); }, (e: unknown) => { settle = null; if (cancelled) resolve({ status: 'cancelled' }); else reject(e); });
      });
      return {
        result,
        cancel() {
          if (cancelled || !settle) return;
          cancelled = true;
          if (flag) Atomics.store(flag, 0, 1);
          const pending = settle as (o: FitOutcome) => void;
          // A fit that cannot see the flag (no shared memory, or between polls for too long) is stopped by force.
          setTimeout(() => {
            if (settle) {
              stopWorker();
              settle = null;
              pending({ status: 'cancelled' });
            }
          }, flag ? options.cancelGraceMs ?? 400 : 0);
        },
      };
    },
    dispose: stopWorker,
  };
}
