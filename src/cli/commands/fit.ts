/**
 * The fit commands: `fit chinchilla` (Hoffmann/Besiroglu Approach 3: Huber δ = 1e-3 on log loss, L-BFGS from a grid;
 * laws.md §1) and `fit t2-1` (T² Approach 1, squared error, seeded multi-start; laws.md §2) on a CSV file.
 */
import { fitChinchilla } from '../../domain/fit/fit-chinchilla';
import { loadCsvColumns } from '../csv-data';
import { textFlag } from '../flags';
import type { CommandSpec, FlagSpec } from '../types';

const dataFlag = (columns: string): FlagSpec => ({
  name: 'data', kind: 'text', metavar: 'FILE.csv', required: true,
  help: `CSV file with a header row holding ${columns} (any order, any case; other columns ignored)`,
});

const chinchilla: CommandSpec = {
  name: 'fit chinchilla',
  summary: 'Fit E, A, B, α, β of the Chinchilla law to measured losses (Approach 3: Huber on log loss, L-BFGS from a 4,500-point grid)',
  flags: [dataFlag('params, tokens, loss')],
  output: 'E, A, B, alpha, beta, objective, points',
  example: 'fit chinchilla --data runs.csv',
  run(flags, io) {
    const rows = loadCsvColumns(io, '--data', textFlag(flags, 'data'), [
      { name: 'params', kind: 'positive' },
      { name: 'tokens', kind: 'positive' },
      { name: 'loss', kind: 'positive' },
    ], 5);
    const fit = fitChinchilla(rows);
    return { ...fit.constants, objective: fit.objective, points: fit.points };
  },
};

/** The fit command group. */
export const fitCommands: CommandSpec[] = [chinchilla];
