import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from './run-cli';
import { COMMANDS } from './commands';
import { fakeIo } from './test-io';

const run = (line: string, files: Record<string, string> = {}) =>
  runCli(line.split(/\s+/).filter(Boolean), fakeIo(files));

/** Asserts the shape every bad-input run must have and returns the message. */
function badInput(line: string, files: Record<string, string> = {}): string {
  const r = run(line, files);
  expect(r.code).toBe(EXIT_BAD_INPUT);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd()).not.toContain('\n');
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  return r.stderr.trimEnd();
}

describe('runCli: help', () => {
  it('prints the overview on stdout with exit 0, listing every command and set', () => {
    for (const flag of ['--help', '-h']) {
      const r = run(flag);
      expect(r.code).toBe(EXIT_OK);
      expect(r.stderr).toBe('');
      for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
      expect(r.stdout).toContain('hoffmann-rounded');
      expect(r.stdout).toContain('t2-illustrative');
    }
  });

  it("prints each command's own help with its flags and output keys", () => {
    for (const c of COMMANDS) {
      const r = runCli([...c.name.split(' '), '--help'], fakeIo());
      expect(r.code).toBe(EXIT_OK);
      expect(r.stdout).toContain(`Usage: npm run -s cli -- ${c.name}`);
      for (const f of c.flags) expect(r.stdout).toContain(`--${f.name}`);
      expect(r.stdout).toContain(c.output);
    }
  });

  it("every command's example runs (files aside) and prints finite JSON", () => {
    for (const c of COMMANDS.filter((c) => !c.example.includes('.csv'))) {
      const r = runCli(c.example.split(' '), fakeIo());
      expect(r.stderr).toBe('');
      expect(r.code).toBe(EXIT_OK);
      expect(typeof JSON.parse(r.stdout)).toBe('object');
    }
  });
});

describe('runCli: command dispatch errors', () => {
  it.each([
    ['', 'missing command (run with --help for usage)'],
    ['frobnicate', /^unknown command "frobnicate" \(commands: loss, chinchilla-optimum/],
  ])('%j', (line, message) => {
    expect(badInput(line)).toMatch(message);
  });
});

describe('runCli: flag errors name the command and flag', () => {
  it.each([
    ['loss --params 70B --tokens 1.4T', 'loss: missing required flag --constants'],
    ['loss --constants hoffmann --params 70B --tokens 1.4T --bogus 1', /^loss: unknown flag --bogus/],
    ['loss --constants hoffmann --params seventy --tokens 1.4T', /^loss: --params: not a number \(got "seventy"\)/],
    ['loss --constants hoffmann --params -70B --tokens 1.4T', 'loss: --params must be positive (got -70B)'],
    [
      'loss --constants nope --params 70B --tokens 1.4T',
      /^loss: --constants: unknown constant set "nope" \(known: hoffmann, hoffmann-rounded, besiroglu, sardana/,
    ],
    ['passk-estimate --n 10 --c -1 --k 1', 'passk-estimate: --c is a count and must not be negative (got -1)'],
    ['passk-estimate --n 10 --c 11 --k 1', /^passk-estimate: c must be an integer in \[0, n = 10\]/],
    ['passk-estimate --n 10 --c 1 --k 11', /^passk-estimate: k must be an integer in \[1, n = 10\]/],
    ['passk-beta --a 0 --b 1 --k 1', 'passk-beta: --a must be positive (got 0)'],
    ['passk-beta --a 1 --b 1 --k -2', 'passk-beta: --k must not be negative (got -2)'],
  ])('%j', (line, message) => {
    expect(badInput(line)).toMatch(message);
  });
});
