/** Commands over Epoch AI's trade-offs (laws.md §5): `epoch-span` (scaling policy) and `pruning-multiplier`. */
import { epochSpan, pruningMultiplier } from '../../domain/epoch';
import { numberFlag } from '../flags';
import type { CommandSpec } from '../types';
import { chinchillaConstantsFlag, chinchillaConstantsFrom } from './chinchilla';

const span: CommandSpec = {
  name: 'epoch-span',
  summary: 'Scaling-policy trade-off span along an iso-loss curve, up to a marginal rate (Epoch AI 2023; default 6:1)',
  flags: [
    chinchillaConstantsFlag,
    {
      name: 'rate',
      kind: 'nonnegative',
      metavar: 'R',
      required: false,
      defaultText: '6',
      help: 'marginal exchange rate, OOM of training compute per OOM of inference compute',
    },
  ],
  output: 'trainingSpanOOM, inferenceSpanOOM',
  example: 'epoch-span --constants hoffmann-rounded',
  run(flags, io) {
    const c = chinchillaConstantsFrom(flags, io);
    const s = flags.has('rate') ? epochSpan(c, numberFlag(flags, 'rate')) : epochSpan(c);
    return { trainingSpanOOM: s.trainingSpanOOM, inferenceSpanOOM: s.inferenceSpanOOM };
  },
};

const pruning: CommandSpec = {
  name: 'pruning-multiplier',
  summary:
    'Training-cost multiplier of iterative magnitude pruning to a density, removing a fraction per round (Epoch AI 2023)',
  flags: [
    {
      name: 'density',
      kind: 'positive',
      metavar: 'D',
      required: true,
      help: 'fraction of weights kept at the end, in (0, 1], e.g. 0.1',
    },
    {
      name: 'per-round',
      kind: 'positive',
      metavar: 'X',
      required: true,
      help: 'fraction of the remaining weights removed per round, in (0, 1), e.g. 0.2',
    },
  ],
  output: 'trainingMultiplier, rounds',
  example: 'pruning-multiplier --density 0.1 --per-round 0.2',
  run(flags) {
    const p = pruningMultiplier(numberFlag(flags, 'density'), numberFlag(flags, 'per-round'));
    return { trainingMultiplier: p.trainingMultiplier, rounds: p.rounds };
  },
};

/** The Epoch command group. */
export const epochCommands: CommandSpec[] = [span, pruning];
