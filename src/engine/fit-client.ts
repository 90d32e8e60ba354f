/**
 * Main-thread client of the fits. A fit runs in its own instance of the engine worker (same script and API as the
 * chart engine), so the charts keep answering while a fit runs for seconds. Progress comes back through a
 * Comlink.proxy callback. Cancel sets a shared flag the fit polls (SharedArrayBuffer, when the page is cross-origin
 * isolated); if the fit has not stopped within `cancelGraceMs` (or no shared memory exists) the worker is terminated
 * and a fresh one starts with the next fit. Without workers, or once the worker has failed, the fit runs in-process
 * (loaded lazily). A thin user of ./worker-bridge.ts.
 */
import { proxy } from 'comlink';
import type { EngineApi } from './api';
import type { FitOutcome } from './fit-api';
import type { FitProgress, FitRequest } from './fit-job';
import type { EngineEndpoint } from './client';
import { createWorkerBridge } from './worker-bridge';

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
  const bridge = createWorkerBridge<EngineApi, Pick<EngineApi, 'fit'>>({
    label: 'the fit worker',
    createWorker: options.createWorker ?? defaultWorker,
    loadLocal: options.loadLocal ?? (() => import('./fit-api').then((m) => m.fitApi)),
  });

  return {
    fit(request, onProgress) {
      const flag = sharedFlag();
      let settle: ((o: FitOutcome) => void) | null = null;
      let cancelled = false;
      const result = new Promise<FitOutcome>((resolve, reject) => {
        settle = resolve;
        const progress = (f: number, phase: string) => {
          if (!cancelled) onProgress?.(f, phase);
        };
        const call = bridge.call(
          (api) => api.fit(request, proxy(progress), flag),
          // In-process: one macrotask later, so the caller sees the handle (and can cancel) before the fit blocks.
          (api) => new Promise<FitOutcome>((done) => setTimeout(() => done(api.fit(request, progress, flag)), 0)),
        );
        call.then(
          (o) => {
            settle = null;
            resolve(cancelled ? { status: 'cancelled' } : o.value);
          },
          (e: unknown) => {
            settle = null;
            if (cancelled) resolve({ status: 'cancelled' });
            else reject(e);
          },
        );
      });
      return {
        result,
        cancel() {
          if (cancelled || !settle) return;
          cancelled = true;
          if (flag) Atomics.store(flag, 0, 1);
          const pending = settle as (o: FitOutcome) => void;
          // A fit that cannot see the flag (no shared memory, or between polls for too long) is stopped by force; the
          // next fit starts a fresh worker.
          setTimeout(
            () => {
              if (settle) {
                settle = null;
                pending({ status: 'cancelled' });
                bridge.terminate();
              }
            },
            flag ? (options.cancelGraceMs ?? 400) : 0,
          );
        },
      };
    },
    dispose: () => bridge.dispose(),
  };
}
