/**
 * Entry point of `npm run -s cli -- <command> [flags]` (tsx src/cli/main.ts). All logic is in runCli; this file only
 * connects it to the process: argv, the file system, stdout/stderr and the exit code.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run-cli';

const result = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  progress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
