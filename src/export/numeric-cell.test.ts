import { describe, expect, it } from 'vitest';
import { numericCell } from './numeric-cell';

describe('numericCell', () => {
  it.each([
    ['1.67k', 1670, ''],
    ['3.490 nats', 3.49, 'nats'],
    ['2.56e19', 2.56e19, ''],
    ['61.2 %', 0.612, 'fraction'],
    ['$2.3k', 2300, 'USD'],
    ['12×', 12, 'ratio'],
    ['1.4T', 1.4e12, ''],
    ['0.8762 nats [extrapolated]', 0.8762, 'nats'],
    ['-1.5 OOM', -1.5, 'OOM'],
  ])('reads %j as %d %s', (text, value, unit) => {
    expect(numericCell(text)).toEqual({ value, unit });
  });

  it.each(['—', '', 'Chinchilla', '> 1,000,000×', 'pruning (calibrated)'])('gives null for %j', (text) => {
    expect(numericCell(text)).toBeNull();
  });
});

describe('the numeric CSV export', () => {
  it('holds numbers with a unit column, readable as they are', async () => {
    const { exportNumericCsv, NUMERIC_HEADER, parseCsv } = await import('./csv-logic');
    const ctx = {
      scenario: {
        qualityModel: 'chinchilla',
        constantSet: 'hoffmann',
        params: 7e10,
        tokens: 1.4e12,
        samples: 1,
        trainFlops: 5.88e23,
        inferenceFlops: 1.4e11,
        tokensServed: 2e12,
        targetQuality: 0,
      },
      set: null,
      rangeNote: null,
      preset: null,
      url: '',
      charts: [
        {
          id: 'chart.isoflop',
          title: 'IsoFLOP slice',
          table: {
            caption: '',
            columns: ['N', 'loss (nats)', 'share'],
            rows: [
              ['70B', '1.94 nats', '61.2 %'],
              ['7B', '—', 'n/a'],
            ],
          },
        },
      ],
    } as unknown as Parameters<typeof exportNumericCsv>[0];
    const rows = parseCsv(exportNumericCsv(ctx));
    expect(rows[0]).toEqual([...NUMERIC_HEADER]);
    for (const r of rows.slice(1)) expect(Number.isFinite(Number(r[3])), r.join(',')).toBe(true);
    expect(rows).toContainEqual(['chart.isoflop', '70B', 'loss (nats)', '1.94', 'nats']);
    expect(rows).toContainEqual(['chart.isoflop', '70B', 'share', '0.612', 'fraction']);
    expect(rows.find((r) => r[1] === '7B')).toBeUndefined();
    expect(rows).toContainEqual(['scenario', 'Parameters (N)', 'value', '70000000000', '']);
  });
});
