/**
 * Flag parsing for the CLI: `--name value` or `--name=value`, each flag at most once, unknown and missing flags
 * named in the error, values validated by kind. Numbers are read with parseQuantity, so 7e9, 7B and 1.4T all work.
 */
import { DomainError } from '../domain/errors';
import { parseQuantity } from '../domain/quantity';
import { CliUsageError, type FlagKind, type FlagSpec, type FlagValues } from './types';

function checkKind(flag: string, kind: FlagKind, value: number, text: string): void {
  const got = `(got ${text.trim()})`;
  switch (kind) {
    case 'positive':
      if (!(value > 0)) throw new CliUsageError(`${flag} must be positive ${got}`);
      break;
    case 'nonnegative':
      if (value < 0) throw new CliUsageError(`${flag} must not be negative ${got}`);
      break;
    case 'count':
      if (value < 0) throw new CliUsageError(`${flag} is a count and must not be negative ${got}`);
      if (!Number.isInteger(value)) throw new CliUsageError(`${flag} must be a whole number ${got}`);
      break;
    case 'positive-count':
      if (!Number.isInteger(value) || value < 1) throw new CliUsageError(`${flag} must be a whole number ≥ 1 ${got}`);
      break;
    default:
      break;
  }
}

function readValue(spec: FlagSpec, text: string): number | string {
  const flag = `--${spec.name}`;
  if (spec.kind === 'text') {
    if (text.trim() === '') throw new CliUsageError(`${flag} needs a non-empty value`);
    return text;
  }
  let value: number;
  try {
    value = parseQuantity(text, flag);
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
  checkKind(flag, spec.kind, value, text);
  return value;
}

/**
 * Parses `args` (everything after the command name) against `specs`.
 * @throws CliUsageError for a stray positional argument, an unknown flag, a flag given twice, a flag without a
 *   value, a value of the wrong kind, or a missing required flag.
 */
export function parseFlags(command: string, args: readonly string[], specs: readonly FlagSpec[]): FlagValues {
  const values = new Map<string, number | string>();
  const known = specs.map((s) => `--${s.name}`).join(', ');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      throw new CliUsageError(
        `${command}: unexpected argument ${JSON.stringify(arg)} (flags are written --name value)`,
      );
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new CliUsageError(`${command}: unknown flag --${name} (expected ${known})`);
    if (values.has(name)) throw new CliUsageError(`${command}: flag --${name} given more than once`);
    let text: string;
    if (eq >= 0) text = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      // A following "--flag" is the next flag, not a value; "-5" is a (negative) value.
      if (next === undefined || next.startsWith('--'))
        throw new CliUsageError(`${command}: flag --${name} needs a value`);
      text = next;
      i++;
    }
    values.set(name, readValue(spec, text));
  }
  const missing = specs.filter((s) => s.required && !values.has(s.name)).map((s) => `--${s.name}`);
  if (missing.length > 0) {
    throw new CliUsageError(`${command}: missing required flag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  return values;
}

/** The number given for a flag, or `fallback` when it was not given. */
export function numberFlag(values: FlagValues, name: string, fallback?: number): number {
  const value = values.get(name) ?? fallback;
  if (typeof value !== 'number') throw new Error(`flag --${name} has no numeric value (a bug in the command spec)`);
  return value;
}

/** The text given for a flag. */
export function textFlag(values: FlagValues, name: string): string {
  const value = values.get(name);
  if (typeof value !== 'string') throw new Error(`flag --${name} has no text value (a bug in the command spec)`);
  return value;
}
