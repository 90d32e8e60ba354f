import { describe, expect, it } from 'vitest';
import { frontierContours, frontierIsoline, frontierScales, nearestCell } from './frontier-geometry';
import { frontierFixture } from './fixtures';

describe('frontier geometry', () => {
  const data = frontierFixture();

  it('uses log scales over the grid budgets, y upwards', () => {
    const s = frontierScales(data, 300, 200);
    expect(s.x.domain()).toEqual([1e18, 1e21]);
    expect(s.y.domain()).toEqual([1e8, 1e10]);
    expect(s.x(1e19)).toBeCloseTo(100, 9);
    expect(s.y(1e9)).toBeCloseTo(100, 9);
    expect(s.y(1e10)).toBeCloseTo(0, 9);
    expect(typeof (s.x as unknown as { base: () => number }).base).toBe('function');
  });

  it('draws one contour per threshold, nested: better levels cover less of the map', () => {
    const shapes = frontierContours(data, false, 300, 200);
    expect(shapes.map((s) => s.threshold)).toEqual([9.5, 8.5, 7.5]);
    const xs = (path: string) => [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    // Loss ≤ 9.5 reaches the left edge (column 0 on rows 1–2); loss ≤ 7.5 starts halfway to column 1 (row 2).
    expect(Math.min(...xs(shapes[0]!.path))).toBeCloseTo(0, 9);
    expect(Math.min(...xs(shapes[2]!.path))).toBeCloseTo(50, 9);
  });

  it('names each contour by its own level whatever order the levels come in (d3-contour sorts them)', () => {
    const reversed = { ...data, thresholds: Float64Array.from(data.thresholds).reverse() };
    const a = frontierContours(data, false, 300, 200);
    const b = frontierContours(reversed, false, 300, 200);
    expect(b.map((s) => s.threshold)).toEqual([9.5, 8.5, 7.5]);
    expect(b).toEqual(a);
  });

  it('places contour vertices where the grid interpolates the threshold, in pixels', () => {
    // Loss 9.5 lies halfway between columns 0 and 1 on row 0: x = 50 px (column spacing 100), y = 200 (row 0).
    const [first] = frontierContours(data, false, 300, 200);
    const coords = [...first!.path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(coords.some(([x, y]) => Math.abs(x! - 50) < 1e-9 && Math.abs(y! - 200) < 1e-9)).toBe(true);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(300);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(200);
    }
  });

  it('treats accuracies as higher-is-better', () => {
    const acc = { ...frontierFixture(), thresholds: Float64Array.from([7.5, 8.5]) };
    const shapes = frontierContours(acc, true, 300, 200);
    expect(shapes).toHaveLength(2);
  });

  it('finds the grid cell under the pointer, or none outside the plot', () => {
    const s = frontierScales(data, 300, 200);
    expect(nearestCell(data, s, 205, 5)).toEqual({ trainFlops: 1e20, inferenceFlops: 1e10, quality: 6 });
    expect(nearestCell(data, s, -1, 5)).toBeNull();
    // With a fitted region, the cell says whether its optimum lies outside the fitted data (distance > 0).
    const dist = new Float64Array(data.quality.length).fill(-1);
    dist[dist.length - 1] = 0.5;
    const withFit = { ...data, fittedDistance: dist };
    const last = nearestCell(withFit, s, s.x.range()[1]!, s.y.range()[1]!);
    expect(last!.outsideFitted).toBe(true);
    expect(nearestCell(withFit, s, 0, s.y.range()[0]!)!.outsideFitted).toBe(false);
  });

  it('draws an isoline without the stretches along the plot border', () => {
    const d = frontierIsoline(data, false, 8.5, 300, 200);
    // Loss 8.5 runs from (150, 200) on row 0 … to (0, 50)… never along the border itself.
    const pts = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(d.startsWith('M')).toBe(true);
    expect(pts.length).toBeGreaterThan(2);
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0] = pts[i - 1]!;
      const [x1, y1] = pts[i]!;
      const along = (x0 === x1 && (x0 === 0 || x0 === 300)) || (y0 === y1 && (y0 === 0 || y0 === 200));
      expect(along).toBe(false);
    }
    expect(frontierIsoline(data, false, 100, 300, 200)).not.toMatch(/NaN/);
  });
});
