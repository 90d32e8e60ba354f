/**
 * Synthetic data sets for testing and benchmarking the fits: points drawn from a known law with seeded multiplicative
 * log-normal noise, laid out like isoFLOP sweeps (Hoffmann et al. 2022; the T² testbed's 1.25e16–2.56e19 FLOPs levels,
 * laws.md §2). Nothing here is measured data.
 */
import { createRng } from '../random';
import { t2AccuracyFromLoss } from '../t2-approach2';
import type { ChinchillaConstants, T2Approach1Constants, T2Approach2Constants } from '../constants-types';

/** Log-uniform (N, D) designs: training FLOPs in [10^lo, 10^hi], N within ±1.5 decades of √(C/6)/~10. */
function designs(count: number, seed: number, logFlops: [number, number]): { params: number; tokens: number }[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const c = 10 ** rng.uniform(logFlops[0], logFlops[1]);
    const params = 10 ** (0.5 * Math.log10(c / 6) - 0.65 + rng.uniform(-1.2, 1.2));
    return { params, tokens: c / (6 * params) };
  });
}

/** `count` Chinchilla points L·exp(noise·z), z ~ N(0, 1), training FLOPs 1e18–1e22 by default. */
export function syntheticChinchillaPoints(
  c: ChinchillaConstants,
  count: number,
  seed: number,
  noise = 0.01,
  logFlops: [number, number] = [18, 22],
) {
  const rng = createRng(seed ^ 0x5eed);
  return designs(count, seed, logFlops).map(({ params, tokens }) => ({
    params,
    tokens,
    loss: (c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta) * Math.exp(noise * rng.normal()),
  }));
}

/** `runs` checkpoints × the given k values of T² Approach 1 NLL with multiplicative noise (testbed-like FLOPs). */
export function syntheticT2Approach1Points(
  c: T2Approach1Constants,
  runs: number,
  samples: readonly number[],
  seed: number,
  noise = 0.005,
) {
  const rng = createRng(seed ^ 0x5eed);
  return designs(runs, seed, [16, 19.5]).flatMap(({ params, tokens }) =>
    samples.map((k) => ({
      params,
      tokens,
      samples: k,
      nll:
        (c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta + c.G / k ** c.gamma) * Math.exp(noise * rng.normal()),
    })),
  );
}

/** `runs` checkpoints × k values of T² Approach 2 pass@k with additive noise, clipped to [0, 1]. */
export function syntheticT2Approach2Points(
  c: T2Approach2Constants,
  runs: number,
  samples: readonly number[],
  seed: number,
  noise = 0.005,
) {
  const rng = createRng(seed ^ 0x5eed);
  return designs(runs, seed, [16, 19.5]).flatMap(({ params, tokens }) => {
    const loss = c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta;
    return samples.map((k) => ({
      params,
      tokens,
      samples: k,
      passAtK: Math.min(1, Math.max(0, t2AccuracyFromLoss(c, loss, k) + noise * rng.normal())),
    }));
  });
}
