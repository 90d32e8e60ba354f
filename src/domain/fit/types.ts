/**
 * Shared pieces of the fitting code (laws.md §1 Approach 3, §2 T² fits): options every fit takes, cancellation, and
 * input checks that reject bad data with a DomainError naming the row instead of fitting NaN.
 */
import { DomainError } from '../errors';

/** Options every fit accepts. Fits are deterministic: same points, options and seed give identical results. */
export interface FitOptions {
  /** Seed of the PRNG that draws random restarts (default 1). */
  seed?: number;
  /** Called with the fraction of the work done, non-decreasing, ending with exactly 1 on success. */
  onProgress?: (fraction: number) => void;
  /** Polled between restarts; when it returns true the fit stops by throwing FitCancelledError. */
  shouldCancel?: () => boolean;
}

/** Thrown by a fit whose shouldCancel returned true. */
export class FitCancelledError extends Error {
  constructor() {
    super('fit cancelled');
    this.name = 'FitCancelledError';
  }
}

/** Throws a DomainError unless every listed field of every point is a positive finite number. */
export function assertPositiveFields<P>(
  points: readonly P[],
  fields: readonly (keyof P & string)[],
  minPoints: number,
  what: string,
): void {
  if (points.length < minPoints) {
    throw new DomainError(`${what} needs at least ${minPoints} points (got ${points.length})`);
  }
  points.forEach((p, i) => {
    for (const field of fields) {
      const v = p[field] as unknown;
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
        throw new DomainError(
          `${what}: point ${i + 1} has ${field} = ${String(v)}; it must be a positive finite number`,
        );
      }
    }
  });
}

/**
 * Reports progress at most `steps` times across `total` units of work, non-decreasing, and polls cancellation at
 * each tick. Call tick(units) after each piece of work and done() at the end (reports exactly 1).
 */
export function progressReporter(
  total: number,
  opts: FitOptions,
  steps = 100,
): { tick(units?: number): void; done(): void } {
  let count = 0;
  let lastReported = -1;
  return {
    tick(units = 1) {
      count += units;
      if (opts.shouldCancel?.()) throw new FitCancelledError();
      const fraction = Math.min(1, count / total);
      const bucket = Math.floor(fraction * steps);
      if (bucket > lastReported && fraction < 1) {
        lastReported = bucket;
        opts.onProgress?.(fraction);
      }
    },
    done() {
      opts.onProgress?.(1);
    },
  };
}
