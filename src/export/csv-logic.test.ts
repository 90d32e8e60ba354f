import { comparePoint } from '../engine/compare-point';
import { compareRows } from '../compare/rows';
import { exportJson } from './json-logic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import { TIDY_HEADER, exportCsv, exportNumericCsv, parseCsv, tableCsv, toCsv } from './csv-logic';
import { testContext } from './testing/context';

describe('CSV export', () => {
  it('toCsv and parseCsv round-trip any cells, commas, quotes and line breaks included (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        // A row of one empty cell is written as an empty line, which reads back as a row with one empty cell.
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('quotes only where needed, with CRLF line ends', () => {
    expect(
      toCsv([
        ['a', 'b,c', 'say "hi"'],
        ['x\ny', ''],
      ]),
    ).toBe('a,"b,c","say ""hi"""\r\n"x\ny",\r\n');
    expect(() => parseCsv('"open')).toThrow(/unclosed/);
  });

  it('a chart table keeps its header and rows', () => {
    const t = testContext().charts[1]!.table;
    expect(parseCsv(tableCsv(t))).toEqual([t.columns, ...t.rows]);
  });

  it('the tidy export holds every scenario field with its exact value, the set, the preset and every chart cell', () => {
    const ctx = testContext();
    const rows = parseCsv(exportCsv(ctx));
    expect(rows[0]).toEqual([...TIDY_HEADER]);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    for (const spec of SCENARIO_SCHEMA) {
      const row = rows.find((r) => r[0] === 'scenario' && r[1] === spec.label && r[2] === 'value');
      const v = ctx.scenario[spec.field];
      expect(row?.[3], spec.label).toBe(v === undefined ? '' : String(v));
      if (typeof v === 'number') expect(Number(row![3])).toBe(v);
    }
    expect(rows).toContainEqual(['constants', 'hoffmann', 'source', ctx.set!.source]);
    expect(rows.find((r) => r[2] === 'range note')?.[3]).toMatch(/Outside the fitted range/);
    expect(rows).toContainEqual(['preset', 'chinchilla', 'title', 'Chinchilla 70 B / 1.4 T']);
    expect(rows).toContainEqual(['chart.passk', '10', 'pass@k', '0.909, approx\nline']);
    expect(rows).toContainEqual(['chart.isoflop', '70B', 'loss (nats)', '1.94']);
    const cells = ctx.charts.reduce((n, c) => n + c.table.rows.length * (c.table.columns.length - 1), 0);
    expect(rows.filter((r) => r[0].startsWith('chart.'))).toHaveLength(cells);
  });
});

describe('the A/B comparison in the exports', () => {
  const withComparison = () => {
    const ctx = testContext();
    const a = comparePoint({ ...ctx.scenario, params: 3.5e10 });
    const b = comparePoint(ctx.scenario);
    return { ...ctx, comparison: { pinned: { ...ctx.scenario, params: 3.5e10 }, rows: compareRows(a, b) } };
  };

  it('the tidy CSV has a comparison section with A, B and B against A for every row', () => {
    const ctx = withComparison();
    const rows = parseCsv(exportCsv(ctx)).filter((r) => r[0] === 'comparison');
    expect(rows).toHaveLength(ctx.comparison.rows.length * 3);
    expect(rows.find((r) => r[1] === 'Model size N' && r[2] === 'B against A')?.[3]).toBe('2.0× larger');
  });

  it('the numeric CSV holds the comparison as numbers in their units, read as they are', () => {
    const ctx = withComparison();
    const rows = parseCsv(exportNumericCsv(ctx)).filter((r) => r[0] === 'comparison');
    const n = rows.find((r) => r[1] === 'Model size N' && r[2] === 'A');
    expect(n).toEqual(['comparison', 'Model size N', 'A', '35000000000', 'parameters']);
    for (const r of rows) expect(Number.isFinite(Number(r[3]))).toBe(true);
    expect(rows.some((r) => r[4] === '$')).toBe(true);
  });

  it('the JSON carries A and the rows with numbers as numbers; no pin, no comparison key', () => {
    const doc = JSON.parse(exportJson(withComparison()));
    expect(doc.comparison.pinned.params).toBe(3.5e10);
    expect(doc.comparison.rows.find((r: { id: string }) => r.id === 'params')).toMatchObject({ a: 3.5e10, b: 7e10 });
    expect(JSON.parse(exportJson(testContext())).comparison).toBeUndefined();
  });
});
