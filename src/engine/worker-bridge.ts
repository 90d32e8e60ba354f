/**
 * The one bridge between the page and a worker (architecture rules 2, 3 and 13; Squoosh's WorkerBridge is the model):
 * it starts the worker (at once with `start()`, else on the first call), wraps it with Comlink, bounds every call by
 * a timeout, and handles the worker's death the same way for every client:
 * - with an in-process fallback (`loadLocal`), the bridge settles on the main thread for good: the worker is
 *   terminated, calls in flight run again in-process and resolve as if nothing happened, later calls run in-process,
 *   and `onModeChange('main-thread', reason)` says why (the store turns it into a notice);
 * - without one (the model lab: onnxruntime cannot run on the page), calls in flight reject with the reason and the
 *   next call starts a fresh worker.
 * A worker that hangs (an endless loop) or closes itself fires no error event: the per-call timeout is what catches
 * it. `terminate()` stops the worker on purpose (a cancelled fit); calls in flight reject with `WorkerTerminated` and
 * the next call starts a fresh worker. Latest-wins coalescing of slider-driven calls is ./latest-wins.ts, on top.
 * Only comlink is imported: the engine's, the byod read's, the fit's and the lab's clients are thin users of this.
 */
import { wrap, type Endpoint, type Remote } from 'comlink';

/** The worker as the bridge sees it (a real Worker, or one end of a MessageChannel in tests). */
export type WorkerEndpoint = Endpoint & { terminate?: () => void };

/** Where calls run. */
export type BridgeMode = 'worker' | 'main-thread';

/** A call's value and where it ran. */
export interface Ran<R> {
  value: R;
  mode: BridgeMode;
}

/** What a call in flight rejects with when the bridge is terminated or disposed on purpose. */
export class WorkerTerminated extends Error {
  constructor(label: string) {
    super(`${label} was stopped`);
    this.name = 'WorkerTerminated';
  }
}

export interface WorkerBridgeOptions<Api, Local> {
  /** How messages name the worker, e.g. 'the engine worker'. */
  label: string;
  /** Starts the worker; may throw (no Worker in Node, a blocked script). */
  createWorker: () => WorkerEndpoint;
  /** Loads the in-process stand-in (same functions); absent = no fallback, a failed worker is restarted. */
  loadLocal?: () => Promise<Local>;
  /** A cheap call that answers once the worker's script has loaded (the engine's `ping`). */
  ping?: (api: Remote<Api>) => Promise<unknown>;
  /** How long a new worker may take to answer `ping` before it counts as failed (ms; default 8000). */
  startTimeoutMs?: number;
  /** The reason given for the worker's error event (default: `${label} failed (message)`). */
  describeError?: (message: string | undefined) => string;
  /** Called when the bridge settles on a mode: 'worker' once the first worker starts, 'main-thread' on fallback. */
  onModeChange?: (mode: BridgeMode, reason?: string) => void;
}

export interface CallOptions {
  /** After this long (ms) the worker counts as failed (terminated; the call falls back or rejects). */
  timeoutMs?: number;
  /** The reason given when the timeout fires (default: `${label} did not answer within ${s} s`). */
  timeoutReason?: string;
}

export interface WorkerBridge<Api, Local> {
  readonly mode: BridgeMode;
  /** Starts the worker now (otherwise the first call does). */
  start(): void;
  /**
   * Runs `remote` in the worker, or `local` in-process once the bridge has fallen back. A rejection of `remote` (an
   * error thrown by the worker's API) rejects the call and leaves the worker running.
   */
  call<R>(
    remote: (api: Remote<Api>) => Promise<R>,
    local: (api: Local) => R | Promise<R>,
    options?: CallOptions,
  ): Promise<Ran<R>>;
  /** Counts the worker as failed for `reason` (as its error event would). */
  fail(reason: string): void;
  /** Stops the worker on purpose: calls in flight reject with WorkerTerminated; the next call starts a fresh one. */
  terminate(): void;
  /**
   * Stops the worker and any watchdog, for good (the page is going away, a test ends): calls in flight are forgotten
   * and never settle. A later call would start a fresh worker.
   */
  dispose(): void;
}

interface Pending {
  rerun: () => void;
  reject: (e: unknown) => void;
}

