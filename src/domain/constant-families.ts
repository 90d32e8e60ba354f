/**
 * The constant-family registry: each family of constants declared once — the law its constants belong to, their keys
 * in URL order, the code a shared link writes for it, and what a fit of that family takes and reports (src/byod,
 * src/engine/fit-job.ts). Its shipped sets are in ./constant-sets.ts (kept apart: this module imports no JSON, so
 * the URL code and the end-to-end specs' Node loader can use it). A quality model (./quality-models.ts) names the
 * family whose sets it uses.
 *
 * Adding a family: its constants type in ./constants-types.ts, its law in its own file, its sets in ./data and
 * ./constant-sets.ts, one entry here; src/app/registry-consumers.test.ts checks every consumer handles it.
 */
import { chinchillaLossUnchecked, chinchillaOptimum } from './chinchilla';
import type { ChinchillaConstants, T2Approach1Constants, T2Approach2Constants } from './constants-types';
import { defineRegistry, tableOf } from './define-registry';
import { T2_APPROACH1_KEYS, t2LossUnchecked } from './t2-approach1';
import { T2_APPROACH2_KEYS, t2Accuracy } from './t2-approach2';
import { t2Optimum } from './t2-optimum';
import type { RunField } from './runs';

/** A family of constants, which is also the fit that produces them (Chinchilla Approach 3, T² Approach 1 or 2). */
export type ConstantFamily = 'chinchilla' | 't2-1' | 't2-2';

/**
 * One group of free constants of a fit, for the fit-quality gate (./fit/quality-gate.ts): how many constants it
 * fixes and on what it counts rows — every fitted row, or the distinct (N, D) checkpoints among them.
 */
export interface FitGateGroup {
  readonly what: string;
  readonly counts: 'rows' | 'checkpoints';
  readonly freeConstants: number;
}

/**
 * How a family's constants are fitted (src/engine/fit-refit.ts runs the one a family declares):
 * - 'chinchilla-approach3': Chinchilla Approach 3, Huber on log loss from a start grid (laws.md §1);
 * - 't2-approach1': the T² Approach 1 multi-start fit on task NLL (laws.md §2);
 * - 't2-two-stage': T² Approach 2, stage 1 the profiled-E Chinchilla fit on each checkpoint's task NLL (Roberts et al.
 *   App. F), stage 2 θ0…θ4 on pass@k (laws.md §2).
 */
export type FitMethod = 'chinchilla-approach3' | 't2-approach1' | 't2-two-stage';

/** A family's compute-optimal design: N, D, and k when the optimum spends an inference budget. */
export interface FamilyOptimum {
  params: number;
  tokens: number;
  samples?: number;
}

/** One family, declared once. */
export interface ConstantFamilySpec<F extends ConstantFamily = ConstantFamily> {
  readonly id: F;
  /** The fit's name in the "bring your own data" panel. */
  readonly fitName: string;
  /** The law's name in a sentence ("a Chinchilla fit", "a T² fit"). */
  readonly lawName: string;
  /** One character a shared link's user set (`u`) writes for the family. */
  readonly urlCode: string;
  /** The constants, in URL order (laws.md §1, §2). */
  readonly keys: readonly string[];
  /** Run fields a fit of this family needs, in column order. */
  readonly fields: readonly RunField[];
  /** Fewest good rows the fit accepts (the domain fits' own minimums; T² Approach 2 also fits stage 1 on ≥ 5 runs). */
  readonly minRows: number;
  /** What the fit's goodness and residuals measure. */
  readonly observedLabel: string;
  /** The observed column of a run (laws.md §0 units; pass@k in [0, 1]). */
  readonly observed: 'loss' | 'nll' | 'passAtK';
  /** True when k (samples per question) enters the family's law and its runs carry a samples column. */
  readonly hasSamples: boolean;
  /**
   * True when the constants' E, A, B, α, β are on pretraining loss (Chinchilla, laws.md §1), so E floors a target
   * loss and the set drives Epoch's scaling policy itself; false for the T² families, whose are on task NLL.
   */
  readonly pretrainingLoss: boolean;
  /** Rows per group of free constants the fit-quality gate checks (src/byod/fit-gate.ts). */
  readonly gateGroups: readonly FitGateGroup[];
  /**
   * Where the gate reads the lowest fitted loss or task NLL that bounds E: the fitted observations themselves, or
   * (T² Approach 2, whose observation is pass@k) the fitted runs' task NLL column.
   */
  readonly floorFrom: 'observed' | 'runs-nll';
  /** The fit that produces the family's constants from runs (src/engine/fit-refit.ts). */
  readonly fitMethod: FitMethod;
  /**
   * The compute-optimal design of a constants record of this family (keys as in `keys`) at a training budget C_train
   * (FLOPs) and an inference budget C_inf (FLOPs per token): Chinchilla's closed form (Hoffmann Eq. 4, laws.md §1; the
   * inference budget unused, no k) or the T² two-budget optimum (laws.md §2, k = C_inf/2N). The "Your data" panel's
   * comparison table (src/byod/compare-logic.ts). @throws DomainError when it cannot be computed.
   */
  optimum(constants: Readonly<Record<string, number>>, trainFlops: number, inferenceFlops: number): FamilyOptimum;
  /**
   * The law's quality of one design from a constants record of this family (keys as in `keys`): loss or task NLL in
   * nats, or pass@k in [0, 1]; params N, tokens D, samples k (ignored when `hasSamples` is false). Unchecked: the
   * caller filters non-finite values (fit predictions, bootstrap bands).
   */
  predict(constants: Readonly<Record<string, number>>, params: number, tokens: number, samples: number): number;
}

