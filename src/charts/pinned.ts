/**
 * The pinned scenario A of an A/B comparison (issue 13, item 5) as a chart mark: one look on every chart (a diamond
 * tagged "A" in the text colour; the current design is tagged "B"), its tooltip lines, and whether a chart's quality
 * axis can hold it (only when A measures the same quantity as B). Pure.
 */
import type { ComparePoint } from '../engine/compare-point';
import type { QualityInfo } from '../engine/explorer-data-types';
import { formatCount, formatFlops, formatQuality } from './format';
import type { PointMark } from './LineChart';

export const PINNED_COLOR = 'var(--fg)';
export const PINNED_LABEL = 'A: the pinned scenario (diamond; the current design is B)';

/** The tooltip lines of A's mark. */
export function pinnedLines(a: ComparePoint): string[] {
  return [
    `N = ${formatCount(a.params)} params, D = ${formatCount(a.tokens)} tokens, k = ${formatCount(a.samples)}`,
    `training ${formatFlops(a.trainFlops)} FLOPs, inference ${formatFlops(a.inferenceFlops)} FLOPs/token`,
    `${a.quality.label}: ${formatQuality(a.value, a.quality)} (${a.set.name}${a.strategy ? `, ${a.strategy}` : ''})`,
  ];
}

/** A's mark on a line chart at (x, y): the one look every chart gives it. */
export function pinnedMark(a: ComparePoint, x: number, y: number, label = PINNED_LABEL): PointMark {
  return { id: 'pinned', x, y, label, lines: pinnedLines(a), shape: 'diamond', color: PINNED_COLOR, tag: 'A' };
}

/** True when A can sit on an axis of `quality` (the same measure and unit as the chart's). */
export function pinnedOnQualityAxis(a: ComparePoint, quality: QualityInfo): boolean {
  return a.quality.label === quality.label && a.quality.unit === quality.unit;
}

/** The legend line of a chart whose quality axis cannot hold A. */
export function pinnedOffAxisNote(a: ComparePoint, quality: QualityInfo): string {
  return `A is not drawn here: it measures ${a.quality.label}, this axis ${quality.label}`;
}
