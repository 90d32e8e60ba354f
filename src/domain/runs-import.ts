/**
 * Reading a user's runs: CSV or JSON text → a table (header + records), a guessed column mapping the user can change,
 * then typed runs with every bad row listed by row number and reason (missing, negative, non-numeric, out of range,
 * duplicated); good rows are kept. Pure: the caller reads the file. Numbers are read with parseQuantity (7e9, 7B,
 * 1.4T), through the domain's CSV extraction (src/domain/csv.ts).
 */
import { CONSTANT_FAMILIES, DEFAULT_FIT_FAMILY, constantFamily } from './constant-families';
import { extractColumns, parseCsv, type CsvColumnSpec, type CsvRowError, type CsvTable } from './csv';
import { DomainError } from './errors';
import { FIELD_NAMES, FIELDS_OF, MIN_ROWS, type FitKind, type Run, type RunField } from './runs';

/** A parsed input: its table and whether it came from CSV or JSON. */
export interface ImportedTable {
  format: 'csv' | 'json';
  table: CsvTable;
}

/** Which header column each field reads from ('' = not mapped). */
export type ColumnMapping = Record<RunField, string>;

const NOT_TABULAR =
  'This is neither CSV (a header row of comma-separated column names) nor JSON (an array of objects, one per run).';

function fromJson(value: unknown): CsvTable {
  const list = Array.isArray(value)
    ? value
    : value !== null && typeof value === 'object' && Array.isArray((value as { runs?: unknown }).runs)
      ? (value as { runs: unknown[] }).runs
      : null;
  if (list === null) throw new DomainError(`The JSON is not an array of runs. ${NOT_TABULAR}`);
  if (list.length === 0) throw new DomainError('The JSON array is empty: there are no runs to import.');
  const header: string[] = [];
  list.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new DomainError(
        `JSON item ${i + 1} is not an object with named fields (e.g. {"params": 7e9, "tokens": 1.4e12, "loss": 2.1}).`,
      );
    }
    for (const key of Object.keys(item))
      if (!header.includes(key.trim().toLowerCase())) header.push(key.trim().toLowerCase());
  });
  const records = list.map((item, i) => {
    const lower = new Map(Object.entries(item as Record<string, unknown>).map(([k, v]) => [k.trim().toLowerCase(), v]));
    return {
      line: i + 1,
      fields: header.map((h) => {
        const v = lower.get(h);
        return typeof v === 'number' || typeof v === 'string'
          ? String(v).trim()
          : v === null || v === undefined
            ? ''
            : JSON.stringify(v);
      }),
    };
  });
  return { header, headerLine: 0, records };
}

/** Share of NUL characters above which a text is binary (or UTF-16), not a CSV with a few damaged rows. */
const BINARY_NUL_SHARE = 0.01;

function looksBinary(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf('\u0000'); at >= 0; at = text.indexOf('\u0000', at + 1)) {
    if (++count > BINARY_NUL_SHARE * text.length) return true;
  }
  return false;
}

/**
 * Parses pasted or loaded text as JSON (when it starts with [ or {) or CSV.
 * A CSV row that cannot be split (a NUL byte, a quote never closed) is listed in `table.problems` and the rest kept.
 * @throws DomainError with a message for a person: empty input, binary data, malformed JSON, no CSV header.
 */
export function readRunsText(text: string): ImportedTable {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new DomainError('The file is empty: paste or choose a CSV or JSON file of runs.');
  if (looksBinary(trimmed))
    throw new DomainError(
      `The file looks binary (NUL bytes throughout; a UTF-16 file looks like this too: save it as UTF-8). ${NOT_TABULAR}`,
    );
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      throw new DomainError(`The JSON could not be read (${e instanceof Error ? e.message : String(e)}).`);
    }
    return { format: 'json', table: fromJson(value) };
  }
  // Recover mode: a row with a NUL byte or an unclosed quote is reported (by line) and the other rows are kept.
  const table = parseCsv(trimmed, { recover: true });
  if (table.header.length < 2 || table.header.every((h) => !/[a-z]/.test(h))) throw new DomainError(NOT_TABULAR);
  if (table.records.length === 0) throw new DomainError('The CSV has a header but no data rows.');
  // Prose has commas too; a table's rows mostly have as many fields as its header.
  const shaped = table.records.filter((r) => r.fields.length === table.header.length).length;
  if (shaped < table.records.length / 2) throw new DomainError(NOT_TABULAR);
  return { format: 'csv', table };
}

/**
 * Header names each field is guessed from (compared without case, spaces, dashes or underscores), in order of
 * preference: the first name any header matches wins. `k` comes before `samples` because the model lab's export
 * (src/lab/export-logic.ts) carries both, and there `samples` is n, the samples drawn per problem, while `k` is the
 * k of pass@k, which is what the T² laws' k means.
 */