export function createWorkerBridge<Api, Local = never>(
  options: WorkerBridgeOptions<Api, Local>,
): WorkerBridge<Api, Local> {
  const { label } = options;
  let mode: BridgeMode = 'worker';
  let endpoint: WorkerEndpoint | null = null;
  let remote: Remote<Api> | null = null;
  let local: Promise<Local> | null = null;
  let startWatch: ReturnType<typeof setTimeout> | null = null;
  let announced = false;
  /** Calls sent to the current worker and not yet answered. */
  const pending = new Set<Pending>();

  const stopWorker = () => {
    if (startWatch) clearTimeout(startWatch);
    startWatch = null;
    endpoint?.terminate?.();
    endpoint = null;
    remote = null;
  };

  const fail = (reason: string) => {
    if (mode === 'main-thread') return;
    stopWorker();
    const inFlight = [...pending];
    pending.clear();
    if (options.loadLocal) {
      mode = 'main-thread';
      options.onModeChange?.('main-thread', reason);
      for (const p of inFlight) p.rerun();
    } else {
      for (const p of inFlight) p.reject(new Error(reason));
    }
  };

  const start = (): Remote<Api> | null => {
    if (remote || mode === 'main-thread') return remote;
    let ep: WorkerEndpoint;
    try {
      ep = options.createWorker();
    } catch (e) {
      const reason = `${label} could not start (${e instanceof Error ? e.message : String(e)})`;
      if (!options.loadLocal) throw new Error(reason, { cause: e });
      mode = 'main-thread';
      queueMicrotask(() => options.onModeChange?.('main-thread', reason));
      return null;
    }
    endpoint = ep;
    const api = wrap<Api>(ep);
    remote = api;
    const current = () => endpoint === ep;
    ep.addEventListener('error', (e) => {
      if (current())
        fail(
          options.describeError?.((e as ErrorEvent).message) ??
            `${label} failed (${(e as ErrorEvent).message ?? 'error'})`,
        );
    });
    ep.addEventListener('messageerror', () => {
      if (current()) fail(`${label} sent an unreadable message`);
    });
    if (options.ping) {
      // A worker whose script never loads may not fire 'error' everywhere: a ping that does not come back also counts.
      const timeoutMs = options.startTimeoutMs ?? 8000;
      const watch = setTimeout(() => {
        if (current()) fail(`${label} did not answer within ${timeoutMs} ms`);
      }, timeoutMs);
      startWatch = watch;
      const alive = () => clearTimeout(watch); // any answer, even an error, means the worker runs
      options.ping(api).then(alive, alive);
    }
    if (!announced) {
      announced = true;
      queueMicrotask(() => {
        if (mode === 'worker') options.onModeChange?.('worker');
      });
    }
    return api;
  };

  const runLocal = <R>(fn: (api: Local) => R | Promise<R>): Promise<Ran<R>> => {
    local ??= options.loadLocal!();
    return local.then((api) => fn(api)).then((value) => ({ value, mode: 'main-thread' as const }));
  };

  return {
    get mode() {
      return mode;
    },
    start() {
      start();
    },
    call(remoteFn, localFn, callOptions = {}) {
      let api: Remote<Api> | null;
      try {
        api = start();
      } catch (e) {
        return Promise.reject(e);
      }
      if (!api) return runLocal(localFn);
      const sentTo = api;
      return new Promise((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | null = null;
        const entry: Pending = {
          rerun: () => {
            if (timer) clearTimeout(timer);
            runLocal(localFn).then(resolve, reject);
          },
          reject: (e) => {
            if (timer) clearTimeout(timer);
            reject(e);
          },
        };
        pending.add(entry);
        const { timeoutMs } = callOptions;
        if (timeoutMs !== undefined) {
          timer = setTimeout(() => {
            if (pending.has(entry) && remote === sentTo)
              fail(callOptions.timeoutReason ?? `${label} did not answer within ${timeoutMs / 1000} s`);
          }, timeoutMs);
        }
        remoteFn(sentTo).then(
          (value) => {
            if (!pending.delete(entry)) return; // the worker died meanwhile; the call was run again or rejected
            if (timer) clearTimeout(timer);
            resolve({ value, mode: 'worker' });
          },
          (err: unknown) => {
            if (!pending.delete(entry)) return;
            if (timer) clearTimeout(timer);
            reject(err);
          },
        );
      });
    },
    fail,
    terminate() {
      stopWorker();
      const inFlight = [...pending];
      pending.clear();
      for (const p of inFlight) p.reject(new WorkerTerminated(label));
    },
    dispose() {
      stopWorker();
      pending.clear();
    },
  };
}
