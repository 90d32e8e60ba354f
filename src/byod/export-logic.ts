/** Exports of "bring your own data": the fit as JSON (constants, intervals, goodness, hold-out) and the runs as CSV. */
import { formatCsv } from '../domain/csv';
import type { FitReport, Run } from './types';
import { FIELDS_OF, FIT_KIND_NAMES, type FitKind } from './types';

/** The fit as a JSON document a person (or a script) can read back. */
export function fitToJson(report: FitReport, setId: string, runs: number): string {
  const doc = {
    format: 't2-explorer.fit.v1',
    fit: FIT_KIND_NAMES[report.kind],
    kind: report.kind,
    constantSetId: setId,
    runsImported: runs,
    constants: report.constants,
    bootstrap: { resamples: report.draws.length, failures: report.bootstrapFailures, intervals95: report.intervals },
    goodnessOfFit: { of: report.observedLabel, ...report.goodness },
    ...(report.stage1Goodness ? { stage1GoodnessOfFit: { of: 'task NLL', ...report.stage1Goodness } } : {}),
    holdout: report.holdout,
    fittedRange: report.range,
    starts: report.starts,
    converged: report.converged,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const HEADER: Record<string, string> = {
  params: 'params',
  tokens: 'tokens',
  samples: 'samples',
  loss: 'loss',
  nll: 'nll',
  passAtK: 'pass@k',
};

/** The good runs as CSV with the fit's columns (numbers written exactly, so a re-import gives the same fit). */
export function runsToCsv(kind: FitKind, runs: readonly Run[]): string {
  const fields = FIELDS_OF[kind];
  return formatCsv([fields.map((f) => HEADER[f]!), ...runs.map((r) => fields.map((f) => String(r[f] ?? '')))], '\n');
}
