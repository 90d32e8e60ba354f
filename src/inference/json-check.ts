/**
 * A tiny structural checker for JSON read from disk or the network: it walks a value, records every problem with its
 * path (`models[3].architecture.layers: expected a positive integer, got "4"`) and never throws while checking, so a
 * bad file yields all of its errors at once instead of the first one.
 */

export type JsonObject = Record<string, unknown>;

export class JsonChecker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path || '(root)'}: ${message}`);
  }

  object(path: string, value: unknown): JsonObject | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, got ${describe(value)}`);
      return undefined;
    }
    return value as JsonObject;
  }

  /** Reads a required key; reports it as missing when absent. */
  key(obj: JsonObject, path: string, key: string): unknown {
    if (!(key in obj)) {
      this.fail(join(path, key), 'missing key');
      return undefined;
    }
    return obj[key];
  }

  string(
    path: string,
    value: unknown,
    opts: { nonEmpty?: boolean; pattern?: RegExp; hint?: string } = {},
  ): string | undefined {
    if (typeof value !== 'string') {
      if (value !== undefined) this.fail(path, `expected a string, got ${describe(value)}`);
      return undefined;
    }
    if (opts.nonEmpty && value.length === 0) {
      this.fail(path, 'expected a non-empty string');
      return undefined;
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      this.fail(path, `${opts.hint ?? `does not match ${opts.pattern}`}, got ${JSON.stringify(value.slice(0, 80))}`);
      return undefined;
    }
    return value;
  }

  number(
    path: string,
    value: unknown,
    opts: { integer?: boolean; min?: number; max?: number; exclusiveMin?: number } = {},
  ): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      if (value !== undefined) this.fail(path, `expected a finite number, got ${describe(value)}`);
      return undefined;
    }
    if (opts.integer && !Number.isInteger(value)) return this.bad(path, 'expected an integer', value);
    if (opts.min !== undefined && value < opts.min) return this.bad(path, `expected ≥ ${opts.min}`, value);
    if (opts.max !== undefined && value > opts.max) return this.bad(path, `expected ≤ ${opts.max}`, value);
    if (opts.exclusiveMin !== undefined && value <= opts.exclusiveMin)
      return this.bad(path, `expected > ${opts.exclusiveMin}`, value);
    return value;
  }

  positiveInt(path: string, value: unknown): number | undefined {
    return this.number(path, value, { integer: true, min: 1 });
  }

  array(path: string, value: unknown, opts: { nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (!Array.isArray(value)) {
      if (value !== undefined) this.fail(path, `expected an array, got ${describe(value)}`);
      return undefined;
    }
    if (opts.nonEmpty && value.length === 0) {
      this.fail(path, 'expected a non-empty array');
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      if (value !== undefined)
        this.fail(path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)}`);
      return undefined;
    }
    return value as T;
  }

  private bad(path: string, message: string, value: number): undefined {
    this.fail(path, `${message}, got ${value}`);
    return undefined;
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}
