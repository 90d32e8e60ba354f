/**
 * The 95 % interval of a lab run's pass@k over the choice of problems and samples (issue 16 item 5).
 *
 * A run's pass@k is the mean over its P problems (all tasks together, P = problems per task × tasks) of per-problem
 * unbiased estimates, each in [0, 1]. A variable in [0, 1] with mean m has variance at most m(1 − m) (Bhatia–Davis),
 * so the mean's sampling variance is at most m(1 − m)/P, that of P Bernoulli draws: the Wilson score interval for
 * m with P trials (Wilson 1927) is then a conservative 95 % interval that stays inside [0, 1] without clamping. It
 * covers the choice of problems and the sampling noise of the n samples; not the model's seed.
 */

/** z of a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a mean `m` ∈ [0, 1] over `count` ≥ 1 draws (conservative for per-problem pass@k, above).
 * @throws RangeError on m outside [0, 1], a non-integer or non-positive count, or a non-positive z.
 */
export function wilsonInterval(m: number, count: number, z = Z95): { low: number; high: number } {
  if (!(m >= 0 && m <= 1)) throw new RangeError(`pass@k must lie in [0, 1] (got ${m})`);
  if (!(Number.isInteger(count) && count >= 1))
    throw new RangeError(`the number of problems must be a positive integer (got ${count})`);
  if (!(z > 0 && Number.isFinite(z))) throw new RangeError(`z must be a positive number (got ${z})`);
  const z2 = z * z;
  const centre = (m + z2 / (2 * count)) / (1 + z2 / count);
  const half = (z / (1 + z2 / count)) * Math.sqrt((m * (1 - m)) / count + z2 / (4 * count * count));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }; // max/min only absorb rounding
}

/** The run's interval: its pass@k over problems per task × its tasks. */
export function runInterval(run: { passAtK: number; problems: number; tasks: readonly string[] }): {
  low: number;
  high: number;
} {
  return wilsonInterval(run.passAtK, run.problems * Math.max(1, run.tasks.length));
}
