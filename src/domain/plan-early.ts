/**
 * Budget-aware specialisation (Grangier et al. 2024, "Plan Early", arXiv:2402.01093; laws.md §7): one generic
 * pretraining cost shared by n specialised models, C_total(n) = C_generic + n·C_specialisation. Data for a teaching
 * preset.
 */
import { DomainError, assertPositive } from './errors';
import type { Flops } from './units';

/**
 * Total cost of serving n specialised tasks from one generic model: C_generic + n·C_specialisation (laws.md §7). Any
 * consistent unit (FLOPs, GPU-hours).
 * @param tasks n, the number of specialised tasks (integer ≥ 0).
 */
export function planEarlyTotalCost(genericCost: Flops, specialisationCost: Flops, tasks: number): Flops {
  assertPositive('generic cost', genericCost);
  if (!Number.isFinite(specialisationCost) || specialisationCost < 0) {
    throw new DomainError(`specialisation cost must be a non-negative finite number (got ${specialisationCost})`);
  }
  if (!Number.isInteger(tasks) || tasks < 0) throw new DomainError(`tasks must be an integer ≥ 0 (got ${tasks})`);
  return genericCost + tasks * specialisationCost;
}

/**
 * The paper's inference comparison (laws.md §7): a 126 M specialised model against a 771 M one, in A100-hours per
 * 1 B tokens of inference (0.61 vs 2.54, about 4× faster).
 */
export const PLAN_EARLY_INFERENCE = Object.freeze({
  source: 'Grangier et al. 2024 (arXiv:2402.01093); laws.md §7',
  unit: 'A100-hours per 1e9 tokens',
  models: Object.freeze([
    Object.freeze({ params: 126e6, hoursPerBillionTokens: 0.61 }),
    Object.freeze({ params: 771e6, hoursPerBillionTokens: 2.54 }),
  ]),
});

/**
 * Measured throughputs of the paper's two model sizes in A100-hours per 1e9 tokens, training and inference (issue 15
 * quoting Grangier et al. 2024: small 126 M 2.2 / 0.61, large 771 M 7.7 / 2.54; laws.md §7 has the inference pair).
 * The training figures are taken from the issue text and were not checked against the paper here.
 */
export const PLAN_EARLY_THROUGHPUT = Object.freeze({
  source:
    'Grangier et al. 2024, "Need a Small Specialized Language Model? Plan Early!" (arXiv:2402.01093); inference pair laws.md §7, training pair as quoted in issue 15 (not checked here)',
  unit: 'A100-hours per 1e9 tokens',
  small: Object.freeze({ params: 126e6, train: 2.2, inference: 0.61 }),
  large: Object.freeze({ params: 771e6, train: 7.7, inference: 2.54 }),
});

/**
 * Test perplexity on The Pile of the two sizes, generic pretraining only and after specialisation (fine-tuning), as
 * listed for arXiv:2402.01093 by Papers with Code ("Smaller Transformer 126M" 33 / 12; "Larger Transformer 771M"
 * 28.1 / 10). The paper's own table was not opened here; its per-domain breakdown is not shipped.
 */
export const PLAN_EARLY_PERPLEXITY = Object.freeze({
  source:
    "Grangier et al. 2024 (arXiv:2402.01093), The Pile test perplexity as listed by Papers with Code (not checked against the paper's table here)",
  rows: Object.freeze([
    Object.freeze({ model: '126 M', params: 126e6, pretrained: 33, specialised: 12 }),
    Object.freeze({ model: '771 M', params: 771e6, pretrained: 28.1, specialised: 10 }),
  ]),
});

/** Training tokens of one option: one generic pretraining, then one specialisation per domain (units: 1e9 tokens). */
export interface PlanEarlyOption {
  /** Generic pretraining shared by every domain, 1e9 tokens (≥ 0). */
  genericTokens: number;
  /** Specialisation per domain, 1e9 tokens (≥ 0): fine-tuning, or a whole importance-sampled pretraining. */
  specialisationTokens: number;
}

/** A Plan Early comparison: n domains each serving `inferenceTokens` (1e9 tokens) over its life. */
export interface PlanEarlyInput {
  domains: number;
  /** Inference tokens served per domain, 1e9 tokens (≥ 0). */
  inferenceTokens: number;
  large: PlanEarlyOption;
  small: PlanEarlyOption;
}

/** Cost of each option in A100-hours and which is cheaper. */
export interface PlanEarlyResult {
  large: { train: number; inference: number; total: number };
  small: { train: number; inference: number; total: number };
  /** 'small' when the small specialised models cost less in total (ties go to 'large'). */
  cheaper: 'small' | 'large';
  /**
   * Inference tokens per domain (1e9) above which the small models are cheaper at this n: their higher training cost
   * paid back by cheaper inference; 0 when they are cheaper even with no inference.
   */
  breakEvenInferenceTokens: number;
}

function assertOption(name: string, o: PlanEarlyOption): void {
  for (const [k, v] of Object.entries(o)) {
    if (!Number.isFinite(v) || v < 0)
      throw new DomainError(`${name} ${k} must be a non-negative finite number of 1e9 tokens (got ${v})`);
  }
}

/**
 * C_total = C_generic + n·C_specialisation + n·(inference) for the large generic-then-fine-tuned model and for the
 * small specialised ones, each at the paper's measured throughputs (PLAN_EARLY_THROUGHPUT; A100-hours). How many tokens
 * each option trains on is the user's assumption (the paper studies budgets, not one recipe).
 */
export function planEarlyCompare(input: PlanEarlyInput): PlanEarlyResult {
  const { domains: n, inferenceTokens: v } = input;
  if (!Number.isInteger(n) || n < 1) throw new DomainError(`domains must be a whole number ≥ 1 (got ${n})`);
  if (!Number.isFinite(v) || v < 0)
    throw new DomainError(`inference tokens per domain must be a non-negative finite number (got ${v})`);
  assertOption('large model', input.large);
  assertOption('small models', input.small);
  const t = PLAN_EARLY_THROUGHPUT;
  const cost = (o: PlanEarlyOption, rate: { train: number; inference: number }) => {
    // planEarlyTotalCost's C_generic + n·C_specialisation, with C_generic = 0 allowed (no shared pretraining)
    const train = o.genericTokens * rate.train + n * o.specialisationTokens * rate.train;
    const inference = n * v * rate.inference;
    return { train, inference, total: train + inference };
  };
  const large = cost(input.large, t.large);
  const small = cost(input.small, t.small);
  const extraTrain = small.train - large.train;
  const breakEvenInferenceTokens = extraTrain <= 0 ? 0 : extraTrain / (n * (t.large.inference - t.small.inference));
  return { large, small, cheaper: small.total < large.total ? 'small' : 'large', breakEvenInferenceTokens };
}
