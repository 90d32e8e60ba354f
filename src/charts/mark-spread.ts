/**
 * Keeps point marks that coincide distinguishable (issue 13 item 2: today the optimum hides under the design mark),
 * pure. Marks closer than `minDistance` px to an earlier mark are moved out around it on a small circle, in a fixed
 * order of angles, and keep a leader line back to their true position. The first mark (the design) never moves.
 */

export interface SpreadInput {
  key: string;
  x: number;
  y: number;
}

export interface SpreadMark extends SpreadInput {
  /** Where the mark is drawn (px); equal to x, y when it did not move. */
  drawX: number;
  drawY: number;
  moved: boolean;
}

/** Angles (radians) tried in order: upper right first, then round the clock. */
const ANGLES = [
  -Math.PI / 4,
  (-3 * Math.PI) / 4,
  Math.PI / 4,
  (3 * Math.PI) / 4,
  -Math.PI / 2,
  Math.PI / 2,
  0,
  Math.PI,
];

/** Spreads `marks` (drawn in this order; the first is the anchor that never moves). */
export function spreadMarks(marks: readonly SpreadInput[], minDistance = 12, radius = 18): SpreadMark[] {
  const out: SpreadMark[] = [];
  const clash = (x: number, y: number) => out.some((m) => Math.hypot(m.drawX - x, m.drawY - y) < minDistance);
  for (const m of marks) {
    if (!clash(m.x, m.y)) {
      out.push({ ...m, drawX: m.x, drawY: m.y, moved: false });
      continue;
    }
    let placed: SpreadMark | null = null;
    for (let ring = 1; ring <= 3 && !placed; ring++) {
      for (const a of ANGLES) {
        const x = m.x + Math.cos(a) * radius * ring;
        const y = m.y + Math.sin(a) * radius * ring;
        if (!clash(x, y)) {
          placed = { ...m, drawX: x, drawY: y, moved: true };
          break;
        }
      }
    }
    out.push(placed ?? { ...m, drawX: m.x + radius, drawY: m.y - radius, moved: true });
  }
  return out;
}
