/**
 * The CLI as a pure function: argv in, exit code and output text out, with file reading injected. main.ts wires it to
 * the process; tests call it in-process. Bad input (CliUsageError from flag parsing or files, DomainError from the
 * domain core) gives exit code 2 and one line on stderr; anything else is a bug: exit code 1, still one line.
 */
import { DomainError } from '../domain/errors';
import { COMMANDS } from './commands';
import { setNamesForHelp } from './commands/sets';
import { parseFlags } from './flags';
import { commandHelp, overviewHelp } from './help';
import { formatResult } from './output';
import { CliUsageError, type CliIo, type CliResult, type CommandSpec } from './types';

/** Exit codes: success, internal error (a bug), bad input. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function findCommand(argv: readonly string[]): { command: CommandSpec; rest: readonly string[] } {
  const [first, second] = argv;
  const two = COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (two) return { command: two, rest: argv.slice(2) };
  const one = COMMANDS.find((c) => c.name === first);
  if (one) return { command: one, rest: argv.slice(1) };
  const subs = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name.slice(first!.length + 1));
  if (subs.length > 0) {
    const what =
      second === undefined || second.startsWith('-') ? 'needs a subcommand' : `has no subcommand "${second}"`;
    throw new CliUsageError(`${first} ${what} (one of: ${subs.join(', ')})`);
  }
  const names = [...new Set(COMMANDS.map((c) => c.name.split(' ')[0]))].join(', ');
  throw new CliUsageError(`unknown command "${first}" (commands: ${names}; run with --help for usage)`);
}

/** Runs one CLI invocation. `argv` excludes the node and script paths. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const fail = (code: number, message: string): CliResult => ({ code, stdout: '', stderr: `${oneLine(message)}\n` });
  let prefix = '';
  try {
    if (argv.length === 0) return fail(EXIT_BAD_INPUT, 'missing command (run with --help for usage)');
    if (isHelp(argv[0]!)) return { code: EXIT_OK, stdout: overviewHelp(COMMANDS, setNamesForHelp()), stderr: '' };
    const { command, rest } = findCommand(argv);
    prefix = `${command.name}: `;
    if (rest.some(isHelp)) return { code: EXIT_OK, stdout: commandHelp(command), stderr: '' };
    const flags = parseFlags(command.name, rest, command.flags);
    return { code: EXIT_OK, stdout: formatResult(command.run(flags, io)), stderr: '' };
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof DomainError) {
      const message = error.message.startsWith(prefix) ? error.message : `${prefix}${error.message}`;
      return fail(EXIT_BAD_INPUT, message);
    }
    // Only the first line: a bug's message must not smuggle a stack trace onto stderr.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return fail(EXIT_INTERNAL, `internal error: ${message}`);
  }
}
