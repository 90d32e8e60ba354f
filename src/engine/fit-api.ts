/**
 * The engine's fit methods (spread into the engine API, src/engine/api.ts): the worker runs a "bring your own data"
 * fit and reports progress through a Comlink.proxy callback. Cancellation: the caller passes an Int32Array over a
 * SharedArrayBuffer (the page is cross-origin isolated) and sets element 0 to 1; the fit polls it between restarts
 * and resamples. Where no shared memory exists the client terminates the fit's worker instead (src/engine/fit-client.ts).
 */
import { DomainError } from '../domain/errors';
import { FitCancelledError } from '../domain/fit/types';
import type { FitReport } from '../domain/runs';
import { transfer } from 'comlink';
import { packedBuffers, packReadOutcome, readRuns, type PackedReadOutcome, type ReadRequest } from './read-runs';
import { runFitJob, type FitProgress, type FitRequest } from './fit-job';

/** How a fit ended. Errors in the data come back as 'error' with a message for a person. */
export type FitOutcome =
  { status: 'done'; report: FitReport } | { status: 'cancelled' } | { status: 'error'; message: string };

export const fitApi = {
  /**
   * Reads a user's runs file off the main thread (src/byod/read-runs.ts): the view, the row errors and the runs as
   * transferred Float64Array columns (src/byod/read-client.ts unpacks them).
   */
  readRuns(request: ReadRequest): PackedReadOutcome {
    const packed = packReadOutcome(readRuns(request));
    return transfer(packed, packedBuffers(packed));
  },
  /** Fits `request`; `onProgress` (a Comlink.proxy in the worker) gets the overall fraction and phase. */
  fit(request: FitRequest, onProgress?: FitProgress, cancelFlag?: Int32Array): FitOutcome {
    const shouldCancel = cancelFlag ? () => Atomics.load(cancelFlag, 0) === 1 : undefined;
    let last = -1;
    const report: FitProgress = (f, phase) => {
      // At most ~100 messages: a proxied callback costs a postMessage per call.
      if (f < 1 && f - last < 0.01) return;
      last = f;
      void onProgress?.(f, phase);
    };
    try {
      return { status: 'done', report: runFitJob(request, { onProgress: report, shouldCancel }) };
    } catch (e) {
      if (e instanceof FitCancelledError) return { status: 'cancelled' };
      if (e instanceof DomainError) return { status: 'error', message: e.message };
      throw e;
    }
  },
};
