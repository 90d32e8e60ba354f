/** The lifetime command (laws.md §4): `lifetime-optimum`, Sardana et al.'s minimum lifetime FLOPs for a target loss. */
import { lifetimeOptimum } from '../../domain/sardana';
import { numberFlag } from '../flags';
import type { CommandSpec } from '../types';
import { chinchillaConstantsFlag, chinchillaConstantsFrom } from './chinchilla';

const optimum: CommandSpec = {
  name: 'lifetime-optimum',
  summary:
    'Least lifetime FLOPs 6ND + 2NkT reaching a target loss, vs the equal-loss Chinchilla model (Sardana et al. 2024)',
  flags: [
    chinchillaConstantsFlag,
    {
      name: 'loss',
      kind: 'positive',
      metavar: 'L',
      required: true,
      help: "target loss in nats per token (must exceed the set's E)",
    },
    {
      name: 'inference-tokens',
      kind: 'nonnegative',
      metavar: 'T',
      required: true,
      help: "tokens served over the model's life, e.g. 2T",
    },
    {
      name: 'samples',
      kind: 'positive',
      metavar: 'K',
      required: false,
      defaultText: '1',
      help: 'samples per request k; inference costs 2N·k per token served',
    },
  ],
  output:
    'params, tokens, trainingFlops, inferenceFlops, totalFlops, chinchilla {params, tokens, totalFlops}, paramsRatio, tokensRatio, flopsRatio',
  example: 'lifetime-optimum --constants sardana --loss 1.947 --inference-tokens 2T',
  run(flags, io) {
    const o = lifetimeOptimum(
      chinchillaConstantsFrom(flags, io),
      numberFlag(flags, 'loss'),
      numberFlag(flags, 'inference-tokens'),
      numberFlag(flags, 'samples', 1),
    );
    return {
      params: o.params,
      tokens: o.tokens,
      trainingFlops: o.trainingFlops,
      inferenceFlops: o.inferenceFlops,
      totalFlops: o.totalFlops,
      chinchilla: { params: o.chinchilla.params, tokens: o.chinchilla.tokens, totalFlops: o.chinchilla.totalFlops },
      paramsRatio: o.paramsRatio,
      tokensRatio: o.tokensRatio,
      flopsRatio: o.flopsRatio,
    };
  },
};

/** The lifetime command group. */
export const lifetimeCommands: CommandSpec[] = [optimum];
