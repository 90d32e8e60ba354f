/** Data shapes of the testbed fits (tools/zoo/fit.ts): the answer log-prob file and what the fits produce. */
import type {
  ConstantIntervals,
  FittedRange,
  T2Approach1Constants,
  T2Approach2Constants,
} from '../../../src/domain/constants-types';

/** tools/zoo/results/answer-logprobs.json: per model id and task, log p(answer + eos | prompt) per problem (nats). */
export interface AnswerLogprobs {
  version: 1;
  createdBy: string;
  definition: string;
  problemsPerTask: number;
  tasks: string[];
  models: Record<string, Record<string, number[]>>;
}

/** One entry of src/domain/data/t2-fitted.json (the format src/domain/t2-sets.ts reads). */
export interface FittedSetEntry {
  approach: 1 | 2;
  id: string;
  name: string;
  kind: 'fitted-testbed';
  source: string;
  note: string;
  range: FittedRange;
  constants: T2Approach1Constants | T2Approach2Constants;
  /** 95 % bootstrap intervals of every constant (./bootstrap.ts), when the fits ran with the bootstrap. */
  intervals?: ConstantIntervals<T2Approach1Constants> | ConstantIntervals<T2Approach2Constants>;
}
