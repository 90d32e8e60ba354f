import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrontierData } from '../engine/explorer-data-types';
import { boxesOverlap, contourLabels, labelBox } from './contour-labels';

/** A grid whose quality rises linearly with the training-budget index only: contour t is the vertical line x = t·W. */
function linearGrid(nx: number, ny: number, thresholds: number[], decreasing = false): FrontierData {
  const quality = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) quality[i + j * nx] = decreasing ? 1 - i / (nx - 1) : i / (nx - 1);
  return {
    trainFlops: new Float64Array(nx),
    inferenceFlops: new Float64Array(ny),
    quality,
    thresholds: Float64Array.from(thresholds),
  } as unknown as FrontierData;
}

const W = 600;
const H = 400;
const fmt = (t: number) => t.toFixed(2);

describe('labelBox and boxesOverlap', () => {
  it('sizes a label by its characters and tells overlap from touching', () => {
    expect(labelBox(4)).toEqual({ width: 4 * 11 * 0.62 + 6, height: 15 });
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(boxesOverlap(a, { x: 9.9, y: 0, width: 10, height: 10 })).toBe(true);
    expect(boxesOverlap(a, { x: 10, y: 0, width: 10, height: 10 })).toBe(false); // touching
    expect(boxesOverlap(a, { x: 0, y: 10, width: 10, height: 10 })).toBe(false);
  });
});

describe('contourLabels', () => {
  it('writes each level on its own contour line (higher is better and lower is better, levels in either order)', () => {
    for (const levels of [
      [0.2, 0.4, 0.6, 0.8],
      [0.8, 0.6, 0.4, 0.2],
    ])
      for (const decreasing of [false, true]) {
        const labels = contourLabels(linearGrid(41, 31, levels, decreasing), !decreasing, W, H, fmt);
        expect(labels.map((l) => l.threshold).sort()).toEqual([...levels].sort());
        for (const l of labels) {
          const want = decreasing ? (1 - l.threshold) * W : l.threshold * W;
          expect(Math.abs(l.x - want)).toBeLessThan(W / 40);
          expect(l.text).toBe(fmt(l.threshold));
        }
      }
  });

  it('keeps clear of boxes already taken (the marks), moving to another height', () => {
    const data = linearGrid(41, 31, [0.5]);
    const [free] = contourLabels(data, true, W, H, fmt);
    expect(free).toBeDefined();
    const mark = { x: free!.x, y: free!.y, width: 30, height: 30 };
    const [moved] = contourLabels(data, true, W, H, fmt, [mark]);
    expect(moved).toBeDefined();
    expect(boxesOverlap(moved!, mark)).toBe(false);
    expect(moved!.y).not.toBeCloseTo(free!.y, 3);
  });

  it('draws nothing for a grid of fewer than two points a side, and leaves out a contour off the map', () => {
    expect(contourLabels(linearGrid(1, 5, [0.5]), true, W, H, fmt)).toEqual([]);
    expect(contourLabels(linearGrid(41, 31, [2]), true, W, H, fmt)).toEqual([]); // no cell reaches quality 2
  });

  it('property: labels never overlap one another or the avoided boxes, stay inside the plot, and are deterministic', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 1, max: 19 }), { minLength: 1, maxLength: 12 })
          .map((ts) => ts.sort((a, b) => a - b).map((t) => t / 20)),
        fc.integer({ min: 160, max: 900 }),
        fc.integer({ min: 120, max: 600 }),
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 900 }),
            y: fc.integer({ min: 0, max: 600 }),
            width: fc.constant(16),
            height: fc.constant(16),
          }),
          { maxLength: 4 },
        ),
        (levels, w, h, avoid) => {
          const data = linearGrid(21, 17, levels);
          const labels = contourLabels(data, true, w, h, fmt, avoid);
          expect(contourLabels(data, true, w, h, fmt, avoid)).toEqual(labels);
          labels.forEach((l, i) => {
            expect(l.x - l.width / 2).toBeGreaterThanOrEqual(0);
            expect(l.x + l.width / 2).toBeLessThanOrEqual(w);
            expect(l.y - l.height / 2).toBeGreaterThanOrEqual(0);
            expect(l.y + l.height / 2).toBeLessThanOrEqual(h);
            for (const a of avoid) expect(boxesOverlap(l, a)).toBe(false);
            for (const other of labels.slice(0, i)) expect(boxesOverlap(l, other)).toBe(false);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
