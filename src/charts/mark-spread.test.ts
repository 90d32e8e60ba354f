import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadMarks, type SpreadInput } from './mark-spread';

const dist = (a: { drawX: number; drawY: number }, b: { drawX: number; drawY: number }) =>
  Math.hypot(a.drawX - b.drawX, a.drawY - b.drawY);

const markArb = fc.record({
  x: fc.double({ min: 0, max: 80, noNaN: true }),
  y: fc.double({ min: 0, max: 80, noNaN: true }),
});
const marksArb = fc
  .array(markArb, { minLength: 1, maxLength: 8 })
  .map((ms): SpreadInput[] => ms.map((m, i) => ({ key: `m${i}`, ...m })));

describe('spreadMarks', () => {
  it('keeps marks that are already apart where they are', () => {
    const marks = [
      { key: 'design', x: 10, y: 10 },
      { key: 'optimum', x: 100, y: 10 },
      { key: 'chinchilla', x: 10, y: 100 },
    ];
    expect(spreadMarks(marks).map((m) => [m.key, m.drawX, m.drawY, m.moved])).toEqual([
      ['design', 10, 10, false],
      ['optimum', 100, 10, false],
      ['chinchilla', 10, 100, false],
    ]);
  });

  it('the optimum under the design mark moves out (up and right first) and stays on its leader radius', () => {
    const [design, optimum] = spreadMarks([
      { key: 'design', x: 50, y: 50 },
      { key: 'optimum', x: 50, y: 50 },
    ]);
    expect(design).toMatchObject({ drawX: 50, drawY: 50, moved: false });
    expect(optimum!.moved).toBe(true);
    expect(optimum!.drawX).toBeGreaterThan(50); // right
    expect(optimum!.drawY).toBeLessThan(50); // up (SVG y grows downwards)
    expect(Math.hypot(optimum!.drawX - 50, optimum!.drawY - 50)).toBeCloseTo(18, 9);
    // The true position is kept for the leader line.
    expect(optimum).toMatchObject({ x: 50, y: 50 });
  });

  it('up to nine marks on one point are all drawn at least minDistance apart', () => {
    for (let n = 2; n <= 9; n++) {
      const out = spreadMarks(Array.from({ length: n }, (_, i) => ({ key: `k${i}`, x: 200, y: 200 })));
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(dist(out[i]!, out[j]!)).toBeGreaterThanOrEqual(12);
    }
  });

  it('property: same keys in the same order, the first never moves, unmoved marks sit where they are, moved marks stay within three rings and clear every earlier mark', () => {
    fc.assert(
      fc.property(marksArb, (marks) => {
        const out = spreadMarks(marks);
        expect(out.map((m) => m.key)).toEqual(marks.map((m) => m.key));
        expect(out[0]).toMatchObject({ drawX: marks[0]!.x, drawY: marks[0]!.y, moved: false });
        out.forEach((m, i) => {
          const earlier = out.slice(0, i);
          if (!m.moved) {
            expect([m.drawX, m.drawY]).toEqual([m.x, m.y]);
            for (const e of earlier) expect(dist(m, e)).toBeGreaterThanOrEqual(12);
          } else {
            // An unmoved position would have clashed: some earlier mark lies within minDistance of the true point.
            expect(earlier.some((e) => Math.hypot(e.drawX - m.x, e.drawY - m.y) < 12)).toBe(true);
            expect(Math.hypot(m.drawX - m.x, m.drawY - m.y)).toBeLessThanOrEqual(3 * 18 + 1e-9);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same marks give the same drawing', () => {
    fc.assert(
      fc.property(marksArb, (marks) => {
        expect(spreadMarks(marks)).toEqual(spreadMarks(marks));
      }),
      { numRuns: 50 },
    );
  });
});
