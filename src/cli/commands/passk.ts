/** Commands over pass@k (laws.md §3): `passk-beta` (Beta difficulty) and `passk-estimate` (Chen et al.'s estimator). */
import { passAtKBeta, passAtKEstimate } from '../../domain/passk';
import { numberFlag } from '../flags';
import type { CommandSpec } from '../types';

const beta: CommandSpec = {
  name: 'passk-beta',
  summary: 'Expected pass@k when per-question accuracy p ~ Beta(a, b): 1 − B(a, b + k)/B(a, b)',
  flags: [
    { name: 'a', kind: 'positive', metavar: 'A', required: true, help: 'Beta shape a (> 0)' },
    { name: 'b', kind: 'positive', metavar: 'B', required: true, help: 'Beta shape b (> 0)' },
    {
      name: 'k',
      kind: 'nonnegative',
      metavar: 'K',
      required: true,
      help: 'samples per question (≥ 0, may be fractional)',
    },
  ],
  output: 'passAtK',
  example: 'passk-beta --a 1 --b 1 --k 10',
  run(flags) {
    return { passAtK: passAtKBeta(numberFlag(flags, 'a'), numberFlag(flags, 'b'), numberFlag(flags, 'k')) };
  },
};

const estimate: CommandSpec = {
  name: 'passk-estimate',
  summary: 'Unbiased pass@k from n samples with c correct (Chen et al. 2021): 1 − C(n−c, k)/C(n, k)',
  flags: [
    {
      name: 'n',
      kind: 'positive-count',
      metavar: 'N',
      required: true,
      help: 'samples drawn (whole number, 1 ≤ n ≤ 2^53 − 1; the work is min(c, k) terms)',
    },
    { name: 'c', kind: 'count', metavar: 'C', required: true, help: 'correct samples (whole number, 0 ≤ c ≤ n)' },
    { name: 'k', kind: 'positive-count', metavar: 'K', required: true, help: 'k (whole number, 1 ≤ k ≤ n)' },
  ],
  output: 'passAtK',
  example: 'passk-estimate --n 200 --c 13 --k 10',
  run(flags) {
    return { passAtK: passAtKEstimate(numberFlag(flags, 'n'), numberFlag(flags, 'c'), numberFlag(flags, 'k')) };
  },
};

/** The pass@k command group. */
export const passkCommands: CommandSpec[] = [beta, estimate];
