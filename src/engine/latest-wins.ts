/**
 * Latest wins, never block (architecture rule 3; Squoosh): slider-driven calls carry a request id, at most one runs
 * at a time, a newer call replaces the queued one (which resolves as 'stale' at once, without running), and a reply
 * that is no longer the latest resolves as 'stale' so the caller never shows an old answer. An error of the latest
 * call rejects; an error of an older one is 'stale' too.
 */

/** What a submitted call resolves to. */
export type LatestOutcome<R> = { status: 'done'; value: R; requestId: number } | { status: 'stale'; requestId: number };

export interface LatestWins<A, R> {
  submit(arg: A): Promise<LatestOutcome<R>>;
}

/** Wraps `run` (called with the argument and its request id, 1, 2, …) so that the latest submitted call wins. */
export function latestWins<A, R>(run: (arg: A, requestId: number) => Promise<R>): LatestWins<A, R> {
  let latest = 0;
  let busy = false;
  let queued: { id: number; arg: A; resolve: (o: LatestOutcome<R>) => void; reject: (e: unknown) => void } | null =
    null;

  const start = (req: NonNullable<typeof queued>) => {
    busy = true;
    const settle = (ok: boolean, v: unknown) => {
      if (req.id !== latest) req.resolve({ status: 'stale', requestId: req.id });
      else if (ok) req.resolve({ status: 'done', value: v as R, requestId: req.id });
      else req.reject(v);
      busy = false;
      const next = queued;
      queued = null;
      if (next) start(next);
    };
    let call: Promise<R>;
    try {
      call = run(req.arg, req.id);
    } catch (e) {
      call = Promise.reject(e);
    }
    call.then(
      (v) => settle(true, v),
      (e: unknown) => settle(false, e),
    );
  };

  return {
    submit(arg) {
      return new Promise((resolve, reject) => {
        const req = { id: ++latest, arg, resolve, reject };
        if (queued) queued.resolve({ status: 'stale', requestId: queued.id });
        queued = null;
        if (busy) queued = req;
        else start(req);
      });
    },
  };
}
