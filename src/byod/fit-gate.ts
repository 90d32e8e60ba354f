/**
 * The fit-quality gate (src/domain/fit/quality-gate.ts) applied to a finished fit of "Your data" or of the model lab's
 * refit: which rows and free constants each part of the fit had, the constants' plausible bounds (E against the
 * lowest fitted loss or task NLL), the bootstrap intervals (none for the lab's point estimate) and R². A fit with
 * warnings does not drive the charts until the user chooses "Use this fit anyway".
 */
import { constantFamily } from '../domain/constant-families';
import { defaultBounds, fitQualityWarnings, type FitWarning, type GateSample } from '../domain/fit/quality-gate';
import type { FitReport, Run } from './types';

export type { FitWarning } from '../domain/fit/quality-gate';

/** The fitted rows of a report and the (N, D) checkpoints among them. */
function fittedRows(report: FitReport): { rows: number; checkpoints: number } {
  const fitted = report.residuals.filter((r) => !r.heldOut);
  return { rows: fitted.length, checkpoints: new Set(fitted.map((r) => `${r.params}|${r.tokens}`)).size };
}

/**
 * Rows per group of free constants, as the family declares them (src/domain/constant-families.ts gateGroups):
 * Chinchilla's 5 on its runs; T² Approach 1's 7 on its rows and the 5 of the (N, D) terms on its checkpoints; T²
 * Approach 2's stage 1 (5) on its checkpoints and stage 2 (θ0…θ4) on its rows.
 */
export function gateSamples(report: FitReport): GateSample[] {
  const counted = fittedRows(report);
  return constantFamily(report.kind).gateGroups.map((g) => ({
    what: g.what,
    rows: counted[g.counts],
    freeConstants: g.freeConstants,
  }));
}

/** Lowest fitted loss (Chinchilla) or task NLL (T²; for Approach 2 read from the runs), or undefined when none is positive. */
function lowestFloorObservation(report: FitReport, runs: readonly Run[]): number | undefined {
  const fittedLines = new Set(report.residuals.filter((r) => !r.heldOut).map((r) => r.line));
  const values =
    constantFamily(report.kind).floorFrom === 'runs-nll'
      ? runs.filter((r) => fittedLines.has(r.line)).map((r) => r.nll)
      : report.residuals.filter((r) => !r.heldOut).map((r) => r.observed);
  const positive = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
  return positive.length > 0 ? Math.min(...positive) : undefined;
}

/** The warnings of a finished fit; empty when it may drive the charts as it is. */
export function fitWarnings(report: FitReport, runs: readonly Run[]): FitWarning[] {
  const names = Object.keys(report.constants);
  const bootstrapped = Object.keys(report.intervals).length > 0;
  const goodness = [{ what: report.observedLabel, r2: report.goodness.r2 }];
  if (report.stage1Goodness) goodness.push({ what: 'stage 1 (task NLL)', r2: report.stage1Goodness.r2 });
  return fitQualityWarnings({
    constants: report.constants,
    bounds: defaultBounds(names, lowestFloorObservation(report, runs)),
    intervals: bootstrapped ? report.intervals : null,
    ...(bootstrapped
      ? { bootstrap: { resamples: report.draws.length + report.bootstrapFailures, failures: report.bootstrapFailures } }
      : {}),
    samples: gateSamples(report),
    goodness,
  });
}
