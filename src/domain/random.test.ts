import { describe, expect, it } from 'vitest';
import { createRng } from './random';

describe('createRng (Mulberry32)', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it('gives uniforms in [0, 1) with mean ≈ 1/2 and normals with mean ≈ 0, variance ≈ 1', () => {
    const r = createRng(7);
    let sum = 0;
    let sn = 0;
    let sn2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 2);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });

  it('draws integers in [0, n) covering every value', () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
    expect(r.uniform(3, 4)).toBeGreaterThanOrEqual(3);
  });
});
