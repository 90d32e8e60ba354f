/**
 * The scenario: everything the explorer's numbers depend on. It is what the URL encodes (src/store/url) and what the
 * engine worker takes. Units as in ./units.ts.
 */
import type { UserConstantSet } from './registry';
import type { PlanEarlyInput } from './plan-early';
import type { StrategyChoice } from './strategies/registry';
import type { Flops, Nats, Params, Probability, Samples, Tokens } from './units';

/** Which law turns a design into quality: declared in the quality-model registry (./quality-models.ts). */
export type { QualityModel } from './quality-models';
import type { QualityModel } from './quality-models';

export interface Scenario {
  qualityModel: QualityModel;
  /** Id of the constant set (published Chinchilla set, shipped T² set, or a user set). */
  constantSet: string;
  /** Model size N (parameters). */
  params: Params;
  /** Training tokens D. */
  tokens: Tokens;
  /** Samples per question k. */
  samples: Samples;
  /** Training budget C_train (FLOPs). */
  trainFlops: Flops;
  /** Inference budget per token served C_inf (FLOPs per token). */
  inferenceFlops: Flops;
  /** Tokens served over the model's lifetime, T (lifetime view). */
  tokensServed: Tokens;
  /** Target quality: a loss (nats) for loss models, an accuracy for 't2-2'. */
  targetQuality: number;
  /**
   * The set the user fitted on their own runs (src/byod), when there is one: `constantSet` may name it. Carried by
   * the scenario so the engine worker and a shared link get the constants with everything else.
   */
  userSet?: UserConstantSet;
  /**
   * Runs measured in the model lab (src/lab): tiny zoo models run in this browser, drawn on the charts at
   * (6ND, 2Nk) (laws.md §0). Carried by the scenario so the engine can fit its chart windows around them and a link
   * can share a few (URL key `lab`).
   */
  measured?: readonly MeasuredPoint[];
  /** Training GPU id (src/domain/cost/hardware.ts); absent = DEFAULT_COST_CHOICE. */
  trainGpu?: string;
  /** Serving GPU id. */
  serveGpu?: string;
  /** Training price, $ per GPU-hour; 0 = the GPU's preset. */
  trainPrice?: number;
  /** Serving price, $ per GPU-hour; 0 = the GPU's preset. */
  servePrice?: number;
  /** Training model FLOP utilisation in (0, 1]. */
  trainMfu?: number;
  /** How decode is costed: 'roofline' (memory-bandwidth bound) or 'mfu' (Sardana et al.'s fixed utilisation). */
  decodeModel?: 'roofline' | 'mfu';
  /** Units of the charts' budget axes: FLOPs or dollars. */
  costUnits?: 'flops' | 'usd';
  /**
   * The test-time strategy that turns k samples into an answer (src/domain/strategies: oracle pass@k, majority voting,
   * best-of-k with an imperfect verifier) and its assumed parameters; absent = the oracle (pass@k), T²'s own
   * assumption. Applies to T² Approach 2 (the model with a per-question Beta); URL key `ts`.
   */
  strategy?: StrategyChoice;
  /**
   * The inputs of the Plan Early view (src/papers; ./plan-early.ts, ./plan-early-key.ts): domains, inference per domain
   * and each option's token counts (assumptions the person sets); absent = PLAN_EARLY_DEFAULT_INPUT. No chart of the
   * engine reads it (src/store/effects.ts answers a change of it alone from the last result); URL key `pe`.
   */
  planEarly?: PlanEarlyInput;
}

/** One measured lab run as the charts draw it: a zoo checkpoint (N, D) sampled k times per problem. */
export interface MeasuredPoint {
  params: Params;
  tokens: Tokens;
  samples: Samples;
  /** Macro-mean pass@k over the run's tasks, by the unbiased estimator (laws.md §3). */
  passAtK: Probability;
  /** Macro-mean answer NLL (nats), −log p(answer + eos | prompt); null when not measured. */
  nll: Nats | null;
}
