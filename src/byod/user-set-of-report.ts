/** Turns a finished fit into the scenario's user constant set, and picks the quality model that can show it. */
import { QUALITY_MODEL_REGISTRY } from '../domain/quality-models';
import type { UserConstantSet, UserRun } from '../domain/registry';
import type { QualityModel } from '../domain/scenario';
import { buildUserSet } from './user-set-logic';
import type { FitReport, Run } from './types';

/** The measured runs as the charts draw them (quality = the fitted observation: loss, task NLL or pass@k). */
export function userRunsOf(report: FitReport): UserRun[] {
  return report.residuals.map((r) => ({ params: r.params, tokens: r.tokens, samples: r.samples, quality: r.observed }));
}

export function userSetOfReport(report: FitReport, runs: readonly Run[]): UserConstantSet {
  return buildUserSet({
    family: report.kind,
    constants: report.constants,
    range: report.range,
    fittedRuns: report.residuals.filter((r) => !r.heldOut).length || runs.length,
    runs: userRunsOf(report),
    draws: report.draws,
  });
}

/**
 * The quality model that shows a set of `family`: the current model when it uses that family (so a Chinchilla fit
 * keeps the lifetime view), else the family's first model in the quality-model registry.
 */
export function modelForFamily(family: UserConstantSet['family'], current: QualityModel): QualityModel {
  const serving = QUALITY_MODEL_REGISTRY.entries.filter((m) => m.constantFamily === family).map((m) => m.id);
  return serving.includes(current) ? current : serving[0]!;
}