const SYNONYMS: Readonly<Record<RunField, readonly string[]>> = {
  params: ['params', 'parameters', 'nparams', 'numparams', 'paramcount', 'nparameters', 'modelsize', 'size', 'n'],
  tokens: [
    'tokens',
    'trainingtokens',
    'traintokens',
    'ntokens',
    'numtokens',
    'tokenstrained',
    'datasetsize',
    'data',
    'd',
  ],
  samples: ['k', 'samplesperquestion', 'samples', 'numsamples', 'nsamples', 'attempts'],
  loss: ['loss', 'finalloss', 'valloss', 'evalloss', 'validationloss', 'testloss', 'trainloss', 'l'],
  nll: ['nll', 'tasknll', 'negloglikelihood', 'neglogpassk', 'logloss'],
  passAtK: ['pass@k', 'passatk', 'passk', 'pass', 'accuracy', 'acc', 'coverage'],
};

const squash = (h: string) => h.toLowerCase().replace(/[\s_\-()]/g, '');

/** The column each field most likely reads from: the most preferred exact synonym first, then a header that starts with one. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const used = new Set<string>();
  const out = {} as ColumnMapping;
  const free = (h: string) => !used.has(h);
  for (const field of Object.keys(SYNONYMS) as RunField[]) {
    const names = SYNONYMS[field];
    let pick: string | undefined;
    for (const name of names) {
      pick = header.find((h) => free(h) && squash(h) === name);
      if (pick) break;
    }
    pick ??= header.find(
      (h) => free(h) && squash(h).length > 2 && names.some((n) => n.length > 2 && squash(h).startsWith(n)),
    );
    out[field] = pick ?? '';
    if (pick) used.add(pick);
  }
  return out;
}

/**
 * The fit the mapped columns allow (src/domain/constant-families.ts `fields`): of the families whose every column
 * beyond N and D is mapped, the one that reads the most (T² Approach 2 with k, NLL and pass@k; Approach 1 with k and
 * NLL); when none, the panel's default fit (Chinchilla).
 */
export function guessFitKind(mapping: ColumnMapping): FitKind {
  const beyondND = (kind: FitKind) => FIELDS_OF[kind].filter((f) => f !== 'params' && f !== 'tokens');
  let best: FitKind | null = null;
  for (const kind of CONSTANT_FAMILIES.ids) {
    if (!beyondND(kind).every((f) => mapping[f])) continue;
    if (best === null || beyondND(kind).length > beyondND(best).length) best = kind;
  }
  return best ?? DEFAULT_FIT_FAMILY;
}

/** The good runs and every problem (row numbers as in the file; for JSON, the item's index). */
export interface RunExtraction {
  runs: Run[];
  errors: CsvRowError[];
  /** A problem with the whole data set (a column not mapped, too few rows), or null. */
  problem: string | null;
}

const KIND: Record<RunField, CsvColumnSpec['kind']> = {
  params: 'positive',
  tokens: 'positive',
  samples: 'positive',
  loss: 'positive',
  nll: 'positive',
  passAtK: 'nonnegative',
};

/** Reads the fields `kind` needs through `mapping`; rows with any bad field are listed and left out. */
export function extractRuns(table: CsvTable, kind: FitKind, mapping: ColumnMapping): RunExtraction {
  const fields = FIELDS_OF[kind];
  const missing = fields.filter((f) => !mapping[f] || !table.header.includes(mapping[f]));
  if (missing.length > 0) {
    return { runs: [], errors: [], problem: `Choose a column for ${missing.map((f) => FIELD_NAMES[f]).join(', ')}.` };
  }
  // Rename the mapped columns to the field names so the domain's extraction reads them (others are ignored).
  const header = table.header.map((h) => fields.find((f) => mapping[f] === h)?.toLowerCase() ?? `\u0000${h}`);
  const { rows, errors } = extractColumns(
    { ...table, header },
    fields.map((name) => ({ name, kind: KIND[name] })),
  );
  const runs: Run[] = [];
  for (const row of rows) {
    if (row.passAtK !== undefined && row.passAtK > 1) {
      errors.push({
        row: row.line,
        column: 'passAtK',
        reason: `pass@k must lie in [0, 1] (got ${row.passAtK}); write 0.42, not 42 %`,
      });
      continue;
    }
    const run: Run = { line: row.line, params: row.params, tokens: row.tokens };
    for (const f of fields) (run as unknown as Record<string, number>)[f] = (row as Record<string, number>)[f]!;
    runs.push(run);
  }
  errors.sort((a, b) => a.row - b.row);
  const min = MIN_ROWS[kind];
  const problem =
    runs.length < min
      ? `Too few good rows to fit: ${runs.length} (a ${constantFamily(kind).lawName} fit needs at least ${min}).`
      : null;
  return { runs, errors, problem };
}

/** The first `count` records as text cells, for the mapping preview. */
export function previewRows(table: CsvTable, count = 5): string[][] {
  return table.records.slice(0, count).map((r) => table.header.map((_, i) => r.fields[i] ?? ''));
}
