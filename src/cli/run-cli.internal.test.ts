import { describe, expect, it, vi } from 'vitest';
import { EXIT_INTERNAL, runCli } from './run-cli';
import { fakeIo } from './test-io';

// A bug inside the domain (not a DomainError) must still give one line and no stack trace, with exit code 1.
vi.mock('../domain/passk', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../domain/passk')>()),
  passAtKBeta: () => {
    throw new TypeError('cannot read properties of undefined\n    at somewhere (passk.ts:1:1)');
  },
}));

describe('runCli: internal errors', () => {
  it('exits 1 with one line on stderr', () => {
    const r = runCli(['passk-beta', '--a', '1', '--b', '1', '--k', '1'], fakeIo());
    expect(r.code).toBe(EXIT_INTERNAL);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('internal error: cannot read properties of undefined\n');
  });
});
