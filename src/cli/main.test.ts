import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * Runs the real entry point in a child process, as `npm run -s cli` does (tsx src/cli/main.ts). The tsx binary is
 * called directly rather than through npx so that npm's own warnings cannot mix into stderr.
 */
function spawnCli(args: string[]) {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('src/cli/main.ts end to end', () => {
  it('prints one JSON object and exits 0', () => {
    const r = spawnCli(['loss', '--constants', 'hoffmann-rounded', '--params', '70B', '--tokens', '1.4T']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).loss).toBeCloseTo(1.9366, 3);
  });

  it('exits 2 with one line on stderr and no stack trace on bad input, including a missing file', () => {
    const bad = spawnCli(['passk-estimate', '--n', '10', '--c', '-1', '--k', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('passk-estimate: --c is a count and must not be negative (got -1)\n');
    const missing = spawnCli(['fit', 'chinchilla', '--data', 'no/such/file.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('fit chinchilla: --data: cannot read no/such/file.csv: no such file\n');
  });
});
