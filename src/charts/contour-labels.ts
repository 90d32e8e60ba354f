/**
 * Where to write each contour's value on the frontier map (issue 13 item 2: labelled contours), pure. Each label sits
 * on its contour line (the edge of the "at least this good" region, from d3-contour like the filled bands), at the
 * first of a few heights where its box overlaps no label placed before it and stays inside the plot; a contour with
 * no such place goes unlabelled (the colour scale still names it). Deterministic: same grid and size, same labels.
 */
import { contours } from 'd3-contour';
import type { FrontierData } from '../engine/explorer-data-types';

export interface ContourLabel {
  threshold: number;
  text: string;
  /** Centre of the label (px in the plot area). */
  x: number;
  y: number;
  /** Box of the label (px), for the overlap checks. */
  width: number;
  height: number;
}

/** Estimated size of a label of `chars` characters at 11 px (tabular digits ≈ 0.62 em; a 3 px pad each side). */
export function labelBox(chars: number, fontSize = 11): { width: number; height: number } {
  return { width: chars * fontSize * 0.62 + 6, height: fontSize + 4 };
}

/** True when two centred boxes overlap (touching is not overlapping). */
export function boxesOverlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

/** Heights tried for each label, as fractions of the plot height from the top. */
const HEIGHTS = [0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6, 0.8];

function gridToPixel(c: number, n: number, length: number): number {
  const t = (Math.min(n - 0.5, Math.max(0.5, c)) - 0.5) / (n - 1);
  return t * length;
}

/**
 * Labels of the contours (`data.thresholds`), worst first, written by `format`; `avoid` holds boxes already taken
 * (marks), which labels keep clear of too.
 */
export function contourLabels(
  data: FrontierData,
  higherIsBetter: boolean,
  innerWidth: number,
  innerHeight: number,
  format: (threshold: number) => string,
  avoid: readonly { x: number; y: number; width: number; height: number }[] = [],
): ContourLabel[] {
  const nx = data.trainFlops.length;
  const ny = data.inferenceFlops.length;
  if (nx < 2 || ny < 2) return [];
  const sign = higherIsBetter ? 1 : -1;
  const score = Array.from(data.quality, (q) => sign * q);
  const polygons = contours()
    .size([nx, ny])
    .thresholds(Array.from(data.thresholds, (t) => sign * t))(score);
  const placed: ContourLabel[] = [];
  const taken = [...avoid];
  polygons.forEach((polygon) => {
    // d3-contour sorts the thresholds it is given, so each polygon names its own (in score units).
    const threshold = sign * polygon.value;
    const text = format(threshold);
    const { width, height } = labelBox(text.length);
    // Points of the contour line away from the plot's border (where the region only meets the map's edge).
    const pts: [number, number][] = [];
    for (const rings of polygon.coordinates)
      for (const ring of rings)
        for (const [cx, cy] of ring) {
          const x = gridToPixel(cx!, nx, innerWidth);
          const y = innerHeight - gridToPixel(cy!, ny, innerHeight);
          if (x > 1 && x < innerWidth - 1 && y > 1 && y < innerHeight - 1) pts.push([x, y]);
        }
    if (pts.length === 0) return;
    for (const f of HEIGHTS) {
      const want = f * innerHeight;
      let best: [number, number] | null = null;
      for (const p of pts) if (!best || Math.abs(p[1] - want) < Math.abs(best[1] - want)) best = p;
      if (!best || Math.abs(best[1] - want) > innerHeight * 0.08) continue;
      const box = { threshold, text, x: best[0], y: best[1], width, height };
      const inside =
        box.x - width / 2 >= 0 &&
        box.x + width / 2 <= innerWidth &&
        box.y - height / 2 >= 0 &&
        box.y + height / 2 <= innerHeight;
      if (inside && !taken.some((t) => boxesOverlap(t, box))) {
        placed.push(box);
        taken.push(box);
        return;
      }
    }
  });
  return placed;
}
