/**
 * One read of a user's runs file, as the engine worker runs it (src/engine/fit-api.ts `readRuns`) so that a large
 * file never blocks the page: parse (CSV in recover mode, or JSON), guess the column mapping and the fit when asked,
 * extract the runs with every bad row, and return what the panel shows: the header, the record count, the first
 * rows, the runs and the first MAX_LISTED_ERRORS row errors (with their total). Pure and synchronous.
 */
import { DomainError } from '../domain/errors';
import {
  extractRuns,
  guessFitKind,
  guessMapping,
  previewRows,
  readRunsText,
  type ColumnMapping,
  type RunExtraction,
} from '../domain/runs-import';
import { FIELDS_OF, type FitKind, type Run, type RunField } from '../domain/runs';

/** Row errors a read returns at most (a 1e5-row file of bad rows would otherwise cost a long copy and render). */
export const MAX_LISTED_ERRORS = 500;

/** What to read: the text, and the fit and mapping to extract with (guessed from the header when absent). */
export interface ReadRequest {
  text: string;
  kind?: FitKind;
  mapping?: ColumnMapping;
}

/** What the panel shows of a parsed file (the full table stays in the worker). */
export interface TableView {
  format: 'csv' | 'json';
  header: string[];
  /** Data records (rows after the header), the unreadable ones (an unclosed quote, a NUL byte) included. */
  records: number;
  /** The first rows as text cells, for the mapping preview. */
  preview: string[][];
}

/** The runs and the first row errors, with how many errors and distinct bad rows there are in all. */
export interface ReadExtraction extends RunExtraction {
  errorCount: number;
  skippedRows: number;
}

export type ReadOutcome =
  | { status: 'done'; view: TableView; kind: FitKind; mapping: ColumnMapping; extraction: ReadExtraction }
  | { status: 'error'; message: string };

/** Reads `request`; problems with the whole text come back as { status: 'error', message } for a person. */
export function readRuns(request: ReadRequest): ReadOutcome {
  let imported;
  try {
    imported = readRunsText(request.text);
  } catch (e) {
    if (e instanceof DomainError) return { status: 'error', message: e.message };
    throw e;
  }
  const { table } = imported;
  const mapping = request.mapping ?? guessMapping(table.header);
  const kind = request.kind ?? guessFitKind(mapping);
  const all = extractRuns(table, kind, mapping);
  const extraction: ReadExtraction = {
    ...all,
    errors: all.errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: all.errors.length,
    skippedRows: new Set(all.errors.map((e) => e.row)).size,
  };
  const unreadable = (table.problems ?? []).filter((p) => p.row !== table.headerLine).length;
  const view: TableView = {
    format: imported.format,
    header: table.header,
    records: table.records.length + unreadable,
    preview: previewRows(table),
  };
  return { status: 'done', view, kind, mapping, extraction };
}

/** A done read with its runs as one Float64Array per field (line included), so the worker can transfer them. */
export type PackedReadOutcome =
  | (Omit<Extract<ReadOutcome, { status: 'done' }>, 'extraction'> & {
      extraction: Omit<ReadExtraction, 'runs'>;
      columns: Partial<Record<RunField | 'line', Float64Array>>;
    })
  | Extract<ReadOutcome, { status: 'error' }>;

/** The columns of the runs of a done read (the fields its fit reads, and each run's line). */
export function packReadOutcome(o: ReadOutcome): PackedReadOutcome {
  if (o.status !== 'done') return o;
  const { runs, ...rest } = o.extraction;
  const names: (RunField | 'line')[] = ['line', ...FIELDS_OF[o.kind]];
  const columns = Object.fromEntries(
    names.map((f) => [f, Float64Array.from(runs, (r) => (r as unknown as Record<string, number>)[f]!)]),
  );
  return { ...o, extraction: rest, columns };
}

/** The buffers of a packed read (to transfer rather than copy). */
export function packedBuffers(p: PackedReadOutcome): ArrayBuffer[] {
  return p.status === 'done' ? Object.values(p.columns).map((c) => c.buffer as ArrayBuffer) : [];
}

/** The runs back from their columns (same objects as extractRuns builds). */
export function unpackReadOutcome(p: PackedReadOutcome): ReadOutcome {
  if (p.status !== 'done') return p;
  const { columns, extraction, ...rest } = p;
  const fields = FIELDS_OF[p.kind].filter((f) => f !== 'params' && f !== 'tokens');
  const line = columns.line!,
    params = columns.params!,
    tokens = columns.tokens!;
  const runs: Run[] = new Array<Run>(line.length);
  for (let i = 0; i < line.length; i++) {
    const run: Run = { line: line[i]!, params: params[i]!, tokens: tokens[i]! };
    for (const f of fields) (run as unknown as Record<string, number>)[f] = columns[f]![i]!;
    runs[i] = run;
  }
  return { ...rest, extraction: { ...extraction, runs } };
}
