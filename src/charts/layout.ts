/**
 * Chart geometry shared by every chart: the SVG's viewBox follows the measured width of its container, so text stays
 * at its CSS size from 390 px phones to desktop; the plot area is what is left inside the margins.
 */

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Width and height of the plot area (inside the margins). */
  innerWidth: number;
  innerHeight: number;
}

/** Narrowest and widest viewBox widths (px). */
export const MIN_CHART_WIDTH = 300;
export const MAX_CHART_WIDTH = 760;
/** The width assumed before the container is measured (and in server rendering). */
export const DEFAULT_CHART_WIDTH = 560;

/**
 * The layout of a chart `width` px wide: height follows `aspect` (height/width) but never drops below 220 px, and
 * the left margin leaves room for tick labels.
 */
export function chartLayout(width: number, aspect = 0.62, leftMargin = 56): ChartLayout {
  const w = Math.round(
    Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, Number.isFinite(width) ? width : DEFAULT_CHART_WIDTH)),
  );
  const height = Math.max(220, Math.round(w * aspect));
  const margin = { top: 12, right: 16, bottom: 44, left: leftMargin };
  return {
    width: w,
    height,
    margin,
    innerWidth: w - margin.left - margin.right,
    innerHeight: height - margin.top - margin.bottom,
  };
}

/** How many ticks fit along `length` px when each needs about `spacing` px. */
export function tickCount(length: number, spacing = 70): number {
  return Math.max(2, Math.floor(length / spacing));
}
