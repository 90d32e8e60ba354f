import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dominates, frontierForTarget, paretoFront } from './pareto';
import type { FrontierPoint } from './pareto';
import { chinchillaLoss } from './chinchilla';
import { getChinchillaSet } from './chinchilla-sets';
import { DomainError } from './errors';

/** Small integer coordinates so ties and duplicates are common. */
const coord = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
);

function checkFront(points: number[][]): boolean {
  const front = paretoFront(points, (p) => p);
  const kept = new Set(front);
  for (const a of front) for (const b of front) if (a !== b && dominates(a, b)) return false;
  for (const p of points) if (!kept.has(p) && !front.some((q) => dominates(q, p))) return false;
  // Order preserved.
  const idx = front.map((p) => points.indexOf(p));
  return idx.every((v, i) => i === 0 || v > idx[i - 1]!);
}

describe('paretoFront', () => {
  it('returns mutually non-dominated points and drops only dominated ones, in 2-D (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(coord, coord).map((t) => [...t]),
          { maxLength: 60 },
        ),
        checkFront,
      ),
      { numRuns: 400 },
    );
  });
  it('the same in 3-D (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(coord, coord, coord).map((t) => [...t]),
          { maxLength: 60 },
        ),
        checkFront,
      ),
      { numRuns: 300 },
    );
  });
  it('keeps duplicates on the front and handles a lone infinite point', () => {
    const a = [1, 2];
    const b = [1, 2];
    const c = [2, 3];
    expect(paretoFront([a, b, c], (p) => p)).toEqual([a, b]);
    expect(paretoFront([[0, Number.POSITIVE_INFINITY]], (p) => p)).toHaveLength(1);
    expect(paretoFront([], (p: number[]) => p)).toEqual([]);
  });
  it('rejects NaN and ragged objectives', () => {
    expect(() => paretoFront([[1, Number.NaN]], (p) => p)).toThrow(DomainError);
    expect(() => paretoFront([[1, 2], [1]], (p) => p)).toThrow(DomainError);
  });
});

describe('frontierForTarget', () => {
  it('on a Chinchilla grid: every frontier point reaches the target and no feasible grid point beats one of them', () => {
    const c = getChinchillaSet('hoffmann-rounded')!.constants;
    const grid: FrontierPoint[] = [];
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < 40; j++) {
        const n = 10 ** (7 + (4 * i) / 39);
        const d = 10 ** (9 + (4 * j) / 39);
        grid.push({ trainFlops: 6 * n * d, inferenceFlops: 2 * n, quality: chinchillaLoss(c, n, d) });
      }
    }
    const front = frontierForTarget(grid, 2.4);
    expect(front.length).toBeGreaterThan(5);
    for (let k = 0; k < front.length; k++) {
      expect(front[k]!.quality).toBeLessThanOrEqual(2.4);
      if (k > 0) {
        expect(front[k]!.trainFlops).toBeGreaterThan(front[k - 1]!.trainFlops);
        expect(front[k]!.inferenceFlops).toBeLessThan(front[k - 1]!.inferenceFlops);
      }
    }
    for (const p of grid) {
      if (p.quality > 2.4) continue;
      expect(
        front.some((q) => q === p || dominates([q.trainFlops, q.inferenceFlops], [p.trainFlops, p.inferenceFlops])),
      ).toBe(true);
    }
    expect(frontierForTarget(grid, 1.0)).toEqual([]);
  });
  it('higher-is-better for accuracies', () => {
    const pts = [
      { trainFlops: 1, inferenceFlops: 5, quality: 0.6 },
      { trainFlops: 2, inferenceFlops: 1, quality: 0.7 },
      { trainFlops: 3, inferenceFlops: 3, quality: 0.9 },
      { trainFlops: 0.5, inferenceFlops: 0.5, quality: 0.4 },
    ];
    expect(frontierForTarget(pts, 0.6, 'higher-is-better')).toEqual([pts[0], pts[1]]);
    expect(() => frontierForTarget(pts, Number.NaN)).toThrow(DomainError);
  });
});
