/**
 * Seeded randomness and token choice. Every sample row draws from its own stream, keyed by (seed, problem, sample),
 * so a sample does not depend on which other rows share its batch: batched and one-at-a-time sampling draw the same
 * random numbers, and the same seed always gives the same samples.
 */

/** 32-bit finaliser of MurmurHash3: a good bijective mix of one 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed for the stream of (seed, ...keys); each key is an integer. */
export function streamSeed(seed: number, ...keys: number[]): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  for (const key of keys) h = fmix32((h ^ fmix32((key >>> 0) + 0x7f4a7c15)) + 0x165667b1);
  return h;
}

/** xoshiro128** (Blackman and Vigna), state seeded by splitmix32 from one 32-bit seed. */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      return fmix32(x);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Index of the largest logit in logits[offset, offset+size); ties go to the lowest index. */
export function argmax(logits: Float32Array, offset: number, size: number): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < size; i++) {
    const v = logits[offset + i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

/**
 * Draws a token from softmax(logits / temperature) over logits[offset, offset+size). Temperature 0 is greedy.
 * Computed in float64 with the maximum subtracted, so large logits cannot overflow.
 */
export function sampleToken(
  logits: Float32Array,
  offset: number,
  size: number,
  temperature: number,
  rng: Prng,
): number {
  if (!(temperature >= 0) || !Number.isFinite(temperature))
    throw new RangeError(`temperature must be a finite number ≥ 0, got ${temperature}`);
  const top = argmax(logits, offset, size);
  if (temperature === 0) return top;
  const max = logits[offset + top]!;
  if (!Number.isFinite(max)) throw new RangeError(`the model produced a non-finite logit (${max})`);
  const weights = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += weights[i] = Math.exp((logits[offset + i]! - max) / temperature);
  }
  let u = rng.nextFloat() * total;
  for (let i = 0; i < size; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return top;
}

/** log softmax(logits)[target] over logits[offset, offset+size), in float64. */
export function logProb(logits: Float32Array, offset: number, size: number, target: number): number {
  const max = logits[offset + argmax(logits, offset, size)]!;
  let total = 0;
  for (let i = 0; i < size; i++) total += Math.exp(logits[offset + i]! - max);
  return logits[offset + target]! - max - Math.log(total);
}
