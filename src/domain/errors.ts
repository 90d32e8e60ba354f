/**
 * The one error type of the domain core: invalid input (negative counts, non-finite numbers) or an impossible request
 * (a target loss at or below the irreducible loss E). The CLI maps it to exit code 2; the UI shows its message.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Throws a DomainError unless `value` is a finite number greater than zero. */
export function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DomainError(`${name} must be a positive finite number (got ${value})`);
  }
}
