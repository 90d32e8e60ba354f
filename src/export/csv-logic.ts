/**
 * CSV export, pure (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled). Two shapes: one chart's table as it is shown (wide), and the scenario plus every chart's table in one
 * tidy file (section, row, column, value), so a single file holds everything on screen; and the numeric file: the same
 * cells that are numbers, as plain numbers with their unit (./numeric-cell.ts), read as they are by pandas.
 */
import { formatCsv, parseCsvCells } from '../domain/csv';
import type { ExportContext, TableLike } from './types';
import { numericCell } from './numeric-cell';
import { scenarioRows } from './scenario-rows';

/** Rows of cells → CSV text (CRLF line ends, trailing CRLF); src/domain/csv.ts writes it. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return formatCsv(rows, '\r\n');
}

/** CSV text → rows of cells (the inverse of toCsv); src/domain/csv.ts `parseCsvCells`. */
export const parseCsv = parseCsvCells;

/** One chart's table as CSV: the header row, then its rows. */
export function tableCsv(table: TableLike): string {
  return toCsv([table.columns, ...table.rows]);
}

/** The header of the tidy export. */
export const TIDY_HEADER = ['section', 'row', 'column', 'value'] as const;

/** The header of the numeric export: the value as a plain number, its unit beside it (issue 13 item 6). */
export const NUMERIC_HEADER = ['section', 'row', 'column', 'value', 'unit'] as const;

/**
 * Scenario and chart data in one tidy CSV: the scenario as section "scenario" (row = field label, column = "value"
 * or "unit"), the constant set as section "constants", then every chart's table cell by cell (section = chart id,
 * row = the row's first cell, column = the column header).
 */
export function exportCsv(ctx: ExportContext): string {
  return toCsv([[...TIDY_HEADER], ...tidyRows(ctx)]);
}

/**
 * The numeric CSV: every cell of the tidy export that is a number ("1.67k" → 1670, "3.490 nats" → 3.49 with unit
 * nats, "61.2 %" → 0.612 with unit fraction), header NUMERIC_HEADER; text cells (names, sources) are left out.
 */
export function exportNumericCsv(ctx: ExportContext): string {
  const out: string[][] = [[...NUMERIC_HEADER]];
  for (const r of tidyRows(ctx)) {
    if (r[0] === 'comparison') continue; // written below from the numbers themselves
    const n = numericCell(r[3] ?? '');
    if (n) out.push([r[0]!, r[1]!, r[2]!, String(n.value), n.unit]);
  }
  // The comparison's numbers as the engine gave them (not read back from their display text).
  for (const r of ctx.comparison?.rows ?? []) {
    for (const [col, v] of [
      ['A', r.a],
      ['B', r.b],
    ] as const)
      if (typeof v === 'number' && Number.isFinite(v)) out.push(['comparison', r.label, col, String(v), r.unit]);
  }
  return toCsv(out);
}

function tidyRows(ctx: ExportContext): string[][] {
  const rows: string[][] = [];
  for (const r of scenarioRows(ctx.scenario)) {
    rows.push(['scenario', r.label, 'value', r.value], ['scenario', r.label, 'unit', r.unit]);
  }
  if (ctx.set) {
    rows.push(
      ['constants', ctx.set.id, 'name', ctx.set.name],
      ['constants', ctx.set.id, 'kind', ctx.set.kind],
      ['constants', ctx.set.id, 'source', ctx.set.source],
    );
  }
  if (ctx.rangeNote) rows.push(['constants', ctx.set?.id ?? '', 'range note', ctx.rangeNote]);
  if (ctx.preset)
    rows.push(
      ['preset', ctx.preset.id, 'title', ctx.preset.title],
      ['preset', ctx.preset.id, 'source', `${ctx.preset.citation} (${ctx.preset.source})`],
    );
  for (const r of ctx.comparison?.rows ?? []) {
    rows.push(
      ['comparison', r.label, 'A', r.aText],
      ['comparison', r.label, 'B', r.bText],
      ['comparison', r.label, 'B against A', r.change],
    );
  }
  for (const chart of ctx.charts) {
    for (const r of chart.table.rows) {
      const label = r[0] ?? '';
      chart.table.columns.forEach((col, j) => {
        if (j > 0) rows.push([chart.id, label, col, r[j] ?? '']);
      });
    }
  }
  return rows;
}
