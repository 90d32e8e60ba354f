/** The T² command (laws.md §2): `t2-optimum`, the best (N, D, k) when both budgets bind. */
import { t2Optimum } from '../../domain/t2-optimum';
import { resolveT2Constants } from '../constants-arg';
import { numberFlag, textFlag } from '../flags';
import { CliUsageError, type CommandSpec } from '../types';

const optimum: CommandSpec = {
  name: 't2-optimum',
  summary: 'T² optimum (N, D, k) with 6ND = C_train and 2Nk = C_inf per token served, k ≥ 1 (Roberts et al. 2026)',
  flags: [
    {
      name: 'approach',
      kind: 'positive-count',
      metavar: '1|2',
      required: true,
      help: '1: task NLL (minimised); 2: pass@k accuracy (maximised)',
    },
    {
      name: 'constants',
      kind: 'text',
      metavar: 'SET_OR_JSON_FILE',
      required: true,
      help: 'a T² set (fitted on public data, illustrative or fitted on the testbed; `sets` lists them) or a JSON file: E, A, B, alpha, beta, G, gamma (Approach 1) or E, A, B, alpha, beta, theta0…theta4 (Approach 2)',
    },
    { name: 'train-flops', kind: 'positive', metavar: 'C', required: true, help: 'training budget C_train in FLOPs' },
    {
      name: 'inference-flops',
      kind: 'positive',
      metavar: 'C',
      required: true,
      help: 'inference budget C_inf in FLOPs per token served',
    },
  ],
  output: 'params, tokens, samples, tokensPerParam, value (task NLL in nats for Approach 1, accuracy for Approach 2)',
  example: 't2-optimum --approach 1 --constants t2-illustrative --train-flops 1e21 --inference-flops 2e9',
  run(flags, io) {
    const approach = numberFlag(flags, 'approach');
    if (approach !== 1 && approach !== 2) throw new CliUsageError(`--approach must be 1 or 2 (got ${approach})`);
    const resolved = resolveT2Constants(approach, textFlag(flags, 'constants'), io);
    const train = numberFlag(flags, 'train-flops');
    const inference = numberFlag(flags, 'inference-flops');
    const o =
      resolved.approach === 1
        ? t2Optimum(1, resolved.constants, train, inference)
        : t2Optimum(2, resolved.constants, train, inference);
    return { params: o.params, tokens: o.tokens, samples: o.samples, tokensPerParam: o.tokensPerParam, value: o.value };
  },
};

/** The T² command group. */
export const t2Commands: CommandSpec[] = [optimum];
