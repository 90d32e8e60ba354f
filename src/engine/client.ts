/**
 * Main-thread client of the engine worker (architecture rule 3), a thin user of ./worker-bridge.ts and
 * ./latest-wins.ts. Latest request wins: at most one call runs at a time, a newer call replaces the queued one, and a
 * reply that is no longer the latest comes back as 'stale' so the store never shows an old scenario. If the worker
 * cannot start, dies, or hangs on a request, the same API runs in-process (loaded lazily, so the domain code stays
 * out of the initial bundle) and `onModeChange` reports it. The user set's heavy data (bootstrap draws, runs) goes to
 * the worker once per content key; the chart parts and the frontier grid the page holds are named by key, left out
 * of the reply and filled in here.
 */
import type { Scenario } from '../domain/scenario';
import type { ComputeReply, ComputeSession, EngineApi } from './api';
import { CHART_PARTS, type ChartPart } from './chart-parts';
import type { FrontierData } from './explorer-data-types';
import { splitUserSet, userDataKey } from './user-data';
import { latestWins } from './latest-wins';
import { createWorkerBridge, type BridgeMode, type WorkerEndpoint } from './worker-bridge';
import type { Remote } from 'comlink';

/** What a compute call resolves to. Errors of the engine itself reject. */
export type ComputeOutcome = ({ status: 'done' } & ComputeReply) | { status: 'stale'; requestId: number };

/** The worker as the client sees it (a real Worker, or a MessagePort in tests). */
export type EngineEndpoint = WorkerEndpoint;

export type EngineMode = BridgeMode;

/** The in-process engine: the same `compute` as the worker's (sync), or any async stand-in. */
export interface LocalEngine {
  compute(scenario: Scenario, requestId: number, session?: ComputeSession): ComputeReply | Promise<ComputeReply>;
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

/** What a compute call may carry besides the scenario. */
export interface ComputeOptions {
  /** The pinned scenario A of the A/B comparison (the reply's `data.compare`); null or absent: none. */
  compare?: Scenario | null;
}

export interface EngineClient {
  compute(scenario: Scenario, options?: ComputeOptions): Promise<ComputeOutcome>;
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

/** A pinned scenario as sent to the worker: its user set without bootstrap draws or runs (A's point needs neither). */
function lightCompare(compare: Scenario | null): Scenario | null {
  if (!compare?.userSet) return compare;
  return { ...compare, userSet: splitUserSet(compare.userSet).light };
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
  // What the page holds, by key: the reply leaves these out and they are filled in here (same objects, so a chart
  // whose data did not change is skipped by React).
  const held = new Map<ChartPart | 'grid', { key: string; value: unknown }>();
  // The key of the user data the worker holds (sent once per key; later requests name it).
  let sentDataKey: string | null = null;
  const heldKeys = () => Object.fromEntries([...held].map(([part, h]) => [part, h.key]));

  const remoteCompute = (api: Remote<EngineApi>, scenario: Scenario, id: number, compare: Scenario | null) => {
    const session: ComputeSession = { held: heldKeys(), compare: lightCompare(compare) };
    let send = scenario;
    const dataKey = userDataKey(scenario.userSet);
    if (scenario.userSet && dataKey !== 'none') {
      const { light, data } = splitUserSet(scenario.userSet);
      send = { ...scenario, userSet: light };
      session.userDataKey = dataKey;
      if (sentDataKey !== dataKey) session.userData = data;
      sentDataKey = dataKey;
    }
    return api.compute(send, id, session);
  };

  const merge = (reply: ComputeReply): ComputeReply => {
    if (!reply.keys) return reply;
    const data = { ...reply.data };
    const loose = data as unknown as Record<string, unknown>;
    for (const part of reply.omitted ?? []) {
      const h = held.get(part);
      if (!h) throw new Error(`the engine left out ${part}, which the page does not hold`);
      if (part === 'grid') data.frontier = { ...data.frontier, ...(h.value as Partial<FrontierData>) };
      else if (part === 'law') Object.assign(data, h.value);
      else loose[part] = h.value;
    }
    const omitted = new Set(reply.omitted ?? []);
    for (const part of CHART_PARTS) {
      if (omitted.has(part)) continue;
      const value = part === 'law' ? { model: data.model, set: data.set, quality: data.quality } : loose[part];
      held.set(part, { key: reply.keys[part], value });
    }
    if (!omitted.has('grid')) {
      const f = data.frontier;
      held.set('grid', {
        key: reply.keys.grid,
        value: {
          trainFlops: f.trainFlops,
          inferenceFlops: f.inferenceFlops,
          quality: f.quality,
          thresholds: f.thresholds,
          fittedDistance: f.fittedDistance,
        },
      });
    }
    return { ...reply, data };
  };

  const calls = latestWins<{ scenario: Scenario; compare: Scenario | null }, ComputeReply>(
    ({ scenario, compare }, id) =>
      bridge
        .call(
          (api) => remoteCompute(api, scenario, id, compare),
          // In-process: the whole scenario (nothing to copy), the same held parts.
          (api) => api.compute(scenario, id, { held: heldKeys(), compare }),
          { timeoutMs: requestTimeoutMs },
        )
        .then((ran) => merge(ran.value)),
  );

  return {
    get mode() {
      return bridge.mode;
    },
    compute(scenario, options) {
      return calls
        .submit({ scenario, compare: options?.compare ?? null })
        .then((o) => (o.status === 'done' ? { status: 'done', ...o.value } : o));
    },
    dispose() {
      bridge.dispose();
    },
  };
}
