/**
 * Reading measured points from CSV text (RFC 4180 style) for fitting: the command-line `fit` commands and the
 * "bring your own data" panel. Pure: the caller reads the file. Nothing is silently dropped: every row that cannot be
 * used comes back as a `CsvRowError` naming the file's line number, the column and the reason.
 */
import { DomainError } from './errors';
import { parseQuantity } from './quantity';

/** One data record of a CSV file and the 1-based line of the file where it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A parsed CSV file: its header (trimmed, lower-cased) and its non-blank records. */
export interface CsvTable {
  header: string[];
  /** Line of the header row (1 unless blank lines precede it). */
  headerLine: number;
  records: CsvRecord[];
}

/** Why one row (or the header, for a missing column) cannot be used. */
export interface CsvRowError {
  /** 1-based line number in the file. */
  row: number;
  /** Column name as asked for (lower-case), or null when the whole row is wrong (field count, duplicate). */
  column: string | null;
  reason: string;
}

/** What a column must hold: any finite number, a number ≥ 0, or a number > 0. */
export type CsvColumnKind = 'number' | 'nonnegative' | 'positive';

/** A column to extract: its header name (matched case-insensitively) and the values it may hold. */
export interface CsvColumnSpec<K extends string = string> {
  name: K;
  kind: CsvColumnKind;
}

/** Good rows (in file order, with their line numbers) and every problem found. */
export interface CsvExtraction<K extends string> {
  rows: Array<Record<K, number> & { line: number }>;
  errors: CsvRowError[];
}

/** Splits CSV text into records: quoted fields ("a, ""b"""), CRLF or LF, a byte-order mark, blank lines skipped. */
function splitRecords(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let sawQuote = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]!.trim() === '' && !sawQuote;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    sawQuote = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
      continue;
    }
    if (ch === '"' && field.trim() === '') { quoted = true; sawQuote = true; field = ''; }
    else if (ch === ',') { fields.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) throw new DomainError(`CSV line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0 || sawQuote) endRecord();
  return records;
}

/**
 * Parses CSV text. The first non-blank record is the header; header names are trimmed and lower-cased so "Params"
 * and "params" match. Fields are trimmed of surrounding whitespace.
 *
 * @throws DomainError when the text has no header or a quoted field is never closed.
 */
export function parseCsv(text: string): CsvTable {
  const records = splitRecords(text).map((r) => ({ line: r.line, fields: r.fields.map((f) => f.trim()) }));
  const first = records.shift();
  if (!first) throw new DomainError('CSV is empty: expected a header row');
  return { header: first.fields.map((f) => f.toLowerCase()), headerLine: first.line, records };
}

function readCell(text: string | undefined, kind: CsvColumnKind): { value: number } | { reason: string } {
  if (text === undefined || text === '') return { reason: 'missing value' };
  let value: number;
  try { value = parseQuantity(text); } catch { return { reason: `not a number (${JSON.stringify(text)})` }; }
  if (kind === 'positive' && value <= 0) return { reason: `must be positive (got ${text})` };
  if (kind === 'nonnegative' && value < 0) return { reason: `must not be negative (got ${text})` };
  return { value };
}

/**
 * Extracts typed numeric columns from a parsed table. Numbers are read with `parseQuantity`, so "7B" and "1.4e12"
 * work. A row is good only if every requested column holds a valid value; otherwise each problem is reported.
 * Rows whose requested values all equal an earlier good row's are reported as duplicates (a repeated point would
 * silently double its weight in a fit). Extra columns are ignored.
 */
export function extractColumns<K extends string>(table: CsvTable, columns: ReadonlyArray<CsvColumnSpec<K>>): CsvExtraction<K> {
  const errors: CsvRowError[] = [];
  const index = new Map<K, number>();
  for (const spec of columns) {
    const at = table.header.indexOf(spec.name.toLowerCase());
    if (at < 0) errors.push({ row: table.headerLine, column: spec.name, reason: `column "${spec.name}" is missing from the header` });
    else index.set(spec.name, at);
  }
  if (errors.length > 0) return { rows: [], errors };
  const rows: CsvExtraction<K>['rows'] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    if (record.fields.length > table.header.length) {
      errors.push({ row: record.line, column: null, reason: `has ${record.fields.length} fields but the header has ${table.header.length}` });
      continue;
    }
    const row = { line: record.line } as Record<K, number> & { line: number };
    let ok = true;
    for (const spec of columns) {
      const cell = readCell(record.fields[index.get(spec.name)!], spec.kind);
      if ('reason' in cell) { errors.push({ row: record.line, column: spec.name, reason: cell.reason }); ok = false; }
      else (row as Record<K, number>)[spec.name] = cell.value;
    }
    if (!ok) continue;
    const key = columns.map((spec) => row[spec.name]).join(',');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ row: record.line, column: null, reason: `duplicates row ${earlier}` });
      continue;
    }
    seen.set(key, record.line);
    rows.push(row);
  }
  return { rows, errors };
}

/** One line describing a list of row errors, e.g. `row 3 loss: not a number ("abc"); row 5: duplicates row 2`. */
export function describeCsvErrors(errors: ReadonlyArray<CsvRowError>, limit = 10): string {
  const shown = errors.slice(0, limit).map((e) => `row ${e.row}${e.column ? ` ${e.column}` : ''}: ${e.reason}`);
  const more = errors.length > limit ? `; and ${errors.length - limit} more` : '';
  return `${shown.join('; ')}${more}`;
}
