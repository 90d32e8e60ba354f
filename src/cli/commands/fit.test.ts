import { describe, expect, it } from 'vitest';
import { chinchillaLoss } from '../../domain/chinchilla';
import { getChinchillaSet } from '../../domain/chinchilla-sets';
import { t2Loss } from '../../domain/t2-approach1';
import { getT2Approach1Set } from '../../domain/t2-sets';
import { createRng } from '../../domain/random';
import { runCli } from '../run-cli';
import { fakeIo } from '../test-io';
import { badLine, okJson } from '../test-helpers';
import { FIT_MAX_ROWS, FIT_WARN_ROWS } from './fit';

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
      'fit chinchilla: --data bad.csv: 4 bad rows, nothing fitted: row 3 tokens: not a number ("abc"); ' +
        'row 5 params: must be positive (got -1); row 6: duplicates row 2; row 7 tokens: missing value',
    );
  });

  it('rejects a missing column, too few rows, an empty file and a missing file', () => {
    const files = {
      'cols.csv': 'params,loss\n1,2\n',
      'few.csv': 'params,tokens,loss\n1e8,2e9,3\n2e8,2e9,2.9\n',
      'empty.csv': '',
    };
    expect(badLine('fit chinchilla --data cols.csv', files)).toMatch(
      /^fit chinchilla: --data cols.csv: 1 bad row, nothing fitted: row 1 tokens: column "tokens" is missing/,
    );
    expect(badLine('fit chinchilla --data few.csv', files)).toBe(
      'fit chinchilla: --data few.csv: 2 data rows; at least 5 needed',
    );
    expect(badLine('fit chinchilla --data empty.csv', files)).toBe(
      'fit chinchilla: --data empty.csv: CSV is empty: expected a header row',
    );
    expect(badLine('fit chinchilla --data none.csv', files)).toBe(
      'fit chinchilla: --data: cannot read none.csv: no such file',
    );
    expect(badLine('fit chinchilla')).toBe('fit chinchilla: missing required flag --data');
  });

  it('on a large file warns and reports progress on stderr while stdout stays one JSON object; refuses over the row limit', () => {
    const big = { 'big.csv': chinchillaCsv(FIT_WARN_ROWS + 5, 9, 0.004) };
    const lines: string[] = [];
    const r = runCli(['fit', 'chinchilla', '--data', 'big.csv'], { ...fakeIo(big), progress: (l) => lines.push(l) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const fit = JSON.parse(r.stdout) as Record<string, number>;
    expect(fit.points).toBe(FIT_WARN_ROWS + 5);
    expect(fit.alpha).toBeCloseTo(0.34, 1);
    expect(lines[0]).toMatch(/^fit chinchilla: 20005 rows: the start search runs on a 500-row subsample/);
    expect(lines.slice(1)).toEqual(Array.from({ length: 10 }, (_, i) => `fit chinchilla: ${10 * (i + 1)} % done`));
    // Below the threshold: no progress lines at all.
    const quiet: string[] = [];
    expect(
      runCli(['fit', 'chinchilla', '--data', 'runs.csv'], {
        ...fakeIo({ 'runs.csv': chinchillaCsv(40, 1, 0) }),
        progress: (l) => quiet.push(l),
      }).code,
    ).toBe(0);
    expect(quiet).toEqual([]);
    const huge = `params,tokens,loss\n${'1e8,2e9,3\n'.repeat(FIT_MAX_ROWS + 1)}`;
    expect(badLine('fit chinchilla --data huge.csv', { 'huge.csv': huge })).toBe(
      `fit chinchilla: --data huge.csv has ${FIT_MAX_ROWS + 1} data rows; fit chinchilla takes at most 1,000,000 (fit a subsample, or aggregate repeated runs)`,
    );
  }, 120_000);

  it('asks for a subcommand', () => {
    expect(badLine('fit')).toMatch(/^fit needs a subcommand \(one of: chinchilla/);
    expect(badLine('fit nope --data x.csv')).toMatch(/^fit has no subcommand "nope"/);
  });
});

/** Noisy synthetic checkpoints × k of the illustrative T² Approach 1 law, as CSV text. */
function t2Csv(models: number, seed: number, noise: number): string {
  const c = getT2Approach1Set('t2-illustrative')!.constants;
  const rng = createRng(seed);
  const lines = ['params,tokens,samples,nll,task'];
  for (let i = 0; i < models; i++) {
    const n = 10 ** (6.7 + 2.3 * rng.next());
    const d = 10 ** (8 + 3.5 * rng.next());
    for (const k of [1, 4, 16, 64])
      lines.push(`${n},${d},${k},${t2Loss(c, n, d, k) + noise * rng.normal()},"lambada, synthetic"`);
  }
  return `${lines.join('\n')}\n`;
}

describe('fit t2-1', () => {
  it('recovers the generating constants from noisy synthetic data, deterministically for a seed', () => {
    const files = { 'ckpt.csv': t2Csv(30, 11, 0.01) };
    const fit = okJson('fit t2-1 --data ckpt.csv', files) as Record<string, number>;
    expect(Object.keys(fit)).toEqual(['E', 'A', 'B', 'alpha', 'beta', 'G', 'gamma', 'objective', 'points']);
    expect(fit.points).toBe(120);
    // The generating constants are the illustrative set's; each is recovered to within 15 % (E within 0.05 nats).
    const c = getT2Approach1Set('t2-illustrative')!.constants;
    expect(Math.abs(fit.E! - c.E)).toBeLessThan(0.05);
    for (const key of ['alpha', 'beta', 'G', 'gamma'] as const)
      expect(Math.abs(fit[key]! / c[key] - 1), key).toBeLessThan(0.15);
    expect(okJson('fit t2-1 --data ckpt.csv --seed 1', files)).toEqual(fit);
  });

  it('output can be passed to t2-optimum as --constants', () => {
    const files: Record<string, string> = { 'ckpt.csv': t2Csv(20, 5, 0) };
    files['fit.json'] = JSON.stringify(okJson('fit t2-1 --data ckpt.csv', files));
    const mine = okJson('t2-optimum --approach 1 --constants fit.json --train-flops 1e20 --inference-flops 2e9', files);
    const shipped = okJson(
      't2-optimum --approach 1 --constants t2-illustrative --train-flops 1e20 --inference-flops 2e9',
    );
    expect((mine.params as number) / (shipped.params as number)).toBeCloseTo(1, 1);
  });

  it('names bad rows and refuses data it cannot fit', () => {
    const csv = 'params,tokens,samples,nll\n1e8,2e9,0,12\n1e8,2e9,1,-3\n';
    expect(badLine('fit t2-1 --data bad.csv', { 'bad.csv': csv })).toBe(
      'fit t2-1: --data bad.csv: 2 bad rows, nothing fitted: row 2 samples: must be positive (got 0); row 3 nll: must be positive (got -3)',
    );
    const oneK = [
      'params,tokens,samples,nll',
      ...Array.from({ length: 9 }, (_, i) => `${1e7 * (i + 1)},1e9,1,${12 - i * 0.1}`),
    ].join('\n');
    expect(badLine('fit t2-1 --data onek.csv', { 'onek.csv': oneK })).toMatch(
      /samples k must take at least two values/,
    );
    expect(badLine('fit t2-1 --data few.csv', { 'few.csv': 'params,tokens,samples,nll\n1,1,1,1\n' })).toBe(
      'fit t2-1: --data few.csv: 1 data row; at least 8 needed',
    );
    expect(badLine('fit t2-1 --data x.csv --seed -1', { 'x.csv': '' })).toBe(
      'fit t2-1: --seed is a count and must not be negative (got -1)',
    );
  });
});
