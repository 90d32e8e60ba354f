/**
 * Tidy CSV tables (data/public/tidy/*.csv) in the format the "Your data" importer reads (src/domain/csv.ts,
 * src/byod/import-logic.ts): a header row, then one row per run. Numbers are written with full precision
 * (shortest round-trip form), strings quoted only when they hold a comma, quote or newline.
 */

/** One CSV field: a finite number (shortest round-trip text) or a string (RFC 4180 quoting when needed). */
export function csvField(v: number | string): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`tidy table: non-finite number ${v}`);
    return String(v);
  }
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text of a table (LF line ends, trailing newline). Throws when a row's length differs from the header's. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (number | string)[])[]): string {
  const lines = [columns.map(csvField).join(',')];
  rows.forEach((r, i) => {
    if (r.length !== columns.length)
      throw new Error(`tidy table: row ${i + 1} has ${r.length} fields, header has ${columns.length}`);
    lines.push(r.map(csvField).join(','));
  });
  return `${lines.join('\n')}\n`;
}
