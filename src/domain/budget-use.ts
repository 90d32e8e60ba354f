/**
 * How much of each T² budget a design uses (laws.md §0, §2): training 6·N·D against C_train, inference 2·N·k per token
 * served against C_inf. Pure arithmetic: the readouts show an overshoot, and linked mode ("hold the budgets") says
 * where a control at its range edge pushed the design off its budgets.
 */
import type { Flops, Params, Samples, Tokens } from './units';

/** One of the two budgets of T². */
export type BudgetName = 'training' | 'inference';

/** A budget the design does not meet exactly: what it needs, what the budget is, and needed ÷ budget. */
export interface BudgetMiss {
  budget: BudgetName;
  /** FLOPs the design needs: 6ND (training) or 2Nk per token served (inference). */
  needed: Flops;
  /** The budget: C_train, or C_inf per token served. */
  available: Flops;
  /** needed / available: above 1 an overshoot, below 1 the budget is not used up. */
  ratio: number;
}

/** Relative tolerance within which a design counts as on its budget (round-off of the linked moves). */
export const ON_BUDGET_TOLERANCE = 1e-6;

/**
 * The budgets `design` misses by more than ON_BUDGET_TOLERANCE, training first. Non-finite or non-positive inputs give
 * no entry (nothing can be said about them).
 */
export function budgetMisses(
  design: { params: Params; tokens: Tokens; samples: Samples },
  budgets: { trainFlops: Flops; inferenceFlops: Flops },
): BudgetMiss[] {
  const out: BudgetMiss[] = [];
  const check = (budget: BudgetName, needed: number, available: number) => {
    if (!(needed > 0 && available > 0 && Number.isFinite(needed) && Number.isFinite(available))) return;
    const ratio = needed / available;
    if (Math.abs(ratio - 1) > ON_BUDGET_TOLERANCE) out.push({ budget, needed, available, ratio });
  };
  check('training', 6 * design.params * design.tokens, budgets.trainFlops);
  check('inference', 2 * design.params * design.samples, budgets.inferenceFlops);
  return out;
}

/** Only the budgets the design exceeds (ratio > 1). */
export function budgetOvershoots(
  design: { params: Params; tokens: Tokens; samples: Samples },
  budgets: { trainFlops: Flops; inferenceFlops: Flops },
): BudgetMiss[] {
  return budgetMisses(design, budgets).filter((m) => m.ratio > 1);
}
