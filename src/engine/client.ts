/**
 * Main-thread client of the engine worker (architecture rule 3). Latest request wins: at most one call runs at a
 * time, a newer call replaces the queued one, and a reply that is no longer the latest comes back as 'stale' so the
 * store never shows an old scenario. If the worker cannot start or dies, the same API runs in-process (loaded
 * lazily, so the domain code stays out of the initial bundle) and `onModeChange` reports it.
 */
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { Scenario } from '../domain/scenario';
import type { ComputeReply, EngineApi } from './api';

/** What a compute call resolves to. Errors of the engine itself reject. */
export type ComputeOutcome = ({ status: 'done' } & ComputeReply) | { status: 'stale'; requestId: number };

/** The worker as the client sees it (a real Worker, or a MessagePort in tests). */
export type EngineEndpoint = Endpoint & { terminate?: () => void };

export type EngineMode = 'worker' | 'main-thread';

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

interface Request {
  id: number;
  scenario: Scenario;
  resolve: (o: ComputeOutcome) => void;
  reject: (e: unknown) => void;
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
  const loadLocal = options.loadLocal ?? (() => import('./api').then((m) => m.api));
  let mode: EngineMode = 'worker';
  let endpoint: EngineEndpoint | null = null;
  let remote: Remote<EngineApi> | null = null;
  let local: Promise<LocalEngine> | null = null;
  let latest = 0;
  let inFlight: Request | null = null;
  let queued: Request | null = null;
  let generation = 0; // bumps when the worker dies, so its late replies are ignored
  let watchdog: ReturnType<typeof setTimeout> | null = null;

  const fallBack = (reason: string) => {
    if (mode === 'main-thread') return;
    if (watchdog) clearTimeout(watchdog);
    mode = 'main-thread';
    generation += 1;
    endpoint?.terminate?.();
    endpoint = null;
    remote = null;
    options.onModeChange?.('main-thread', reason);
    const again = inFlight;
    inFlight = null;
    if (again) start(again);
  };

  try {
    const createWorker = options.createWorker ?? defaultWorker;
    endpoint = createWorker();
    endpoint.addEventListener('error', (e) => fallBack(`the engine worker failed (${(e as ErrorEvent).message ?? 'error'})`));
    endpoint.addEventListener('messageerror', () => fallBack('the engine worker sent an unreadable message'));
    remote = wrap<EngineApi>(endpoint);
    // A worker whose script never loads may not fire 'error' everywhere: a ping that does not come back also counts.
    const timeoutMs = options.startTimeoutMs ?? 8000;
    watchdog = setTimeout(() => fallBack(`the engine worker did not answer within ${timeoutMs} ms`), timeoutMs);
    const alive = () => {
      if (watchdog) clearTimeout(watchdog);
    };
    remote.ping().then(alive, alive); // any answer, even an error, means the worker runs
  } catch (e) {
    mode = 'main-thread';
    queueMicrotask(() => options.onModeChange?.('main-thread', `the engine worker could not start (${e instanceof Error ? e.message : String(e)})`));
  }
  if (mode === 'worker') queueMicrotask(() => options.onModeChange?.('worker'));

  const finish = () => {
    inFlight = null;
    const next = queued;
    queued = null;
    if (next) start(next);
  };

  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;

  function start(req: Request) {
    inFlight = req;
    const gen = generation;
    let call: Promise<ComputeReply>;
    if (remote) {
      call = remote.compute(req.scenario, req.id);
      const timer = setTimeout(() => {
        if (gen === generation && inFlight === req) fallBack(`the engine worker did not answer within ${requestTimeoutMs / 1000} s`);
      }, requestTimeoutMs);
      const clear = () => clearTimeout(timer);
      call.then(clear, clear);
    } else {
      local ??= loadLocal();
      call = local.then((api) => api.compute(req.scenario, req.id));
    }
    call.then(
      (reply) => {
        if (gen !== generation || inFlight !== req) return; // the worker died meanwhile; the request was restarted
        if (req.id === latest) req.resolve({ status: 'done', ...reply });
        else req.resolve({ status: 'stale', requestId: req.id });
        finish();
      },
      (err) => {
        if (gen !== generation || inFlight !== req) return;
        if (req.id === latest) req.reject(err);
        else req.resolve({ status: 'stale', requestId: req.id });
        finish();
      },
    );
  }

  return {
    get mode() {
      return mode;
    },
    compute(scenario) {
      return new Promise<ComputeOutcome>((resolve, reject) => {
        const req: Request = { id: ++latest, scenario, resolve, reject };
        if (queued) queued.resolve({ status: 'stale', requestId: queued.id });
        queued = null;
        if (inFlight) queued = req;
        else start(req);
      });
    },
    dispose() {
      if (watchdog) clearTimeout(watchdog);
      generation += 1;
      endpoint?.terminate?.();
      endpoint = null;
      remote = null;
    },
  };
}
