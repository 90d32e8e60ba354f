/**
 * The constant sets each quality model can use, for the explorer's "constant set" select, the URL and the CLI:
 * - 'chinchilla' and 'lifetime' take a published Chinchilla set (laws.md §1; Sardana et al.'s lifetime view, §4,
 *   uses the same law);
 * - 't2-1' takes a T² Approach 1 set and 't2-2' an Approach 2 set (laws.md §2). Roberts et al. publish no constants,
 *   so these are the project's illustrative sets (labelled so) or sets fitted on the testbed (data/t2-fitted.json).
 * Pure lookups over ./chinchilla-sets.ts and ./t2-sets.ts. A set the user fitted on their own runs (kind 'user') is
 * not stored here: the scenario carries it (Scenario.userSet), and every lookup takes it as an optional argument, so
 * the engine worker resolves it from the scenario it receives, with no hidden state.
 */
import { constantSets } from './constant-sets';
import { DomainError } from './errors';
import { qualityModel } from './quality-models';
import type { ChinchillaSet, ConstantSetMeta, T2Approach1Set, T2Approach2Set } from './constants-types';
import type { QualityModel } from './scenario';

/** What a select lists for one set: id, name, kind (published / fitted-testbed / illustrative / user), source, range. */
export type ConstantSetSummary = ConstantSetMeta;

/** The Chinchilla set the app opens with: Hoffmann et al.'s unrounded constants (laws.md §1). */
export const DEFAULT_CHINCHILLA_SET_ID = 'hoffmann';

function summary(s: ConstantSetMeta): ConstantSetSummary {
  const out: ConstantSetSummary = { id: s.id, name: s.name, kind: s.kind, source: s.source };
  if (s.range) out.range = s.range;
  if (s.note) out.note = s.note;
  return out;
}

/** Constants of one bootstrap resample of a user fit (keys as in the set's constants). */
export type ConstantDraw = Readonly<Record<string, number>>;

/** One measured run of a user data set, as the charts draw it: quality is loss, task NLL or pass@k by family. */
export interface UserRun {
  params: number;
  tokens: number;
  samples: number;
  quality: number;
}

/**
 * A constant set fitted on the user's runs (kind 'user'): family and set as the registry resolves them, plus what
 * the charts draw with it: bootstrap resamples of the constants (uncertainty bands) and the measured runs. The set's
 * family picks the models that can use it: 'chinchilla' serves 'chinchilla' and 'lifetime', 't2-1' and 't2-2' their
 * own model.
 */
export type UserConstantSet = ResolvedConstantSet & {
  draws?: readonly ConstantDraw[];
  runs?: readonly UserRun[];
  /**
   * Present when `draws` are not the fit's own resamples but were regenerated from the compact band summary a shared
   * link carries (src/byod/band-summary.ts): that summary, kept verbatim so the link is written back unchanged.
   */
  drawsFromLink?: string;
};

/** True when `user` is a set `model` can use. */
export function userSetApplies(model: QualityModel, user: Pick<UserConstantSet, 'family'> | undefined): boolean {
  if (!user) return false;
  return user.family === qualityModel(model).constantFamily;
}

/** The shipped sets of `model`'s constant family (./constant-sets.ts). @throws DomainError for an unknown model. */
function setsOf(model: QualityModel): readonly ConstantSetMeta[] {
  return constantSets(qualityModel(model).constantFamily).sets;
}

/**
 * The sets a model can use, in display order: Chinchilla sets for 'chinchilla' and 'lifetime', T² Approach 1 sets
 * for 't2-1', Approach 2 sets for 't2-2'. Fitted testbed sets come after the illustrative ones.
 */
export function listConstantSets(model: QualityModel, user?: UserConstantSet): ConstantSetSummary[] {
  const out = setsOf(model).map(summary);
  if (user && userSetApplies(model, user)) out.push(summary(user.set));
  return out;
}

