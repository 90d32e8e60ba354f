/**
 * The fit commands: `fit chinchilla` (Hoffmann/Besiroglu Approach 3: Huber δ = 1e-3 on log loss, L-BFGS from a grid;
 * laws.md §1) and `fit t2-1` (T² Approach 1, squared error, seeded multi-start; laws.md §2) on a CSV file.
 */
import { CHINCHILLA_SEARCH_ROWS, fitChinchilla } from '../../domain/fit/fit-chinchilla';
import { fitT2Approach1 } from '../../domain/fit/fit-t2-approach1';
import type { CsvColumnSpec } from '../../domain/csv';
import { loadCsvColumns } from '../csv-data';
import { readTextFile } from '../read-file';
import { numberFlag, textFlag } from '../flags';
import { CliUsageError, type CliIo, type CommandSpec, type FlagSpec } from '../types';

/** Most data rows a fit command takes (a 1e6-row Chinchilla fit takes about a minute; more is refused, exit 2). */
export const FIT_MAX_ROWS = 1_000_000;
/** From this many rows on, a fit command warns on stderr and reports its progress there every 10 %. */
export const FIT_WARN_ROWS = 20_000;

/**
 * Refuses more than FIT_MAX_ROWS rows; from FIT_WARN_ROWS on, writes a warning line to stderr and returns a progress
 * callback that writes "<command>: n % done" when the fit passes a 10 % step (stdout still gets only the JSON result).
 */
function largeInput(
  io: CliIo,
  command: string,
  rows: number,
  warning: string,
): ((fraction: number) => void) | undefined {
  if (rows < FIT_WARN_ROWS || !io.progress) return undefined;
  io.progress(`${command}: ${rows} rows: ${warning}; progress follows on stderr`);
  let shown = 0;
  return (fraction) => {
    const tenth = Math.floor(fraction * 10 + 1e-9);
    if (tenth > shown) {
      shown = tenth;
      io.progress?.(`${command}: ${tenth * 10} % done`);
    }
  };
}

/** Non-blank lines of `text` after the first (the header): the data rows, counted before any parsing. */
function dataLines(text: string): number {
  let count = 0;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (/\S/.test(text.slice(start, stop))) count++;
    start = stop + 1;
  }
  return Math.max(0, count - 1);
}

/** The --data rows, refusing files of more than FIT_MAX_ROWS data lines before parsing them (exit 2). */
function loadFitRows<K extends string>(
  io: CliIo,
  command: string,
  path: string,
  columns: ReadonlyArray<CsvColumnSpec<K>>,
  minRows: number,
) {
  const text = readTextFile(io, '--data', path);
  const lines = dataLines(text);
  if (lines > FIT_MAX_ROWS) {
    throw new CliUsageError(
      `--data ${path} has ${lines} data rows; ${command} takes at most ${FIT_MAX_ROWS.toLocaleString('en-US')} (fit a subsample, or aggregate repeated runs)`,
    );
  }
  return loadCsvColumns({ readFile: () => text }, '--data', path, columns, minRows);
}

const dataFlag = (columns: string): FlagSpec => ({
  name: 'data',
  kind: 'text',
  metavar: 'FILE.csv',
  required: true,
  help: `CSV file with a header row holding ${columns} (any order, any case; other columns ignored)`,
});

const chinchilla: CommandSpec = {
  name: 'fit chinchilla',
  summary: `Fit E, A, B, α, β of the Chinchilla law to measured losses (Approach 3: Huber on log loss, L-BFGS from a 4,500-point grid; above ${CHINCHILLA_SEARCH_ROWS} rows the start search runs on a ${CHINCHILLA_SEARCH_ROWS}-row subsample and its 4 best optima are refined on all rows; at most ${FIT_MAX_ROWS.toLocaleString('en-US')} rows)`,
  flags: [dataFlag('params, tokens, loss')],
  output: 'E, A, B, alpha, beta, objective, points',
  example: 'fit chinchilla --data runs.csv',
  run(flags, io) {
    const rows = loadFitRows(
      io,
      'fit chinchilla',
      textFlag(flags, 'data'),
      [
        { name: 'params', kind: 'positive' },
        { name: 'tokens', kind: 'positive' },
        { name: 'loss', kind: 'positive' },
      ],
      5,
    );
    const onProgress = largeInput(
      io,
      'fit chinchilla',
      rows.length,
      `the start search runs on a ${CHINCHILLA_SEARCH_ROWS}-row subsample, then 4 L-BFGS refinements run on all rows`,
    );
    const fit = fitChinchilla(rows, onProgress ? { onProgress } : {});
    const { E, A, B, alpha, beta } = fit.constants;
    return { E, A, B, alpha, beta, objective: fit.objective, points: fit.points };
  },
};

const t2Approach1: CommandSpec = {
  name: 'fit t2-1',
  summary: `Fit E, A, B, α, β, G, γ of T² Approach 1 to measured task NLL (squared error, 500 seeded random restarts, L-BFGS; at most ${FIT_MAX_ROWS.toLocaleString('en-US')} rows)`,
  flags: [
    dataFlag('params, tokens, samples, nll'),
    {
      name: 'seed',
      kind: 'count',
      metavar: 'S',
      required: false,
      defaultText: '1',
      help: 'seed of the random restarts; same data and seed, same result',
    },
  ],
  output: 'E, A, B, alpha, beta, G, gamma, objective, points',
  example: 'fit t2-1 --data checkpoints.csv',
  run(flags, io) {
    const rows = loadFitRows(
      io,
      'fit t2-1',
      textFlag(flags, 'data'),
      [
        { name: 'params', kind: 'positive' },
        { name: 'tokens', kind: 'positive' },
        { name: 'samples', kind: 'positive' },
        { name: 'nll', kind: 'positive' },
      ],
      8,
    );
    const onProgress = largeInput(
      io,
      'fit t2-1',
      rows.length,
      'the fit runs 64 L-BFGS searches over all rows and its time grows with the rows',
    );
    const fit = fitT2Approach1(rows, { seed: numberFlag(flags, 'seed', 1), ...(onProgress ? { onProgress } : {}) });
    const { E, A, B, alpha, beta, G, gamma } = fit.constants;
    return { E, A, B, alpha, beta, G, gamma, objective: fit.objective, points: fit.points };
  },
};

/** The fit command group. */
export const fitCommands: CommandSpec[] = [chinchilla, t2Approach1];
