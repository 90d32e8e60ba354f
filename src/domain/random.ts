/**
 * A small seeded pseudo-random number generator for everything in the domain that needs randomness (fit restarts,
 * bootstrap resamples, synthetic data in tests): same seed, same sequence, on every platform. Mulberry32 (Tommy
 * Ettinger's 32-bit generator, public domain): period 2^32, fast, good enough for restarts and resampling; not for
 * cryptography.
 */

/** A seeded stream of random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller, one of the pair per call). */
  normal(): number;
}

/** Creates a Mulberry32 generator from a seed (any number; its lower 32 bits are used). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next(); // (0, 1]: log stays finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}
