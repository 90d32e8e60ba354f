/**
 * Pure geometry of the frontier map: log scales over the budget grid, and the filled contours of the best reachable
 * quality computed with d3-contour and drawn with d3-geo's geoPath (null projection: coordinates are already pixels).
 * Contours are taken on a "score" (quality for accuracies, −quality for losses) so every region is "at least this
 * good", and each region's edge is a Pareto frontier of (training, inference) compute.
 */
import { contours } from 'd3-contour';
import { geoPath } from 'd3-geo';
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import type { MultiPolygon } from 'geojson';
import type { FrontierData, TargetData } from '../engine/explorer-data-types';

export interface FrontierScales {
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
}

/** Log scales from the grid's budget range to the plot area (y grows upwards). */
export function frontierScales(data: FrontierData, innerWidth: number, innerHeight: number): FrontierScales {
  const xs = data.trainFlops;
  const ys = data.inferenceFlops;
  return {
    x: scaleLog()
      .domain([xs[0]!, xs[xs.length - 1]!])
      .range([0, innerWidth]),
    y: scaleLog()
      .domain([ys[0]!, ys[ys.length - 1]!])
      .range([innerHeight, 0]),
  };
}

/** One filled contour: the region whose best reachable quality is at least `threshold`, as an SVG path. */
export interface ContourShape {
  threshold: number;
  path: string;
}

/** Maps a d3-contour grid coordinate (sample i sits at i + 0.5) to a pixel, clamped to the grid's extent. */
function gridToPixel(c: number, n: number, length: number): number {
  const t = (Math.min(n - 0.5, Math.max(0.5, c)) - 0.5) / (n - 1);
  return t * length;
}

/**
 * The filled contours of the map, one per threshold, from the worst to the best quality. Quality is negated for
 * losses so each region is where the design can be at least that good.
 */
export function frontierContours(
  data: FrontierData,
  higherIsBetter: boolean,
  innerWidth: number,
  innerHeight: number,
): ContourShape[] {
  const nx = data.trainFlops.length;
  const ny = data.inferenceFlops.length;
  const sign = higherIsBetter ? 1 : -1;
  const score = Array.from(data.quality, (q) => sign * q);
  const levels = Array.from(data.thresholds, (t) => sign * t);
  const polygons = contours().size([nx, ny]).thresholds(levels)(score);
  const path = geoPath(null);
  // d3-contour sorts the thresholds it is given, so each polygon's own value names its level (in score units).
  return polygons.map((p) => {
    const projected: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: p.coordinates.map((polygon) =>
        polygon.map((ring) =>
          ring.map(([cx, cy]) => [gridToPixel(cx!, nx, innerWidth), innerHeight - gridToPixel(cy!, ny, innerHeight)]),
        ),
      ),
    };
    return { threshold: sign * p.value, path: path(projected) ?? '' };
  });
}

/**
 * The contour line at one quality level as an open SVG path: the edge of the "at least this good" region without the
 * stretches that run along the plot's border (those are where the region meets the map's edge, not a frontier).
 */
export function frontierIsoline(
  data: FrontierData,
  higherIsBetter: boolean,
  level: number,
  innerWidth: number,
  innerHeight: number,
): string {
  const nx = data.trainFlops.length;
  const ny = data.inferenceFlops.length;
  const sign = higherIsBetter ? 1 : -1;
  const [polygon] = contours()
    .size([nx, ny])
    .thresholds([sign * level])(Array.from(data.quality, (q) => sign * q));
  if (!polygon) return '';
  const eps = 1e-9;
  const edge = (a: number, b: number, at: number) => Math.abs(a - at) < eps && Math.abs(b - at) < eps;
  const parts: string[] = [];
  for (const rings of polygon.coordinates) {
    for (const ring of rings) {
      const pts = ring.map(
        ([cx, cy]) => [gridToPixel(cx!, nx, innerWidth), innerHeight - gridToPixel(cy!, ny, innerHeight)] as const,
      );
      let penDown = false;
      for (let i = 1; i < pts.length; i++) {
        const [x0, y0] = pts[i - 1]!;
        const [x1, y1] = pts[i]!;
        const onBorder = edge(x0, x1, 0) || edge(x0, x1, innerWidth) || edge(y0, y1, 0) || edge(y0, y1, innerHeight);
        if (onBorder) {
          penDown = false;
          continue;
        }
        if (!penDown) parts.push(`M${x0},${y0}`);
        parts.push(`L${x1},${y1}`);
        penDown = true;
      }
    }
  }
  return parts.join('');
}

