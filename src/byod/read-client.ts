/**
 * Main-thread client of the worker read of a runs file (./read-runs.ts through the engine API's `readRuns`): its own
 * instance of the engine worker, so a read never waits behind a fit or the charts, and a large file never blocks the
 * page. If the worker cannot start, fails or does not answer within `timeoutMs`, the read runs in-process (loaded
 * lazily) and the outcome says so (`mode: 'main-thread'`), as the engine client does for the charts.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../engine/api';
import type { EngineEndpoint } from '../engine/client';
import { unpackReadOutcome, type ReadOutcome, type ReadRequest } from './read-runs';

/** A read's outcome and where it ran. */
export type ReadResult = ReadOutcome & { mode: 'worker' | 'main-thread' };

export interface ReadClient {
  read(request: ReadRequest): Promise<ReadResult>;
  dispose(): void;
}

export interface ReadClientOptions {
  createWorker?: () => EngineEndpoint;
  /** The in-process read (default: a dynamic import of ./read-runs). */
  loadLocal?: () => Promise<(request: ReadRequest) => ReadOutcome>;
  /** How long a worker read may take before the worker is stopped and the read runs in-process (default 60 s). */
  timeoutMs?: number;
}

function defaultWorker(): EngineEndpoint {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine-read' });
}

export function createReadClient(options: ReadClientOptions = {}): ReadClient {
  const loadLocal = options.loadLocal ?? (() => import('./read-runs').then((m) => m.readRuns));
  const timeoutMs = options.timeoutMs ?? 60_000;
  let endpoint: EngineEndpoint | null = null;
  let remote: Remote<EngineApi> | null = null;
  let failed = false;
  const failures = new Set<() => void>();

  const stop = () => {
    endpoint?.terminate?.();
    endpoint = null;
    remote = null;
  };
  const getRemote = (): Remote<EngineApi> | null => {
    if (remote || failed) return remote;
    try {
      endpoint = (options.createWorker ?? defaultWorker)();
      endpoint.addEventListener('error', () => {
        failed = true;
        stop();
        for (const f of [...failures]) f();
      });
      remote = wrap<EngineApi>(endpoint);
    } catch {
      failed = true;
    }
    return remote;
  };
  const local = async (request: ReadRequest): Promise<ReadResult> => ({ ...(await loadLocal())(request), mode: 'main-thread' });

  return {
    read(request) {
      const r = getRemote();
      if (!r) return local(request);
      return new Promise<ReadResult>((resolve, reject) => {
        let done = false;
        const fallBack = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          failures.delete(fallBack);
          local(request).then(resolve, reject);
        };
        const timer = setTimeout(() => { failed = true; stop(); fallBack(); }, timeoutMs);
        failures.add(fallBack);
        r.readRuns(request).then((o) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          failures.delete(fallBack);
          resolve({ ...unpackReadOutcome(o), mode: 'worker' });
        }, () => { failed = true; stop(); fallBack(); });
      });
    },
    dispose: stop,
  };
}
