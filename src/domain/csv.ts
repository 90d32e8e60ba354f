/**
 * Reading measured points from CSV text (RFC 4180 style) for fitting: the command-line `fit` commands and the
 * "bring your own data" panel. Pure: the caller reads the file. Nothing is silently dropped: every row that cannot be
 * used comes back as a `CsvRowError` naming the file's line number, the column and the reason; with `recover`, so
 * does a row that cannot even be split (an unclosed quote, a NUL byte), and the rest of the file is still read.
 */
import { DomainError } from './errors';
import { parseQuantity } from './quantity';

/** One data record of a CSV file and the 1-based line of the file where it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Last line of a record that spans several (a quoted field holding line breaks), set in recover mode. */
  endLine?: number;
}

/** A parsed CSV file: its header (trimmed, lower-cased) and its non-blank records. */
export interface CsvTable {
  header: string[];
  /** Line of the header row (1 unless blank lines precede it). */
  headerLine: number;
  records: CsvRecord[];
  /**
   * Records that could not be read (a quoted field never closed, a NUL byte), by line; present when parsed with
   * `recover: true`. `extractColumns` reports them with the other row errors.
   */
  problems?: CsvRowError[];
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

/** Options of `parseCsv`. */
export interface CsvParseOptions {
  /**
   * Keep going past records that cannot be read, reporting each in `CsvTable.problems` (default false: an unclosed
   * quote throws, as before). A quoted field never closed loses only the record it opens on: reading resumes on the
   * next line, from then on one record per line (a quote must close on its own line). A record holding a NUL byte is
   * reported and left out (NUL bytes in the header are removed and reported).
   */
  recover?: boolean;
}

/** A record as split, with the reason it cannot be used (recover mode only). */
interface RawRecord extends CsvRecord {
  bad?: 'unclosed' | 'stray' | 'unclosed-line' | 'nul';
}

const QUOTE = 34,
  COMMA = 44,
  LF = 10,
  CR = 13,
  SPACE = 32,
  TAB = 9,
  NUL = 0;

/** Index just past the first line break at or after `from` (CRLF as one), or the text's length. */
function nextLineStart(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === LF) return j + 1;
    if (c === CR) return s.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
  }
  return s.length;
}

/** True when the text ends with a line break. */
function endsWithBreak(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === LF || c === CR;
}

/** True when position `j` (after spaces or tabs) is a comma, a line break or the end: where a field may end. */
function endsField(s: string, j: number): boolean {
  let k = j;
  while (k < s.length && (s.charCodeAt(k) === SPACE || s.charCodeAt(k) === TAB)) k++;
  const c = s.charCodeAt(k);
  return k >= s.length || c === COMMA || c === LF || c === CR;
}

/**
 * Splits CSV text into records: quoted fields ("a, ""b"""), CRLF, LF or a lone CR, a byte-order mark, blank lines
 * skipped. Scans by character code and slices fields (no per-character string building): linear in the text.
 */
function splitRecords(text: string, recover: boolean): RawRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  const out: RawRecord[] = [];
  let i = 0;
  let line = 1;
  let singleLine = false; // after an unclosed quote (recover mode): a quoted field must close on its own line
  records: while (i < n) {
    const recordLine = line;
    const recordStart = i;
    const fields: string[] = [];
    let sawQuote = false;
    let nul = false;
    let spans = false;
    for (;;) {
      let field = '';
      let j = i;
      while (j < n && (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB)) j++;
      let from = i;
      if (j < n && s.charCodeAt(j) === QUOTE) {
        sawQuote = true;
        j++;
        let start = j;
        let closed = false;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === QUOTE) {
            if (s.charCodeAt(j + 1) === QUOTE) {
              field += s.slice(start, j + 1);
              j += 2;
              start = j;
              continue;
            }
            field += s.slice(start, j);
            j++;
            closed = true;
            break;
          }
          if (singleLine && (c === LF || c === CR)) break;
          if (c === LF) {
            line++;
            spans = true;
          } else if (c === NUL) nul = true;
          j++;
        }
        // Recover mode: a quote that "closes" a field spanning lines but is not followed by a comma or a line break
        // is most likely a stray quote pairing up with another stray one lines later; treat the field as unclosed.
        const stray = closed && recover && spans && !endsField(s, j);
        if (!closed || stray) {
          if (!recover) throw new DomainError(`CSV line ${recordLine}: a quoted field is never closed`);
          out.push({ line: recordLine, fields: [], bad: singleLine ? 'unclosed-line' : stray ? 'stray' : 'unclosed' });
          i = nextLineStart(s, singleLine ? j : recordStart);
          line = recordLine + 1;
          singleLine = true;
          continue records;
        }
        from = j;
      }
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === NUL) nul = true;
        j++;
      }
      field += s.slice(from, j);
      fields.push(field);
      if (j < n && s.charCodeAt(j) === COMMA) {
        i = j + 1;
        continue;
      }
      i = j < n ? nextLineStart(s, j) : n;
      if (j < n) line++;
      break;
    }
    const blank = fields.length === 1 && fields[0]!.trim() === '' && !sawQuote;
    if (blank) continue;
    const record: RawRecord = recover && nul ? { line: recordLine, fields, bad: 'nul' } : { line: recordLine, fields };
    const last = i >= n && !endsWithBreak(s) ? line : line - 1;
    if (recover && last > recordLine) record.endLine = last;
    out.push(record);
  }
  return out;
}

