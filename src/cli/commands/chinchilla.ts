/** Commands over the Chinchilla law (laws.md §1): `loss` and `chinchilla-optimum`. */
import { chinchillaLoss, chinchillaOptimum } from '../../domain/chinchilla';
import { assertChinchillaConstants } from '../../domain/chinchilla';
import { resolveChinchillaConstants } from '../constants-arg';
import { numberFlag, textFlag } from '../flags';
import type { CliIo, CommandSpec, FlagSpec, FlagValues } from '../types';

/** The `--constants SET` flag of the Chinchilla commands. */
export const chinchillaConstantsFlag: FlagSpec = {
  name: 'constants',
  kind: 'text',
  metavar: 'SET',
  required: true,
  help: 'Chinchilla constant set: hoffmann, hoffmann-rounded, besiroglu, sardana, a T² Approach 2 set fitted on public data (its stage 1; see `sets`), or a JSON file with E, A, B, alpha, beta',
};

/** Resolves and validates the Chinchilla constants named by --constants. */
export function chinchillaConstantsFrom(flags: FlagValues, io: CliIo) {
  const { constants } = resolveChinchillaConstants(textFlag(flags, 'constants'), io);
  assertChinchillaConstants(constants);
  return constants;
}

const loss: CommandSpec = {
  name: 'loss',
  summary: 'Chinchilla loss L(N, D) = E + A/N^α + B/D^β in nats per token (Hoffmann et al. 2022)',
  flags: [
    chinchillaConstantsFlag,
    { name: 'params', kind: 'positive', metavar: 'N', required: true, help: 'model parameters N, e.g. 70B' },
    { name: 'tokens', kind: 'positive', metavar: 'D', required: true, help: 'training tokens D, e.g. 1.4T' },
  ],
  output: 'loss',
  example: 'loss --constants hoffmann-rounded --params 70B --tokens 1.4T',
  run(flags, io) {
    const c = chinchillaConstantsFrom(flags, io);
    return { loss: chinchillaLoss(c, numberFlag(flags, 'params'), numberFlag(flags, 'tokens')) };
  },
};

const optimum: CommandSpec = {
  name: 'chinchilla-optimum',
  summary: 'Compute-optimal N and D for a training budget C = 6ND, closed form (Hoffmann et al. 2022, Eq. 4)',
  flags: [
    chinchillaConstantsFlag,
    { name: 'flops', kind: 'positive', metavar: 'C', required: true, help: 'training budget in FLOPs, e.g. 5.76e23' },
  ],
  output: 'params, tokens, tokensPerParam, loss',
  example: 'chinchilla-optimum --constants hoffmann --flops 5.76e23',
  run(flags, io) {
    const o = chinchillaOptimum(chinchillaConstantsFrom(flags, io), numberFlag(flags, 'flops'));
    return { params: o.params, tokens: o.tokens, tokensPerParam: o.tokensPerParam, loss: o.loss };
  },
};

/** The Chinchilla command group. */
export const chinchillaCommands: CommandSpec[] = [loss, optimum];
