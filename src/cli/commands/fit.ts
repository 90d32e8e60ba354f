/**
 * The fit commands: `fit chinchilla` (Hoffmann/Besiroglu Approach 3: Huber δ = 1e-3 on log loss, L-BFGS from a grid;
 * laws.md §1) and `fit t2-1` (T² Approach 1, squared error, seeded multi-start; laws.md §2) on a CSV file.
 */
import { fitChinchilla } from '../../domain/fit/fit-chinchilla';
import { fitT2Approach1 } from '../../domain/fit/fit-t2-approach1';
import { loadCsvColumns } from '../csv-data';
import { numberFlag, textFlag } from '../flags';
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
    const { E, A, B, alpha, beta } = fit.constants;
    return { E, A, B, alpha, beta, objective: fit.objective, points: fit.points };
  },
};

const t2Approach1: CommandSpec = {
  name: 'fit t2-1',
  summary: 'Fit E, A, B, α, β, G, γ of T² Approach 1 to measured task NLL (squared error, 500 seeded random restarts, L-BFGS)',
  flags: [
    dataFlag('params, tokens, samples, nll'),
    { name: 'seed', kind: 'count', metavar: 'S', required: false, defaultText: '1', help: 'seed of the random restarts; same data and seed, same result' },
  ],
  output: 'E, A, B, alpha, beta, G, gamma, objective, points',
  example: 'fit t2-1 --data checkpoints.csv',
  run(flags, io) {
    const rows = loadCsvColumns(io, '--data', textFlag(flags, 'data'), [
      { name: 'params', kind: 'positive' },
      { name: 'tokens', kind: 'positive' },
      { name: 'samples', kind: 'positive' },
      { name: 'nll', kind: 'positive' },
    ], 8);
    const fit = fitT2Approach1(rows, { seed: numberFlag(flags, 'seed', 1) });
    const { E, A, B, alpha, beta, G, gamma } = fit.constants;
    return { E, A, B, alpha, beta, G, gamma, objective: fit.objective, points: fit.points };
  },
};

/** The fit command group. */
export const fitCommands: CommandSpec[] = [chinchilla, t2Approach1];