const BAD_REASON: Record<NonNullable<RawRecord['bad']>, string> = {
  unclosed:
    'a quoted field opened on this line is never closed; the row is left out and reading resumes on the next line',
  stray:
    'a quoted field opened on this line is not closed properly (a stray quote?); the row is left out and reading resumes on the next line',
  'unclosed-line': 'a quoted field is not closed on this line; the row is left out',
  nul: 'contains a NUL byte (binary data?); the row is left out',
};

/**
 * Parses CSV text. The first non-blank record is the header; header names are trimmed and lower-cased so "Params"
 * and "params" match. Fields are trimmed of surrounding whitespace. With `recover: true`, records that cannot be
 * read are reported in `problems` (by line and reason) and the others kept.
 *
 * @throws DomainError when the text has no header, or a quoted field is never closed (without `recover`, or in the
 *   header row).
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvTable {
  const recover = options.recover === true;
  const raw = splitRecords(text, recover);
  const problems: CsvRowError[] = [];
  const records: CsvRecord[] = [];
  let header: CsvRecord | null = null;
  for (const r of raw) {
    const fields = r.fields.map((f) => f.trim());
    if (header === null) {
      if (r.bad && r.bad !== 'nul')
        throw new DomainError(`CSV line ${r.line}: a quoted field in the header row is never closed`);
      if (r.bad === 'nul')
        problems.push({ row: r.line, column: null, reason: 'the header row contains NUL bytes; they were removed' });
      header = {
        line: r.line,
        fields: r.bad === 'nul' ? fields.map((f) => f.replaceAll('\u0000', '').trim()) : fields,
      };
    } else if (r.bad) problems.push({ row: r.line, column: null, reason: BAD_REASON[r.bad] });
    else records.push(r.endLine ? { line: r.line, fields, endLine: r.endLine } : { line: r.line, fields });
  }
  if (!header) throw new DomainError('CSV is empty: expected a header row');
  const table: CsvTable = { header: header.fields.map((f) => f.toLowerCase()), headerLine: header.line, records };
  if (recover) table.problems = problems;
  return table;
}

function readCell(text: string | undefined, kind: CsvColumnKind): { value: number } | { reason: string } {
  if (text === undefined || text === '') return { reason: 'missing value' };
  let value: number;
  try {
    value = parseQuantity(text);
  } catch {
    return { reason: `not a number (${JSON.stringify(text)})` };
  }
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
export function extractColumns<K extends string>(
  table: CsvTable,
  columns: ReadonlyArray<CsvColumnSpec<K>>,
): CsvExtraction<K> {
  const errors: CsvRowError[] = [...(table.problems ?? [])];
  const index = new Map<K, number>();
  for (const spec of columns) {
    const at = table.header.indexOf(spec.name.toLowerCase());
    if (at < 0)
      errors.push({
        row: table.headerLine,
        column: spec.name,
        reason: `column "${spec.name}" is missing from the header`,
      });
    else index.set(spec.name, at);
  }
  if (index.size < columns.length) return { rows: [], errors: errors.sort((a, b) => a.row - b.row) };
  const rows: CsvExtraction<K>['rows'] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    // A record over several lines that cannot be used: say so, since its later lines are not rows of their own.
    const span = record.endLine
      ? ` (this record runs to line ${record.endLine}: a quoted field holds line breaks)`
      : '';
    if (record.fields.length > table.header.length) {
      errors.push({
        row: record.line,
        column: null,
        reason: `has ${record.fields.length} fields but the header has ${table.header.length}${span}`,
      });
      continue;
    }
    const row = { line: record.line } as Record<K, number> & { line: number };
    let ok = true;
    for (const spec of columns) {
      const cell = readCell(record.fields[index.get(spec.name)!], spec.kind);
      if ('reason' in cell) {
        errors.push({ row: record.line, column: spec.name, reason: cell.reason + span });
        ok = false;
      } else (row as Record<K, number>)[spec.name] = cell.value;
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
  // Unreadable records (recover mode) come first in `errors`; a stable sort puts every problem in file order.
  if (table.problems?.length) errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** One line describing a list of row errors, e.g. `row 3 loss: not a number ("abc"); row 5: duplicates row 2`. */
export function describeCsvErrors(errors: ReadonlyArray<CsvRowError>, limit = 10): string {
  const shown = errors.slice(0, limit).map((e) => `row ${e.row}${e.column ? ` ${e.column}` : ''}: ${e.reason}`);
  const more = errors.length > limit ? `; and ${errors.length - limit} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** One RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows of cells → CSV text with `eol` line ends and a trailing one: the one CSV writer (chart and scenario exports use
 * CRLF, the runs exports of "Your data" and the lab LF). Cells that are not strings are written with String(); null as ''.
 */
export function formatCsv(
  rows: readonly (readonly (string | number | boolean | null)[])[],
  eol: '\n' | '\r\n' = '\r\n',
): string {
  return rows.map((r) => r.map((c) => csvField(c === null ? '' : String(c))).join(',')).join(eol) + eol;
}

/**
 * CSV text → rows of cells exactly as written (the inverse of formatCsv: no trimming, no header; accepts LF or CRLF),
 * for files this app wrote. Reading a user's file is `parseCsv` (header, trimming, per-row recovery).
 * @throws Error on an unclosed quote.
 */
export function parseCsvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += c;
    i++;
  }
  if (quoted) throw new Error('CSV: unclosed quote');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
