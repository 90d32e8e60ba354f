/** Help texts of the CLI: the overview (`--help`) and one page per command (`<command> --help`). */
import type { CommandSpec, FlagSpec } from './types';

const PREFIX = 'npm run -s cli --';

function flagUsage(f: FlagSpec): string {
  const text = `--${f.name} ${f.metavar}`;
  return f.required ? text : `[${text}]`;
}

/** The usage line of one command. */
export function usageLine(command: CommandSpec): string {
  return `${PREFIX} ${command.name} ${command.flags.map(flagUsage).join(' ')}`.trimEnd();
}

/** The help page of one command: usage, summary, flags, output keys and an example. */
export function commandHelp(command: CommandSpec): string {
  const width = Math.max(...command.flags.map((f) => f.name.length + f.metavar.length + 3), 0);
  const flags = command.flags.map((f) => {
    const left = `--${f.name} ${f.metavar}`.padEnd(width);
    const note = f.required ? '(required) ' : `(optional${f.defaultText ? `, default ${f.defaultText}` : ''}) `;
    return `  ${left}  ${note}${f.help}`;
  });
  return [
    `Usage: ${usageLine(command)}`,
    '',
    command.summary,
    '',
    'Flags:',
    ...flags,
    '',
    `Output (one JSON object): ${command.output}`,
    `Example: ${PREFIX} ${command.example}`,
    '',
  ].join('\n');
}

/** The overview printed by `--help`. */
export function overviewHelp(commands: readonly CommandSpec[], setNames: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "T² Explorer command line: the explorer's laws and optimisers, printing one JSON object on stdout.",
    '',
    `Usage: ${PREFIX} <command> [flags]`,
    `       ${PREFIX} <command> --help     (flags and output keys of one command)`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Numbers accept 7e9, 7B, 1.4T, 70M, 1.5k and 12,000 (k, M, B/G, T, P are powers of 1,000).',
    `Constant sets: ${setNames}.`,
    'Exit codes: 0 success; 2 bad input (one line on stderr naming the problem); 1 internal error.',
    '',
  ].join('\n');
}
