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
