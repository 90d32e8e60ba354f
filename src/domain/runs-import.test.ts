import { describe, expect, it } from 'vitest';
import { runsToCsv as labRunsToCsv, runsToJson as labRunsToJson } from '../lab/export-logic';
import type { LabRun } from '../lab/types';
import { extractRuns, guessFitKind, guessMapping, previewRows, readRunsText, type ColumnMapping } from './runs-import';

const csv = [
  'Model size,Training tokens,final_loss,notes',
  '7B,140B,2.1,ok', // line 2
  '1e9,2e10,2.6,', // 3
  ',2e10,2.6,', // 4 missing
  '-1e9,2e10,2.6,', // 5 negative
  '1e9,abc,2.6,', // 6 non-numeric
  '1e9,2e10,2.6,', // 7 duplicate of 3
  '2e9,4e10,2.4,', // 8
  '4e9,8e10,2.3,', // 9
  '8e9,1.6e11,2.2,', // 10
].join('\n');

describe('readRunsText', () => {
  it('reads CSV and JSON (array of objects, or {runs: [...]})', () => {
    expect(readRunsText(csv).format).toBe('csv');
    const json = readRunsText(
      '[{"Params": 7e9, "tokens": "1.4T", "loss": 2}, {"params": 1e9, "tokens": 2e10, "loss": null}]',
    );
    expect(json.format).toBe('json');
    expect(json.table.header).toEqual(['params', 'tokens', 'loss']);
    expect(json.table.records[1]).toEqual({ line: 2, fields: ['1000000000', '20000000000', ''] });
    expect(readRunsText('{"runs": [{"params": 1}]}').table.records).toHaveLength(1);
  });

  it.each([
    ['', /empty/],
    ['   \n  ', /empty/],
    ['hello world, this is prose\nwithout any structure', /no data rows|neither CSV/],
    ['just one line of prose', /neither CSV/],
    ['{"a": 1}', /not an array of runs/],
    ['[1, 2]', /item 1 is not an object/],
    ['[]', /empty/],
    ['[{"a":', /could not be read/],
    ['params,tokens,loss\n', /no data rows/],
    ['\u0000\u0001PNG', /binary/],
  ])('explains %j', (text, message) => {
    expect(() => readRunsText(text)).toThrow(message);
  });
});

describe('damaged CSV rows', () => {
  it('a NUL byte or an unclosed quote costs only its row, reported by line and reason; the good rows are kept', () => {
    const text = [
      'params,tokens,loss',
      '1e8,2e9,3.1',
      '2e8,4e9,3\u0000',
      '4e8,8e9,2.9',
      '8e8,"1.6e10,2.8',
      '1.6e9,3.2e10,2.7',
      '3.2e9,6.4e10,2.6',
      '6.4e9,1.28e11,2.5',
    ].join('\n');
    const { table } = readRunsText(text);
    const r = extractRuns(table, 'chinchilla', guessMapping(table.header));
    expect(r.runs.map((x) => x.line)).toEqual([2, 4, 6, 7, 8]);
    expect(r.errors.map((e) => [e.row, e.reason.split(';')[0]])).toEqual([
      [3, 'contains a NUL byte (binary data?)'],
      [5, 'a quoted field opened on this line is never closed'],
    ]);
    expect(r.problem).toBeNull();
  });

  it('still calls a file of NUL bytes (binary, or UTF-16) binary', () => {
    const utf16 = [...'params,tokens,loss\n1e8,2e9,3.1\n'].map((c) => `${c}\u0000`).join('');
    expect(() => readRunsText(utf16)).toThrow(/binary.*UTF-16/);
  });
});

