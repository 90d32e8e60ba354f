import { describe, expect, it } from 'vitest';
import { chinchillaLoss } from '../../domain/chinchilla';
import { getChinchillaSet } from '../../domain/chinchilla-sets';
import { createRng } from '../../domain/random';
import { badLine, okJson } from '../test-helpers';

/** Noisy synthetic runs of a known Chinchilla law, as CSV text (seeded, so the test is deterministic). */
function chinchillaCsv(points: number, seed: number, noise: number): string {
  const c = getChinchillaSet('hoffmann-rounded')!.constants;
  const rng = createRng(seed);
  const rand = () => rng.next();
  const lines = ['Params,Tokens,Loss'];
  for (let i = 0; i < points; i++) {
    const n = 10 ** (7 + 3 * rand());
    const d = 10 ** (9 + 3 * rand());
    const loss = chinchillaLoss(c, n, d) * Math.exp(noise * (rand() - 0.5));
    lines.push(`${n},${d},${loss}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('fit chinchilla', () => {
  it('recovers known constants from noisy synthetic data, deterministically', () => {
    const files = { 'runs.csv': chinchillaCsv(60, 7, 0.004) };
    const fit = okJson('fit chinchilla --data runs.csv', files) as Record<string, number>;
    expect(Object.keys(fit).sort()).toEqual(['A', 'B', 'E', 'alpha', 'beta', 'objective', 'points'].sort());
    expect(fit.points).toBe(60);
    expect(fit.E).toBeCloseTo(1.69, 1);
    expect(fit.alpha).toBeCloseTo(0.34, 1);
    expect(fit.beta).toBeCloseTo(0.28, 1);
    expect(fit.objective).toBeGreaterThanOrEqual(0);
    expect(okJson('fit chinchilla --data runs.csv', files)).toEqual(fit);
  });

  it('output can be passed back as --constants', () => {
    const files: Record<string, string> = { 'runs.csv': chinchillaCsv(30, 3, 0) };
    const fit = okJson('fit chinchilla --data runs.csv', files);
    files['fit.json'] = JSON.stringify(fit);
    expect(okJson('loss --constants fit.json --params 70B --tokens 1.4T', files).loss).toBeCloseTo(1.9366, 2);
  });

  it('rejects a CSV with bad rows, naming every row and reason, and fits nothing', () => {
    const csv = 'params,tokens,loss\n1e8,2e9,3.1\n1e8,abc,3\n\n-1,2e9,3\n1e8,2e9,3.1\n2e8,,2.9\n';
    expect(badLine('fit chinchilla --data bad.csv', { 'bad.csv': csv })).toBe(
      'fit chinchilla: --data bad.csv: 4 bad rows, nothing fitted: row 3 tokens: not a number ("abc"); '
      + 'row 5 params: must be positive (got -1); row 6: duplicates row 2; row 7 tokens: missing value',
    );
  });

  it('rejects a missing column, too few rows, an empty file and a missing file', () => {
    const files = {
      'cols.csv': 'params,loss\n1,2\n',
      'few.csv': 'params,tokens,loss\n1e8,2e9,3\n2e8,2e9,2.9\n',
      'empty.csv': '',
    };
    expect(badLine('fit chinchilla --data cols.csv', files)).toMatch(/^fit chinchilla: --data cols.csv: 1 bad row, nothing fitted: row 1 tokens: column "tokens" is missing/);
    expect(badLine('fit chinchilla --data few.csv', files)).toBe('fit chinchilla: --data few.csv: 2 data rows; at least 5 needed');
    expect(badLine('fit chinchilla --data empty.csv', files)).toBe('fit chinchilla: --data empty.csv: CSV is empty: expected a header row');
    expect(badLine('fit chinchilla --data none.csv', files)).toBe('fit chinchilla: --data: cannot read none.csv: no such file');
    expect(badLine('fit chinchilla')).toBe('fit chinchilla: missing required flag --data');
  });

  it('asks for a subcommand', () => {
    expect(badLine('fit')).toMatch(/^fit needs a subcommand \(one of: chinchilla/);
    expect(badLine('fit nope --data x.csv')).toMatch(/^fit has no subcommand "nope"/);
  });
});