/**
 * The grid cell nearest to a pixel of the plot area: its budgets and best quality, and (when the set records a
 * fitted range) whether the optimum there lies outside the fitted data.
 */
export function nearestCell(
  data: FrontierData,
  scales: FrontierScales,
  px: number,
  py: number,
): {
  trainFlops: number;
  inferenceFlops: number;
  quality: number;
  outsideFitted?: boolean;
} | null {
  const nx = data.trainFlops.length;
  const ny = data.inferenceFlops.length;
  const [x0, x1] = scales.x.range() as [number, number];
  const [y0, y1] = scales.y.range() as [number, number];
  if (px < Math.min(x0, x1) || px > Math.max(x0, x1) || py < Math.min(y0, y1) || py > Math.max(y0, y1)) return null;
  const i = Math.round(((px - x0) / (x1 - x0)) * (nx - 1));
  const j = Math.round(((py - y0) / (y1 - y0)) * (ny - 1));
  const q = data.quality[i + j * nx];
  if (q === undefined) return null;
  const cell = { trainFlops: data.trainFlops[i]!, inferenceFlops: data.inferenceFlops[j]!, quality: q };
  const d = data.fittedDistance?.[i + j * nx];
  return d === undefined ? cell : { ...cell, outsideFitted: d > 0 };
}

/**
 * The target's Pareto frontier as an SVG polyline through its points (pixels from the clamped scales), with where to
 * put its label (the first point, at the highest inference budget); null when it has no point.
 */
export function targetLine(
  target: Pick<TargetData, 'trainFlops' | 'inferenceFlops'>,
  x: (v: number) => number,
  y: (v: number) => number,
): { d: string; labelX: number; labelY: number } | null {
  const n = target.trainFlops.length;
  if (n === 0) return null;
  const pts = Array.from(
    { length: n },
    (_, i) => [x(target.trainFlops[i]!), y(target.inferenceFlops[i]!)] as const,
  ).filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py));
  if (pts.length === 0) return null;
  const d = pts.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(2)},${py.toFixed(2)}`).join('');
  return { d: pts.length === 1 ? `${d}h0.01` : d, labelX: pts[0]![0], labelY: Math.max(14, pts[0]![1]) };
}

/**
 * The fitted region of the map as an SVG path: the budgets whose optimum lies inside the set's fitted data
 * (`fittedDistance` ≤ 0, engine/data/extrapolation.ts), edged by d3-contour's interpolation; '' when no cell is inside
 * or the set records no range.
 */
export function fittedRegionPath(data: FrontierData, innerWidth: number, innerHeight: number): string {
  const dist = data.fittedDistance;
  if (!dist || dist.length === 0) return '';
  const nx = data.trainFlops.length;
  const ny = data.inferenceFlops.length;
  const [polygon] = contours().size([nx, ny]).thresholds([0])(Array.from(dist, (d) => -d));
  if (!polygon || polygon.coordinates.length === 0) return '';
  const projected: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: polygon.coordinates.map((rings) =>
      rings.map((ring) =>
        ring.map(([cx, cy]) => [gridToPixel(cx!, nx, innerWidth), innerHeight - gridToPixel(cy!, ny, innerHeight)]),
      ),
    ),
  };
  return geoPath(null)(projected) ?? '';
}
