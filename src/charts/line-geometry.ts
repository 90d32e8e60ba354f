/**
 * Pure geometry of the line charts: scales over the finite extent of the series (log or linear), d3-shape line paths
 * that skip non-finite points, and the nearest point to the pointer.
 */
import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';

export type AxisType = 'log' | 'linear';

/** A plotted series: x and y as parallel arrays. */
export interface LineSeries {
  id: string;
  label: string;
  color: string;
  dashed?: boolean;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** How a value reads in the tooltip, e.g. (x, y) => ["N = 7B", "loss 2.1 nats"]. */
  describe?: (x: number, y: number) => string[];
}

/** A d3 continuous scale of either type, with the methods the charts use. */
export interface ContinuousScale {
  (value: number): number;
  domain(): number[];
  range(): number[];
  ticks(count?: number): number[];
  invert(value: number): number;
  copy(): ContinuousScale;
  clamp(clamp: boolean): ContinuousScale;
}

/**
 * Magnitudes an axis can place: on a log axis below ~1e-300 (denormals) or above ~1e300 the scale's logarithm, its
 * ticks (10^e) and the padding of a one-value extent lose precision or overflow to 0 / Infinity, which would put NaN
 * into the SVG; on a linear axis the padding and nice() of values beyond ±1e300 overflow the same way.
 */
export const AXIS_LIMITS: readonly [number, number] = [1e-300, 1e300];

/** True when `v` can be drawn on an axis of `type`: finite, within ±AXIS_LIMITS[1], and ≥ AXIS_LIMITS[0] on a log axis. */
export function usable(type: AxisType, v: number): boolean {
  if (!Number.isFinite(v) || Math.abs(v) > AXIS_LIMITS[1]) return false;
  return type === 'linear' || v >= AXIS_LIMITS[0];
}

/** The extent of the usable values (finite, and > 0 on log axes) of the given arrays plus extra values. */
export function valueExtent(type: AxisType, arrays: ArrayLike<number>[], extra: number[] = []): [number, number] {
  const values: number[] = [];
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (usable(type, a[i]!)) values.push(a[i]!);
  for (const v of extra) if (usable(type, v)) values.push(v);
  const [lo, hi] = extent(values);
  if (lo === undefined || hi === undefined) return type === 'log' ? [1, 10] : [0, 1];
  if (lo === hi) {
    if (type === 'log') return [lo / 2, hi * 2];
    // A pad relative to the value (at least a few ulps, so that huge values still get a non-empty domain).
    const pad = Math.max(1e-9, Math.abs(lo) * 0.05);
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/** A scale of `type` from `domain` to `range`; linear domains get nice round ends. */
export function makeScale(type: AxisType, domain: [number, number], range: [number, number]): ContinuousScale {
  if (type === 'log') return scaleLog().domain(domain).range(range) as unknown as ContinuousScale;
  const pad = (domain[1] - domain[0]) * 0.04;
  return scaleLinear()
    .domain([domain[0] - pad, domain[1] + pad])
    .nice()
    .range(range) as unknown as ContinuousScale;
}

/** SVG path of a series; points that are not finite (or ≤ 0 on a log axis) break the line. */
export function seriesPath(
  series: LineSeries,
  xs: ContinuousScale,
  ys: ContinuousScale,
  xType: AxisType,
  yType: AxisType,
): string {
  const idx = Array.from({ length: Math.min(series.x.length, series.y.length) }, (_, i) => i);
  const path = line<number>()
    .defined((i) => usable(xType, series.x[i]!) && usable(yType, series.y[i]!))
    .x((i) => xs(series.x[i]!))
    .y((i) => ys(series.y[i]!));
  return path(idx) ?? '';
}

/** The point of any series nearest (in pixels) to (px, py), within `radius` px. */
export function nearestPoint(
  series: LineSeries[],
  xs: ContinuousScale,
  ys: ContinuousScale,
  px: number,
  py: number,
  radius = 40,
): { series: LineSeries; index: number; x: number; y: number } | null {
  let best: { series: LineSeries; index: number; x: number; y: number } | null = null;
  let bestD = radius * radius;
  for (const s of series) {
    for (let i = 0; i < Math.min(s.x.length, s.y.length); i++) {
      const x = xs(s.x[i]!);
      const y = ys(s.y[i]!);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = { series: s, index: i, x, y };
      }
    }
  }
  return best;
}
