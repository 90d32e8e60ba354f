/**
 * Main-thread client of the worker read of a runs file (./read-runs.ts through the engine API's `readRuns`): its own
 * instance of the engine worker, so a read never waits behind a fit or the charts, and a large file never blocks the
 * page. If the worker cannot start, fails or does not answer within `timeoutMs`, the read runs in-process (loaded
 * lazily) and the outcome says so (`mode: 'main-thread'`), as the engine client does for the charts. A thin user of
 * src/engine/worker-bridge.ts.
 */
import type { EngineApi } from '../engine/api';
import type { EngineEndpoint } from '../engine/client';
import { createWorkerBridge } from '../engine/worker-bridge';
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
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine-read',
  });
}

export function createReadClient(options: ReadClientOptions = {}): ReadClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const bridge = createWorkerBridge<EngineApi, (request: ReadRequest) => ReadOutcome>({
    label: 'the read worker',
    createWorker: options.createWorker ?? defaultWorker,
    loadLocal: options.loadLocal ?? (() => import('./read-runs').then((m) => m.readRuns)),
  });
  const local = (read: (request: ReadRequest) => ReadOutcome, request: ReadRequest) => read(request);

  return {
    async read(request) {
      let ran;
      try {
        ran = await bridge.call(
          (api) => api.readRuns(request).then(unpackReadOutcome),
          (read) => local(read, request),
          { timeoutMs },
        );
      } catch (e) {
        if (bridge.mode === 'main-thread') throw e; // the in-process read itself failed
        // The worker's read threw (it should not: read errors are outcomes): read in-process from now on.
        bridge.fail(`the read worker failed (${e instanceof Error ? e.message : String(e)})`);
        ran = await bridge.call(
          () => Promise.reject(new Error('unreachable')),
          (read) => local(read, request),
        );
      }
      return { ...ran.value, mode: ran.mode };
    },
    dispose: () => bridge.dispose(),
  };
}