/**
 * Which of `sets` (a model's sets in display order) it opens with: for the T² models the best-supported set fitted on
 * public results of real models (kind 'fitted-public': the app opens at real scale on real data, and switches to such
 * a set as soon as one ships in data/t2-public.json) — the first whose fitted data span more than one k (every
 * constant, the sampling ones included, identified by its own data), else the first public set — else the first
 * illustrative set (the default scenario sits at the T²
 * paper's scale, 2.56e19 training FLOPs, far outside the tiny testbed's fitted range; the testbed-fitted sets are
 * listed beside it and used by the testbed preset), else the first set; Hoffmann's unrounded constants for the
 * Chinchilla models. A link that names a set (`c=t2-illustrative`) still opens that set.
 * @throws DomainError when `sets` is empty.
 */
export function pickDefaultSet(
  model: QualityModel,
  sets: readonly Pick<ConstantSetMeta, 'id' | 'kind' | 'range'>[],
): string {
  if (sets.length === 0) throw new DomainError(`no constant set ships for model ${model}`);
  if (qualityModel(model).constantFamily === 'chinchilla') {
    return sets.some((s) => s.id === DEFAULT_CHINCHILLA_SET_ID) ? DEFAULT_CHINCHILLA_SET_ID : sets[0]!.id;
  }
  const publicSets = sets.filter((s) => s.kind === 'fitted-public');
  // Best supported: a public set whose fitted data span more than one k (its sampling constants were fitted, not
  // transplanted from another data set), else the first public set.
  const withK = publicSets.find((s) => (s.range?.samples?.[1] ?? 1) > (s.range?.samples?.[0] ?? 1));
  return (withK ?? publicSets[0] ?? sets.find((s) => s.kind === 'illustrative') ?? sets[0]!).id;
}

/** The id of the set `model` opens with, over the shipped sets (see pickDefaultSet). */
export function defaultConstantSet(model: QualityModel): string {
  return pickDefaultSet(model, setsOf(model));
}

/** True when `id` names a set of `model` (or the user's set, when it applies to `model`). */
export function isConstantSetOf(model: QualityModel, id: string, user?: UserConstantSet): boolean {
  return setsOf(model).some((s) => s.id === id) || (userSetApplies(model, user) && user!.set.id === id);
}

function unknown(model: QualityModel, id: string): never {
  const known = setsOf(model)
    .map((s) => s.id)
    .join(', ');
  throw new DomainError(`unknown constant set "${id}" for model ${model} (known: ${known})`);
}

/** The Chinchilla set `id` (models 'chinchilla' and 'lifetime'), constants in laws.md §1 units. @throws DomainError */
export function resolveChinchillaSet(id: string): ChinchillaSet {
  return constantSets('chinchilla').find(id) ?? unknown('chinchilla', id);
}

/** The T² Approach 1 set `id` (model 't2-1'). @throws DomainError when unknown. */
export function resolveT2Approach1Set(id: string): T2Approach1Set {
  return constantSets('t2-1').find(id) ?? unknown('t2-1', id);
}

/** The T² Approach 2 set `id` (model 't2-2'). @throws DomainError when unknown. */
export function resolveT2Approach2Set(id: string): T2Approach2Set {
  return constantSets('t2-2').find(id) ?? unknown('t2-2', id);
}

/** A resolved set tagged with the model family it belongs to. */
export type ResolvedConstantSet =
  | { family: 'chinchilla'; set: ChinchillaSet }
  | { family: 't2-1'; set: T2Approach1Set }
  | { family: 't2-2'; set: T2Approach2Set };

/**
 * The set `id` of `model`, or the model's default set when `id` is not one of its sets. `user` is the scenario's
 * user-fitted set: it resolves when its id is asked for and its family serves `model`.
 */
export function resolveConstantSet(model: QualityModel, id: string, user?: UserConstantSet): ResolvedConstantSet {
  if (user && userSetApplies(model, user) && user.set.id === id)
    return { family: user.family, set: user.set } as ResolvedConstantSet;
  const useId = isConstantSetOf(model, id) ? id : defaultConstantSet(model);
  const family = qualityModel(model).constantFamily;
  return { family, set: constantSets(family).find(useId) ?? unknown(model, useId) } as ResolvedConstantSet;
}
