/**
 * Main-thread client of the engine worker (architecture rule 3), a thin user of ./worker-bridge.ts and
 * ./latest-wins.ts. Latest request wins: at most one call runs at a time, a newer call replaces the queued one, and a
 * reply that is no longer the latest comes back as 'stale' so the store never shows an old scenario. If the worker
 * cannot start, dies, or hangs on a request, the same API runs in-process (loaded lazily, so the domain code stays
 * out of the initial bundle) and `onModeChange` reports it.
 */
import type { Scenario } from '../domain/scenario';
import type { ComputeReply, EngineApi } from './api';
import { latestWins } from './latest-wins';
import { createWorkerBridge, type BridgeMode, type WorkerEndpoint } from './worker-bridge';

/** What a compute call resolves to. Errors of the engine itself reject. */
export type ComputeOutcome = ({ status: 'done' } & ComputeReply) | { status: 'stale'; requestId: number };

/** The worker as the client sees it (a real Worker, or a MessagePort in tests). */
export type EngineEndpoint = WorkerEndpoint;

export type EngineMode = BridgeMode;

/** The in-process engine: the same `compute` as the worker's (sync), or any async stand-in. */
export interface LocalEngine {
  compute(scenario: Scenario, requestId: number): ComputeReply | Promise<ComputeReply>;
}

export interface EngineClientOptions {
  /** Starts the worker; may throw (then the client runs in-process). */
  createWorker?: () => EngineEndpoint;
  /** Loads the in-process API (default: a dynamic import of ./api). */
  loadLocal?: () => Promise<LocalEngine>;
  /** How long a new worker may take to answer its first ping before the client falls back (ms; default 8000). */
  startTimeoutMs?: number;
  /**
   * How long one compute call may run in the worker before the client gives up on it, terminates the worker and
   * answers on the main thread (ms; default REQUEST_TIMEOUT_MS). A worker that hangs (an endless loop) or closes
   * itself after start-up fires no error event: this is what catches it.
   */
  requestTimeoutMs?: number;
  /** Called once when the client settles on a mode; `reason` says why it fell back. */
  onModeChange?: (mode: EngineMode, reason?: string) => void;
}

export interface EngineClient {
  compute(scenario: Scenario): Promise<ComputeOutcome>;
  readonly mode: EngineMode;
  dispose(): void;
}

/**
 * Default per-request timeout (ms). The slowest legitimate request measured is a full rebuild with a fitted set's
 * bootstrap band (≈ 0.1–0.3 s on a two-core machine under load; see the README's benchmarks), so 10 s never fires in
 * normal use and still turns a hung worker into a notice within seconds.
 */
export const REQUEST_TIMEOUT_MS = 10_000;

function defaultWorker(): EngineEndpoint {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
}

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const bridge = createWorkerBridge<EngineApi, LocalEngine>({
    label: 'the engine worker',
    createWorker: options.createWorker ?? defaultWorker,
    loadLocal: options.loadLocal ?? (() => import('./api').then((m) => m.api)),
    ping: (api) => api.ping(),
    startTimeoutMs: options.startTimeoutMs ?? 8000,
    onModeChange: options.onModeChange,
  });
  bridge.start();
  const calls = latestWins<Scenario, ComputeReply>((scenario, id) =>
    bridge.call((api) => api.compute(scenario, id), (api) => api.compute(scenario, id), { timeoutMs: requestTimeoutMs })
      .then((ran) => ran.value));

  return {
    get mode() {
      return bridge.mode;
    },
    compute(scenario) {
      return calls.submit(scenario).then((o) => (o.status === 'done' ? { status: 'done', ...o.value } : o));
    },
    dispose() {
      bridge.dispose();
    },
  };
}
