/**
 * The constant-set registry: the shipped sets of each constant family (./constant-families.ts), in display order —
 * published Chinchilla sets (./data/chinchilla-sets.json) and the T² sets: illustrative (./data/t2-illustrative.json),
 * fitted on public data (./data/t2-public.json) and fitted on the testbed (./data/t2-fitted.json), read and checked
 * by ./chinchilla-sets.ts and ./t2-sets.ts. ./registry.ts lists and resolves sets through this table; a set is added
 * as data, a family here and in ./constant-families.ts.
 */
import { CHINCHILLA_SETS, getChinchillaSet } from './chinchilla-sets';
import type { ConstantFamily } from './constant-families';
import type { ChinchillaSet, T2Approach1Set, T2Approach2Set } from './constants-types';
import { getT2Approach1Set, getT2Approach2Set, T2_APPROACH1_SETS, T2_APPROACH2_SETS } from './t2-sets';

/** The set type of each family. */
export interface SetOfFamily {
  chinchilla: ChinchillaSet;
  't2-1': T2Approach1Set;
  't2-2': T2Approach2Set;
}

/** A family's shipped sets. */
export interface FamilySets<F extends ConstantFamily> {
  /** In display order. */
  readonly sets: readonly SetOfFamily[F][];
  /** The shipped set `id`, or undefined. */
  find(id: string): SetOfFamily[F] | undefined;
}

const SETS: { readonly [F in ConstantFamily]: FamilySets<F> } = {
  chinchilla: { sets: CHINCHILLA_SETS, find: getChinchillaSet },
  't2-1': { sets: T2_APPROACH1_SETS, find: getT2Approach1Set },
  't2-2': { sets: T2_APPROACH2_SETS, find: getT2Approach2Set },
};

/** The shipped sets of `family`. */
export function constantSets<F extends ConstantFamily>(family: F): FamilySets<F> {
  return SETS[family];
}
