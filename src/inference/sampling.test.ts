import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng, argmax, logProb, sampleToken, streamSeed } from './sampling';

describe('Prng', () => {
  it('is deterministic per seed, uniform in [0, 1), and streams differ', () => {
    const a = new Prng(streamSeed(1, 2, 3));
    const b = new Prng(streamSeed(1, 2, 3));
    const c = new Prng(streamSeed(1, 2, 4));
    const xs = Array.from({ length: 20000 }, () => a.nextFloat());
    expect(Array.from({ length: 20000 }, () => b.nextFloat())).toEqual(xs);
    expect(c.nextFloat()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const n of bins) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });

  it('stream seeds of nearby keys are distinct', () => {
    const seen = new Set<number>();
    for (let p = 0; p < 50; p++) for (let s = 0; s < 64; s++) seen.add(streamSeed(7, p, s));
    expect(seen.size).toBe(50 * 64);
  });
});

describe('sampleToken', () => {
  it('temperature 0 is argmax (lowest index on ties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -50, max: 50 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (xs) => {
          const logits = Float32Array.from(xs);
          const k = sampleToken(logits, 0, xs.length, 0, new Prng(1));
          expect(logits[k]).toBe(Math.max(...logits));
          expect(logits.indexOf(Math.max(...logits))).toBe(k);
        },
      ),
    );
  });

  it('draws with the softmax(logits / T) frequencies', () => {
    const logits = Float32Array.from([0, 1, 2, -1, 0.5]);
    for (const T of [1, 0.5, 2]) {
      const w = Array.from(logits, (l) => Math.exp(l / T));
      const z = w.reduce((s, x) => s + x, 0);
      const rng = new Prng(T * 1000);
      const counts = new Array(5).fill(0);
      const n = 40000;
      for (let i = 0; i < n; i++) counts[sampleToken(logits, 0, 5, T, rng)]++;
      counts.forEach((c, i) => {
        const p = w[i]! / z;
        expect(Math.abs(c / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-3);
      });
    }
  });

  it('reads its row at an offset and survives huge logits', () => {
    const logits = Float32Array.from([9, 9, 9, 1000, 0, -1000]);
    expect(sampleToken(logits, 3, 3, 1, new Prng(3))).toBe(0);
    expect(argmax(logits, 3, 3)).toBe(0);
    expect(() => sampleToken(logits, 0, 3, -1, new Prng(3))).toThrow(/temperature/);
  });
});

describe('logProb', () => {
  it('is a normalised log-softmax', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -30, max: 30 }), {
          minLength: 2,
          maxLength: 20,
        }),
        (xs) => {
          const logits = Float32Array.from(xs);
          let total = 0;
          for (let i = 0; i < xs.length; i++) total += Math.exp(logProb(logits, 0, xs.length, i));
          expect(total).toBeCloseTo(1, 10);
        },
      ),
    );
  });
});
