/**
 * The T² lifetime command (laws.md §0, §2): `t2-lifetime-optimum`, the best (N, D, k) for ONE lifetime budget
 * C_total = 6·N·D + 2·N·k·T (Sardana et al.'s framing extended with k; the T² paper itself keeps two budgets, see
 * `t2-optimum`). Wraps domain/t2-lifetime.ts (t2LifetimeOptimum).
 */
import { t2LifetimeOptimum } from '../../domain/t2-lifetime';
import { resolveT2Constants } from '../constants-arg';
import { numberFlag, textFlag } from '../flags';
import { CliUsageError, type CommandSpec } from '../types';

const lifetime: CommandSpec = {
  name: 't2-lifetime-optimum',
  summary:
    'T² optimum (N, D, k) for one lifetime budget 6ND + 2NkT, k ≥ --min-samples (T² laws, Sardana et al.’s lifetime view)',
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
      help: 'a T² set (t2-illustrative, or a testbed fit) or a JSON file: E, A, B, alpha, beta, G, gamma (Approach 1) or E, A, B, alpha, beta, theta0…theta4 (Approach 2)',
    },
    {
      name: 'lifetime-flops',
      kind: 'positive',
      metavar: 'C',
      required: true,
      help: 'lifetime budget C_total = 6ND + 2NkT in FLOPs (training plus all inference)',
    },
    {
      name: 'tokens-served',
      kind: 'positive',
      metavar: 'T',
      required: true,
      help: 'tokens served over the model’s life, e.g. 2T',
    },
    {
      name: 'min-samples',
      kind: 'positive',
      metavar: 'K',
      required: false,
      defaultText: '1',
      help: 'least samples per question k (may be fractional)',
    },
  ],
  output:
    'params, tokens, samples, tokensPerParam, value (task NLL in nats for Approach 1, accuracy for Approach 2), trainFlops, inferenceFlops, trainFraction',
  example: 't2-lifetime-optimum --approach 1 --constants t2-illustrative --lifetime-flops 1e23 --tokens-served 1T',
  run(flags, io) {
    const approach = numberFlag(flags, 'approach');
    if (approach !== 1 && approach !== 2) throw new CliUsageError(`--approach must be 1 or 2 (got ${approach})`);
    const resolved = resolveT2Constants(approach, textFlag(flags, 'constants'), io);
    const total = numberFlag(flags, 'lifetime-flops');
    const served = numberFlag(flags, 'tokens-served');
    const opts = { minSamples: numberFlag(flags, 'min-samples', 1) };
    const o =
      resolved.approach === 1
        ? t2LifetimeOptimum(1, resolved.constants, total, served, opts)
        : t2LifetimeOptimum(2, resolved.constants, total, served, opts);
    return {
      params: o.params,
      tokens: o.tokens,
      samples: o.samples,
      tokensPerParam: o.tokensPerParam,
      value: o.value,
      trainFlops: o.trainFlops,
      inferenceFlops: o.inferenceFlops,
      trainFraction: o.trainFraction,
    };
  },
};

/** The T² lifetime command group. */
export const t2LifetimeCommands: CommandSpec[] = [lifetime];
