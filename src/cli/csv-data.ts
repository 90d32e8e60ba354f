/** Reading a CSV data file for the fit commands: every bad row is reported by line and reason, none is dropped. */
import { describeCsvErrors, extractColumns, parseCsv, type CsvColumnSpec } from '../domain/csv';
import { DomainError } from '../domain/errors';
import { readTextFile } from './read-file';
import { CliUsageError, type CliIo } from './types';

/**
 * Reads `path` (named by `flag`) and extracts `columns`, all or nothing.
 * @throws CliUsageError when the file cannot be read or parsed, a column is missing, any row is bad (all of them are
 *   listed on one line, by file line number), or there are fewer than `minRows` rows.
 */
export function loadCsvColumns<K extends string>(
  io: CliIo,
  flag: string,
  path: string,
  columns: ReadonlyArray<CsvColumnSpec<K>>,
  minRows = 1,
): Array<Record<K, number>> {
  const text = readTextFile(io, flag, path);
  let extraction;
  try {
    extraction = extractColumns(parseCsv(text), columns);
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(`${flag} ${path}: ${error.message}`);
    throw error;
  }
  const { rows, errors } = extraction;
  if (errors.length > 0) {
    const bad = new Set(errors.map((e) => e.row)).size;
    throw new CliUsageError(
      `${flag} ${path}: ${bad} bad row${bad > 1 ? 's' : ''}, nothing fitted: ${describeCsvErrors(errors)}`,
    );
  }
  if (rows.length < minRows) {
    throw new CliUsageError(
      `${flag} ${path}: ${rows.length} data row${rows.length === 1 ? '' : 's'}; at least ${minRows} needed`,
    );
  }
  return rows.map((row) => {
    const out = {} as Record<K, number>;
    for (const spec of columns) out[spec.name] = row[spec.name];
    return out;
  });
}
