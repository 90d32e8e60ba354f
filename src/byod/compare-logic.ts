/**
 * The side-by-side table: the user's fit against the published Chinchilla sets (Hoffmann et al. 2022 unrounded,
 * Besiroglu et al. 2024, Sardana et al.; laws.md §1), with each one's compute-optimal N and D at the current training
 * budget (Hoffmann Eq. 4 closed form). A T² fit's row uses its own two-budget optimum (laws.md §2) at the current
 * training and inference budgets, and its E, A, B, α, β are on task NLL, not pretraining loss (said in the note).
 */
import { chinchillaOptimum } from '../domain/chinchilla';
import { constantFamily } from '../domain/constant-families';
import type { ChinchillaConstants } from '../domain/constants-types';
import { getChinchillaSet } from '../domain/chinchilla-sets';
import type { FitKind } from './types';

/** Published sets the table compares with, in order. */
export const COMPARED_SET_IDS = ['hoffmann', 'besiroglu', 'sardana'] as const;

export interface CompareRow {
  id: string;
  name: string;
  source: string;
  constants: ChinchillaConstants;
  /** Optimal N, D (and k for T²) at the budgets, or null with the reason when it cannot be computed. */
  optimum: { params: number; tokens: number; tokensPerParam: number; samples?: number } | null;
  note?: string;
  user: boolean;
}

const chinchillaPart = (c: Record<string, number>): ChinchillaConstants => ({
  E: c.E!,
  A: c.A!,
  B: c.B!,
  alpha: c.alpha!,
  beta: c.beta!,
});

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** Rows of the table at `trainFlops` (and `inferenceFlops` for a T² fit): published sets first, then the fit. */
export function compareRows(
  kind: FitKind,
  fitted: Record<string, number>,
  trainFlops: number,
  inferenceFlops: number,
): CompareRow[] {
  const rows: CompareRow[] = COMPARED_SET_IDS.flatMap((id) => {
    const set = getChinchillaSet(id);
    if (!set) return [];
    const o = safe(() => chinchillaOptimum(set.constants, trainFlops));
    return [
      {
        id,
        name: set.name,
        source: set.source,
        constants: set.constants,
        user: false,
        optimum: o && { params: o.params, tokens: o.tokens, tokensPerParam: o.tokensPerParam },
      },
    ];
  });
  const c = chinchillaPart(fitted);
  // The fit's own optimum (src/domain/constant-families.ts): Chinchilla's at the training budget, or T²'s two-budget one.
  const family = constantFamily(kind);
  const o = safe(() => family.optimum(fitted, trainFlops, inferenceFlops));
  const optimum: CompareRow['optimum'] = o && {
    params: o.params,
    tokens: o.tokens,
    tokensPerParam: o.tokens / o.params,
    ...(o.samples !== undefined ? { samples: o.samples } : {}),
  };
  const note = family.hasSamples
    ? 'T² constants are on task NLL, not pretraining loss; its optimum uses both budgets (k from the inference budget).'
    : undefined;
  rows.push({
    id: 'user',
    name: 'Your fit',
    source: 'your runs',
    constants: c,
    optimum,
    user: true,
    ...(note ? { note } : {}),
  });
  return rows;
}
