/**
 * The CLI's output: one JSON object, checked first so that NaN or Infinity never reach stdout (JSON.stringify would
 * silently turn them into null).
 */
import { CliUsageError } from './types';

function plain(value: unknown, path: string): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new CliUsageError(
        `the result ${path} is not a finite number (${value}); the inputs are outside the range the law can handle`,
      );
    }
    return value === 0 ? 0 : value;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return plain(Array.from(value as unknown as ArrayLike<number>), path);
  }
  if (Array.isArray(value)) return value.map((v, i) => plain(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) out[key] = plain(v, path === '' ? key : `${path}.${key}`);
    }
    return out;
  }
  return value;
}

/**
 * Serialises a command's result as indented JSON with a trailing newline. Typed arrays become plain arrays.
 * @throws CliUsageError naming the first key whose value is NaN or ±Infinity.
 */
export function formatResult(result: Record<string, unknown>): string {
  return `${JSON.stringify(plain(result, ''), null, 2)}\n`;
}
