/**
 * Sardana et al. 2024 ("Beyond Chinchilla-Optimal", arXiv:2401.00448; data/public/sardana-2024, Apache-2.0): their 47
 * training runs as a tidy table for the "Your data" examples (params, tokens, samples = 1, loss = the paper's
 * "Smoothed Loss", the final training loss smoothed, in nats per token). No fit: the module only makes the table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/domain/csv';
import type { PublicFitModule, TidyTable } from './types';

export const SARDANA_FILE = fileURLToPath(
  new URL('../../data/public/sardana-2024/trainingresults.csv', import.meta.url),
);

/** The 47 runs: params, tokens, samples, loss, then model name and tokens per parameter as published. */
export function sardanaTable(text = readFileSync(SARDANA_FILE, 'utf8')): TidyTable {
  const table = parseCsv(text);
  const col = (name: string) => {
    const i = table.header.indexOf(name.toLowerCase());
    if (i < 0) throw new Error(`Sardana et al. CSV: no column "${name}"`);
    return i;
  };
  const [iName, iN, iD, iL, iR] = [
    col('Model Name'),
    col('Parameters'),
    col('Tokens'),
    col('Smoothed Loss'),
    col('Tokens/Params'),
  ];
  const rows = table.records.map((r) => {
    const num = (i: number) => {
      const v = Number(r.fields[i]);
      if (!(Number.isFinite(v) && v > 0))
        throw new Error(`Sardana et al. CSV line ${r.line}: "${r.fields[i]}" is not a positive number`);
      return v;
    };
    return [num(iN), num(iD), 1, num(iL), r.fields[iName]!.trim(), num(iR)];
  });
  return {
    file: 'sardana-2024.csv',
    columns: ['params', 'tokens', 'samples', 'loss', 'model', 'tokens_per_param'],
    rows,
  };
}

export const sardanaModule: PublicFitModule = {
  id: 'sardana-2024',
  tidy: () => [sardanaTable()],
};
