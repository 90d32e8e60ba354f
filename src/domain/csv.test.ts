import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeCsvErrors, extractColumns, parseCsv, type CsvColumnSpec } from './csv';
import { DomainError } from './errors';

const chinchillaColumns: CsvColumnSpec<'params' | 'tokens' | 'loss'>[] = [
  { name: 'params', kind: 'positive' },
  { name: 'tokens', kind: 'positive' },
  { name: 'loss', kind: 'positive' },
];

describe('parseCsv', () => {
  it('reads a header case-insensitively, trims fields and numbers records by file line', () => {
    const table = parseCsv(' Params , TOKENS,loss\n1e8, 2e9 ,3.1\n');
    expect(table.header).toEqual(['params', 'tokens', 'loss']);
    expect(table.headerLine).toBe(1);
    expect(table.records).toEqual([{ line: 2, fields: ['1e8', '2e9', '3.1'] }]);
  });

  it('handles CRLF, blank lines, a byte-order mark and a missing final newline', () => {
    const table = parseCsv('\uFEFF\r\nparams,tokens\r\n\r\n1,2\r\n   \r\n3,4');
    expect(table.headerLine).toBe(2);
    expect(table.records).toEqual([
      { line: 4, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('handles quoted fields with commas, doubled quotes and newlines, keeping the start line', () => {
    const table = parseCsv('name,params\n"a, ""b""",1\n"multi\nline",2\n"12,000",3\n');
    expect(table.records).toEqual([
      { line: 2, fields: ['a, "b"', '1'] },
      { line: 3, fields: ['multi\nline', '2'] },
      { line: 5, fields: ['12,000', '3'] },
    ]);
  });

  it('treats a lone CR as a line break too', () => {
    expect(parseCsv('a\r1\r2').records.map((r) => r.line)).toEqual([2, 3]);
  });

  it('rejects empty text and unclosed quotes', () => {
    expect(() => parseCsv('')).toThrow(DomainError);
    expect(() => parseCsv('\n \n')).toThrow(/empty/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/line 2: a quoted field is never closed/);
  });

  it('reads back what a simple writer writes (property)', () => {
    const cell = fc.string({ maxLength: 8 }).map((s) => s.replace(/\r/g, '')).filter((s) => s.trim() === s);
    const grid = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(grid, (rows) => {
        const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const text = ['x,y', ...rows.map((r) => r.map(quote).join(','))].join('\n');
        expect(parseCsv(text).records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});

describe('extractColumns', () => {
  it('returns typed good rows with their lines, in any column order, ignoring extra columns', () => {
    const table = parseCsv('loss,note,TOKENS,Params\n2.5,x,20B,1B\n2.2,y,1.4e12,7e10\n');
    const { rows, errors } = extractColumns(table, chinchillaColumns);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, params: 1e9, tokens: 20e9, loss: 2.5 },
      { line: 3, params: 7e10, tokens: 1.4e12, loss: 2.2 },
    ]);
  });

  it('names each bad row by file line, column and reason, and keeps the good rows', () => {
    const text = [
      'params,tokens,loss', // 1
      '1e8,2e9,3.1', // 2
      '1e8,abc,3.0', // 3
      '', // 4
      '-5,2e9,3.0', // 5
      '0,2e9,3.0', // 6
      '1e8,,3.0', // 7
      '1e8,2e9', // 8
      '1e8,2e9,3.1', // 9: duplicate of 2
      '1e8,2e9,3.1,extra', // 10
      '2e8,4e9,2.9', // 11
    ].join('\n');
    const { rows, errors } = extractColumns(parseCsv(text), chinchillaColumns);
    expect(rows.map((r) => r.line)).toEqual([2, 11]);
    expect(errors).toEqual([
      { row: 3, column: 'tokens', reason: 'not a number ("abc")' },
      { row: 5, column: 'params', reason: 'must be positive (got -5)' },
      { row: 6, column: 'params', reason: 'must be positive (got 0)' },
      { row: 7, column: 'tokens', reason: 'missing value' },
      { row: 8, column: 'loss', reason: 'missing value' },
      { row: 9, column: null, reason: 'duplicates row 2' },
      { row: 10, column: null, reason: 'has 4 fields but the header has 3' },
    ]);
  });

  it('reports every problem of a row, not just the first', () => {
    const { errors } = extractColumns(parseCsv('params,tokens,loss\nx,y,-1\n'), chinchillaColumns);
    expect(errors.map((e) => e.column)).toEqual(['params', 'tokens', 'loss']);
  });

  it('distinguishes positive, nonnegative and any-number columns', () => {
    const table = parseCsv('a,b,c\n0,0,-1\n-1,0,0\n');
    const { rows, errors } = extractColumns(table, [
      { name: 'a', kind: 'nonnegative' },
      { name: 'b', kind: 'nonnegative' },
      { name: 'c', kind: 'number' },
    ]);
    expect(rows).toEqual([{ line: 2, a: 0, b: 0, c: -1 }]);
    expect(errors).toEqual([{ row: 3, column: 'a', reason: 'must not be negative (got -1)' }]);
  });

  it('reports missing header columns against the header line and extracts nothing', () => {
    const { rows, errors } = extractColumns(parseCsv('\nparams,loss\n1,2\n'), chinchillaColumns);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 2, column: 'tokens', reason: 'column "tokens" is missing from the header' }]);
  });
});

describe('describeCsvErrors', () => {
  it('writes one line and caps long lists', () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({ row: i + 2, column: i % 2 ? 'loss' : null, reason: 'bad' }));
    const text = describeCsvErrors(errors, 3);
    expect(text).toBe('row 2: bad; row 3 loss: bad; row 4: bad; and 9 more');
    expect(text).not.toContain('\n');
  });
});