describe('mapping and extraction', () => {
  const { table } = readRunsText(csv);

  it('guesses columns by header name and the fit by the columns present', () => {
    const m = guessMapping(table.header);
    expect(m).toMatchObject({
      params: 'model size',
      tokens: 'training tokens',
      loss: 'final_loss',
      samples: '',
      nll: '',
    });
    expect(guessFitKind(m)).toBe('chinchilla');
    const t2 = guessMapping(['n', 'd', 'k', 'task_nll', 'pass@k']);
    expect(t2).toMatchObject({ params: 'n', tokens: 'd', samples: 'k', nll: 'task_nll', passAtK: 'pass@k' });
    expect(guessFitKind(t2)).toBe('t2-2');
    expect(guessFitKind({ ...t2, passAtK: '' })).toBe('t2-1');
  });

  it('guesses the fit from the registry as the old switch did, for every set of mapped columns', () => {
    const old = (m: ColumnMapping) =>
      m.samples && m.passAtK && m.nll ? 't2-2' : m.samples && m.nll ? 't2-1' : 'chinchilla';
    const optional = ['samples', 'nll', 'passAtK', 'loss'] as const;
    for (let bits = 0; bits < 1 << optional.length; bits++) {
      const m: ColumnMapping = { params: 'n', tokens: 'd', samples: '', loss: '', nll: '', passAtK: '' };
      optional.forEach((f, i) => {
        if (bits & (1 << i)) m[f] = f;
      });
      expect(guessFitKind(m), JSON.stringify(m)).toBe(old(m));
    }
  });

  it('keeps good rows (7B, 140B parsed) and lists every bad row with its line and reason', () => {
    const r = extractRuns(table, 'chinchilla', guessMapping(table.header));
    expect(r.runs.map((x) => x.line)).toEqual([2, 3, 8, 9, 10]);
    expect(r.runs[0]).toEqual({ line: 2, params: 7e9, tokens: 1.4e11, loss: 2.1 });
    expect(r.errors.map((e) => [e.row, e.reason.split(' (')[0]])).toEqual([
      [4, 'missing value'],
      [5, 'must be positive'],
      [6, 'not a number'],
      [7, 'duplicates row 3'],
    ]);
    expect(r.problem).toBeNull();
  });

  it('follows a mapping the user changed, and asks for unmapped columns', () => {
    const m = { ...guessMapping(table.header), loss: '' };
    expect(extractRuns(table, 'chinchilla', m).problem).toMatch(/Choose a column for Loss/);
    const swapped = extractRuns(table, 'chinchilla', { ...m, loss: 'model size', params: 'final_loss' });
    expect(swapped.runs[0]).toMatchObject({ params: 2.1, loss: 7e9 });
  });

  it('says when too few rows remain, and rejects pass@k above 1', () => {
    const few = readRunsText('params,tokens,loss\n1e8,2e9,3\n2e8,4e9,2.9').table;
    expect(extractRuns(few, 'chinchilla', guessMapping(few.header)).problem).toMatch(
      /Too few good rows to fit: 2 .*at least 5/,
    );
    const t = readRunsText('n,d,k,nll,pass@k\n1e8,2e9,1,3,42').table;
    const r = extractRuns(t, 't2-2', guessMapping(t.header));
    expect(r.errors[0]).toMatchObject({ row: 2, column: 'passAtK' });
    expect(previewRows(t, 1)).toEqual([['1e8', '2e9', '1', '3', '42']]);
  });
});

describe('a model-lab export read into "Your data"', () => {
  // Lab runs: n = 16 samples drawn per problem (`samples`), pass@k reported at k (`k`), which is the laws' k.
  const lab: LabRun[] = [
    [3e4, 1e6, 1],
    [6e4, 3e6, 4],
    [1.2e5, 1e7, 2],
    [2.4e5, 3e6, 8],
    [4.8e5, 3e7, 4],
    [9e5, 8e7, 1],
  ].map(([n, d, k], i) => ({
    id: `r${i}`,
    createdAt: `2026-11-22T10:0${i}:00.000Z`,
    modelId: `m${i}`,
    params: n!,
    tokens: d!,
    tasks: ['t'],
    problems: 8,
    samples: 16,
    k: k!,
    temperature: 1,
    seed: 1,
    passAtK: 0.1 * (i + 1),
    passAtKAll: { [String(k)]: 0.1 * (i + 1) },
    nll: 3 - 0.2 * i,
    prefillTokensPerSecond: 1,
    decodeTokensPerSecond: 1,
    wallMs: 1,
    flops: 1,
    usedKvCache: true,
    perTask: [],
    device: {
      backend: 'wasm',
      adapter: null,
      threads: 1,
      browser: 'x',
      crossOriginIsolated: true,
      fallbackReason: null,
    },
  }));

  it.each([
    ['JSON', labRunsToJson(lab, '2026-11-22T12:00:00.000Z', null)],
    ['CSV', labRunsToCsv(lab)],
  ])("maps k (not samples, which is n) to the laws' k, so the %s export round-trips", (_, text) => {
    const { table } = readRunsText(text);
    const m = guessMapping(table.header);
    expect(m.samples).toBe('k');
    expect(guessFitKind(m)).toBe('t2-2');
    const r = extractRuns(table, 't2-2', m);
    expect(r.errors).toEqual([]);
    expect(r.runs.map((x) => [x.params, x.tokens, x.samples, x.passAtK, x.nll])).toEqual(
      lab.map((x) => [x.params, x.tokens, x.k, x.passAtK, x.nll]),
    );
  });

  it('still reads a column named samples as k when there is no k column, and prefers the most specific header', () => {
    expect(guessMapping(['params', 'tokens', 'samples', 'nll']).samples).toBe('samples');
    expect(guessMapping(['n', 'params', 'tokens']).params).toBe('params');
  });
});