const CHINCHILLA: ConstantFamilySpec<'chinchilla'> = {
  id: 'chinchilla',
  fitName: 'Chinchilla Approach 3 (loss)',
  lawName: 'Chinchilla',
  urlCode: 'c',
  keys: ['E', 'A', 'B', 'alpha', 'beta'],
  fields: ['params', 'tokens', 'loss'],
  minRows: 5,
  observedLabel: 'loss',
  observed: 'loss',
  hasSamples: false,
  pretrainingLoss: true,
  gateGroups: [{ what: 'runs', counts: 'rows', freeConstants: 5 }],
  floorFrom: 'observed',
  fitMethod: 'chinchilla-approach3',
  predict: (c, n, d) => chinchillaLossUnchecked(c as unknown as ChinchillaConstants, n, d),
  optimum: (c, ct) => {
    const o = chinchillaOptimum(c as unknown as ChinchillaConstants, ct);
    return { params: o.params, tokens: o.tokens };
  },
};
const T2_1: ConstantFamilySpec<'t2-1'> = {
  id: 't2-1',
  fitName: 'T² Approach 1 (task NLL with k)',
  lawName: 'T²',
  urlCode: '1',
  keys: T2_APPROACH1_KEYS,
  fields: ['params', 'tokens', 'samples', 'nll'],
  minRows: 8,
  observedLabel: 'task NLL',
  observed: 'nll',
  hasSamples: true,
  pretrainingLoss: false,
  gateGroups: [
    { what: 'rows', counts: 'rows', freeConstants: 7 },
    { what: 'checkpoints (N, D; they fix E, A, B, α, β)', counts: 'checkpoints', freeConstants: 5 },
  ],
  floorFrom: 'observed',
  fitMethod: 't2-approach1',
  predict: (c, n, d, k) => t2LossUnchecked(c as unknown as T2Approach1Constants, n, d, k),
  optimum: (c, ct, ci) => {
    const o = t2Optimum(1, c as unknown as T2Approach1Constants, ct, ci);
    return { params: o.params, tokens: o.tokens, samples: o.samples };
  },
};
const T2_2: ConstantFamilySpec<'t2-2'> = {
  id: 't2-2',
  fitName: 'T² Approach 2 (NLL, then pass@k)',
  lawName: 'T²',
  urlCode: '2',
  keys: T2_APPROACH2_KEYS,
  fields: ['params', 'tokens', 'samples', 'nll', 'passAtK'],
  minRows: 6,
  observedLabel: 'pass@k',
  observed: 'passAtK',
  hasSamples: true,
  pretrainingLoss: false,
  gateGroups: [
    { what: 'checkpoints (N, D) in stage 1', counts: 'checkpoints', freeConstants: 5 },
    { what: 'rows in stage 2 (θ0…θ4)', counts: 'rows', freeConstants: 5 },
  ],
  floorFrom: 'runs-nll',
  fitMethod: 't2-two-stage',
  predict: (c, n, d, k) => t2Accuracy(c as unknown as T2Approach2Constants, n, d, k),
  optimum: (c, ct, ci) => {
    const o = t2Optimum(2, c as unknown as T2Approach2Constants, ct, ci);
    return { params: o.params, tokens: o.tokens, samples: o.samples };
  },
};

/** Every constant family, in display order. */
export const CONSTANT_FAMILIES = defineRegistry<ConstantFamily, ConstantFamilySpec>('constant family', [
  CHINCHILLA,
  T2_1,
  T2_2,
] as ConstantFamilySpec[]);

/**
 * The fit the "Your data" panel opens with, before an import guesses one (src/byod/byod-state.ts): the first family
 * in display order (Chinchilla, which needs only N, D and loss).
 */
export const DEFAULT_FIT_FAMILY: ConstantFamily = CONSTANT_FAMILIES.ids[0]!;

/** The family `id` with its set type. @throws DomainError when unknown. */
export function constantFamily<F extends ConstantFamily>(id: F): ConstantFamilySpec<F> {
  return CONSTANT_FAMILIES.get(id) as unknown as ConstantFamilySpec<F>;
}

/** The family whose link code is `code`, or undefined. */
export function familyOfUrlCode(code: string): ConstantFamily | undefined {
  return CONSTANT_FAMILIES.entries.find((f) => f.urlCode === code)?.id;
}

/** A table of one property of every family (for consumers that want a Record). */
export function familyTable<V>(value: (f: ConstantFamilySpec) => V): Readonly<Record<ConstantFamily, V>> {
  return tableOf(CONSTANT_FAMILIES, value);
}
