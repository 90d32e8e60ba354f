/**
 * Types shared by the command-line interface: the injected I/O, the result of a run, and the declarative command and
 * flag specifications every command group exports.
 */

/** What the CLI needs from the outside world. main.ts passes the real file system; tests pass a fake. */
export interface CliIo {
  /** Reads a UTF-8 text file; throws (any Error) when it cannot. */
  readFile(path: string): string;
  /** Writes one line to stderr at once (warnings and progress of long commands; stdout stays one JSON object). */
  progress?(line: string): void;
}

/** The outcome of one run: exit code and the full text for stdout and stderr. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Bad input detected by the CLI itself (flags, files, CSV rows). Exit code 2, message on one line. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * What a flag's value must be. number: any finite number; positive: > 0; nonnegative: ≥ 0; count: a whole number
 * ≥ 0; positive-count: a whole number ≥ 1; text: any string (a set name or a path).
 */
export type FlagKind = 'number' | 'positive' | 'nonnegative' | 'count' | 'positive-count' | 'text';

export interface FlagSpec {
  /** Name without the leading dashes, e.g. "inference-tokens". */
  name: string;
  kind: FlagKind;
  /** Placeholder for the value in usage lines, e.g. "N" or "FILE.csv". */
  metavar: string;
  required: boolean;
  /** One line for the help text. */
  help: string;
  /** Default shown in the help text (and applied by the command) when the flag is optional. */
  defaultText?: string;
}

/** Flag values after parsing and validation, keyed by flag name. */
export type FlagValues = ReadonlyMap<string, number | string>;

export interface CommandSpec {
  /** "loss", or "fit chinchilla" for a command with a subcommand. */
  name: string;
  summary: string;
  flags: FlagSpec[];
  /** Output keys, as shown in the help text. */
  output: string;
  example: string;
  run(flags: FlagValues, io: CliIo): Record<string, unknown>;
}
