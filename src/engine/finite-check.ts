/**
 * The numbers every chart is placed by must be finite (issue 11, item 14): the design and optimum points, the frontier
 * grid's budget axes and contour levels, the isoFLOP slice's N axis, the pass@k chart's k axis and the quality readout.
 * (Series values may be NaN on purpose: a gap in a line, "not measured"; the charts skip those.) `api.compute` throws a
 * DomainError naming the first non-finite one, so a scenario the laws cannot compute is reported as an error instead
 * of reaching the page as NaN. Pure.
 */
import { DomainError } from '../domain/errors';
import type { DesignPoint, ExplorerData } from './explorer-data-types';

const POINT_FIELDS: readonly (keyof DesignPoint)[] = [
  'params',
  'tokens',
  'samples',
  'trainFlops',
  'inferenceFlops',
  'tokensPerParam',
  'quality',
];

function pointIssue(name: string, p: DesignPoint | null | undefined): string | null {
  if (!p) return null;
  for (const f of POINT_FIELDS) if (!Number.isFinite(p[f])) return `${name}.${f}`;
  return null;
}

function arrayIssue(name: string, a: ArrayLike<number>): string | null {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return `${name}[${i}]`;
  return null;
}

/** The path of the first chart-placing number of `data` that is not finite, or null when all are. */
export function firstNonFinite(data: ExplorerData): string | null {
  const f = data.frontier;
  return (
    pointIssue('design', f.design) ??
    pointIssue('optimum', f.optimum) ??
    pointIssue('chinchilla choice', f.chinchilla) ??
    pointIssue('lifetime optimum', f.lifetime) ??
    pointIssue('equal-quality optimum', f.equalQuality) ??
    arrayIssue('frontier training budgets', f.trainFlops) ??
    arrayIssue('frontier inference budgets', f.inferenceFlops) ??
    arrayIssue('frontier contour levels', f.thresholds) ??
    arrayIssue('isoFLOP N', data.isoflop.params) ??
    pointIssue('isoFLOP optimum', data.isoflop.optimum) ??
    arrayIssue('pass@k k', data.passk.samples) ??
    (Number.isFinite(data.readouts.quality) ? null : 'quality readout')
  );
}

/** @throws DomainError when a chart-placing number of `data` is not finite (see the module comment). */
export function assertChartDataFinite(data: ExplorerData): void {
  const where = firstNonFinite(data);
  if (where !== null) {
    throw new DomainError(
      `the laws give no finite value for the ${where} of this scenario (the constants or budgets are too extreme)`,
    );
  }
}
