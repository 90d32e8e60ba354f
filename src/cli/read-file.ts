/** File reading for the CLI (never in src/domain): errors become one-line CliUsageErrors naming the flag and path. */
import { CliUsageError, type CliIo } from './types';

/** Reads a text file named by `flag`; a missing or unreadable file is bad input (exit 2). */
export function readTextFile(io: CliIo, flag: string, path: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : firstLine(error);
    throw new CliUsageError(`${flag}: cannot read ${path}: ${why}`);
  }
}

/** Reads and parses a JSON file named by `flag`. */
export function readJsonFile(io: CliIo, flag: string, path: string): unknown {
  const text = readTextFile(io, flag, path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliUsageError(`${flag}: ${path} is not valid JSON (${firstLine(error)})`);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}
