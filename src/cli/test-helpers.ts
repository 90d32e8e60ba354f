/** Helpers for the in-process CLI tests: run a command line and read its JSON, or its one-line error. */
import { expect } from 'vitest';
import { runCli } from './run-cli';
import { fakeIo } from './test-io';

export function runLine(line: string, files: Record<string, string> = {}) {
  return runCli(line.split(/\s+/).filter(Boolean), fakeIo(files));
}

/** Runs a command that must succeed and returns its parsed JSON. */
export function okJson(line: string, files: Record<string, string> = {}): Record<string, unknown> {
  const r = runLine(line, files);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(/NaN|Infinity|null/);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Runs a command that must fail with exit 2 and one line on stderr; returns the line. */
export function badLine(line: string, files: Record<string, string> = {}): string {
  const r = runLine(line, files);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd()).not.toContain('\n');
  return r.stderr.trimEnd();
}
