/**
 * Presenter locks against presets and lesson steps (issue 6), pure. A presenter link (lock=n,ct) promises the audience
 * that those values stay put, so a preset or lesson step loads around them:
 * - a locked field keeps its current value;
 * - some fields hold because of a lock on another: the quality model when the locked constant set does not belong to
 *   the new model, or when a locked target quality would lose its meaning (see ../store/target-on-model-change.ts);
 *   the constant set when the held model cannot use the new one; the user's set when the locked constant set is it;
 * - everything else comes from the preset or step, completed by `completeScenario` with the held values as given
 *   fields (a held N with a preset's D gives C_train = 6·N·D, laws.md §0), and clamped into the URL ranges.
 * `kept` lists each held value that differs from what the preset or step asked for, for the notice.
 */
import { encodeStrategy } from '../domain/strategies/registry';
import { encodePlanEarly, PLAN_EARLY_DEFAULT_INPUT } from '../domain/plan-early-key';
import { isConstantSetOf, listConstantSets, type UserConstantSet } from '../domain/registry';
import { formatQuantity } from '../domain/quantity';
import { qualityModelTable } from '../domain/quality-models';
import type { QualityModel, Scenario } from '../domain/scenario';
import { clampField, type NumericField } from '../store/linked';
import type { Notice } from '../store/slices/notices';
import { targetOnModelChange } from '../store/target-on-model-change';
import { fieldSpec } from '../store/url/schema';
import { completeScenario } from './presets';

/** A value a lock kept, as the notice names it. */
export interface KeptValue {
  field: keyof Scenario;
  /** The locked field that made it stay: the field itself, or e.g. the constant set holding the model. */
  lockedBy: keyof Scenario;
  /** The value kept and the value asked for, as text. */
  kept: string;
  wanted: string;
}

/** Fields that must keep their current value when `current` would become `wanted`, each with the lock behind it. */
export function heldFields(
  current: Scenario,
  wanted: Scenario,
  locked: readonly (keyof Scenario)[],
): Map<keyof Scenario, keyof Scenario> {
  const held = new Map<keyof Scenario, keyof Scenario>(locked.map((f) => [f, f]));
  if (!held.has('qualityModel') && wanted.qualityModel !== current.qualityModel) {
    if (held.has('constantSet') && !isConstantSetOf(wanted.qualityModel, current.constantSet, current.userSet)) {
      held.set('qualityModel', 'constantSet');
    } else if (
      held.has('targetQuality') &&
      current.targetQuality !== 0 &&
      targetOnModelChange(current.qualityModel, wanted.qualityModel, current.targetQuality) !== current.targetQuality
    ) {
      held.set('qualityModel', 'targetQuality');
    }
  }
  if (
    held.has('qualityModel') &&
    !held.has('constantSet') &&
    !isConstantSetOf(current.qualityModel, wanted.constantSet, current.userSet)
  ) {
    held.set('constantSet', 'qualityModel');
  }
  if (
    held.has('constantSet') &&
    !held.has('userSet') &&
    current.userSet &&
    current.userSet.set.id === current.constantSet
  ) {
    held.set('userSet', 'constantSet');
  }
  return held;
}

const NUMERIC: readonly NumericField[] = [
  'params',
  'tokens',
  'samples',
  'trainFlops',
  'inferenceFlops',
  'tokensServed',
  'targetQuality',
];

const MODEL_NAMES: Readonly<Record<QualityModel, string>> = qualityModelTable((m) => m.shortName);

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

/** A field's value as the notice writes it (N = 7B, constant set by name, 0 target = "none"). */
export function describeValue(field: keyof Scenario, s: Scenario): string {
  const v = s[field];
  if (field === 'qualityModel') return MODEL_NAMES[s.qualityModel];
  if (field === 'constantSet')
    return listConstantSets(s.qualityModel, s.userSet).find((c) => c.id === s.constantSet)?.name ?? s.constantSet;
  if (field === 'targetQuality') return s.targetQuality === 0 ? 'none' : formatQuantity(s.targetQuality, { digits: 4 });
  if (field === 'userSet') return s.userSet ? s.userSet.set.name : 'none';
  if (field === 'measured') return `${s.measured?.length ?? 0} run(s)`;
  if (field === 'strategy') return s.strategy ? encodeStrategy(s.strategy) : 'oracle';
  if (field === 'planEarly') return encodePlanEarly(s.planEarly ?? PLAN_EARLY_DEFAULT_INPUT);
  return typeof v === 'number' ? formatQuantity(v) : String(v);
}

/**
 * The scenario a preset or lesson step (`partial`, as in presets.json) loads from `current` with the `locked` fields,
 * and the held values it had to keep. With no locks, exactly `completeScenario(partial)`.
 */
export function applyWithLocks(
  partial: Partial<Scenario>,
  current: Scenario,
  locked: readonly (keyof Scenario)[],
): { scenario: Scenario; kept: KeptValue[] } {
  const wanted = completeScenario(partial);
  if (locked.length === 0) return { scenario: wanted, kept: [] };
  const held = heldFields(current, wanted, locked);
  const given: Partial<Scenario> = { ...partial };
  for (const f of held.keys()) (given as Record<string, unknown>)[f] = current[f];
  const scenario = completeScenario(given);
  for (const f of NUMERIC) if (!held.has(f)) scenario[f] = clampField(f, scenario[f]);
  const kept: KeptValue[] = [];
  for (const [field, lockedBy] of held) {
    if (same(wanted[field], current[field])) continue;
    kept.push({ field, lockedBy, kept: describeValue(field, current), wanted: describeValue(field, wanted) });
  }
  return { scenario, kept };
}

/** The id of the notice naming kept values (one at a time: the latest preset or step replaces it). */
export const LOCK_NOTICE_ID = 'presenter-lock';

/** The notice for values a lock kept; `what` names what was loaded ("The preset “Chinchilla”"). */
export function lockNotice(what: string, kept: readonly KeptValue[]): Notice {
  const label = (f: keyof Scenario) => fieldSpec(f).label;
  return {
    id: LOCK_NOTICE_ID,
    source: 'presenter',
    level: 'info',
    text: `Locked by the presenter link, kept: ${kept.map((k) => `${label(k.field)} = ${k.kept}`).join('; ')}.`,
    details: kept.map(
      (k) =>
        `${what} has ${label(k.field)} = ${k.wanted}${k.lockedBy === k.field ? '' : ` (kept with the locked ${label(k.lockedBy)})`}.`,
    ),
  };
}

/** The notice when the model select would drop a locked value (`lockedBy`: the constant set or the target). */
export function modelHeldNotice(lockedBy: keyof Scenario): Notice {
  return {
    id: LOCK_NOTICE_ID,
    source: 'presenter',
    level: 'info',
    text: `Locked by the presenter link, kept: Quality model (the locked ${fieldSpec(lockedBy).label} belongs to it).`,
  };
}

/**
 * Switching to a user constant set (a finished fit in "Your data", its "use my set" button, a model-lab refit) under
 * the presenter locks: `userSet` becomes the scenario's user set and, shown by `model`, its constant set. A locked
 * model or constant set (or target, see `heldFields`) stays; the new set is still stored so nothing is lost, unless
 * storing it would itself move a locked value (the locked user set, or a locked constant set that is the earlier fit):
 * then `stored` is false and the scenario is unchanged. With no locks, exactly the switch.
 */
export function applyUserSetWithLocks(
  current: Scenario,
  userSet: UserConstantSet,
  model: QualityModel,
  locked: readonly (keyof Scenario)[],
): { scenario: Scenario; kept: KeptValue[]; stored: boolean } {
  const wanted: Scenario = { ...current, qualityModel: model, constantSet: userSet.set.id, userSet };
  if (locked.length === 0) return { scenario: wanted, kept: [], stored: true };
  const userLock: keyof Scenario | undefined =
    current.userSet === userSet
      ? undefined
      : locked.includes('userSet')
        ? 'userSet'
        : locked.includes('constantSet') &&
            current.userSet?.set.id === current.constantSet &&
            userSet.set.id !== current.constantSet
          ? 'constantSet'
          : undefined;
  const base: Scenario = userLock ? current : { ...current, userSet };
  const held = userLock
    ? new Map<keyof Scenario, keyof Scenario>(
        (['qualityModel', 'constantSet', 'userSet'] as const).map((f) => [f, locked.includes(f) ? f : userLock]),
      )
    : heldFields(base, wanted, locked);
  if (!userLock) held.delete('userSet'); // the same id means the same constants: the locked set does not move
  // The model changes only to show the fit: when the constant set stays, so does the model.
  if (held.has('constantSet') && !held.has('qualityModel')) held.set('qualityModel', held.get('constantSet')!);
  const scenario: Scenario = userLock ? current : { ...wanted };
  for (const f of held.keys()) (scenario as unknown as Record<string, unknown>)[f] = base[f];
  const kept: KeptValue[] = [];
  for (const [field, lockedBy] of held) {
    if (same(wanted[field], base[field])) continue;
    kept.push({ field, lockedBy, kept: describeValue(field, base), wanted: describeValue(field, wanted) });
  }
  return { scenario, kept, stored: !userLock };
}

/** The notice when locks kept the charts off a fitted set; `model` is the model that shows the set. */
export function userSetNotice(
  kept: readonly KeptValue[],
  stored: boolean,
  applies: boolean,
  model: QualityModel,
): Notice {
  const label = (f: keyof Scenario) => fieldSpec(f).label;
  const lock = kept.find((k) => k.field === 'userSet')?.lockedBy ?? 'userSet';
  const tail = !stored
    ? `your new fit is not stored: the locked ${label(lock)} keeps the earlier one`
    : applies
      ? 'your fitted set is saved under Constant set'
      : `your fitted set is saved under Constant set of the ${MODEL_NAMES[model]} model`;
  return {
    id: LOCK_NOTICE_ID,
    source: 'presenter',
    level: 'info',
    text: `Locked by the presenter link, kept: ${kept.map((k) => `${label(k.field)} = ${k.kept}`).join('; ')}; ${tail}.`,
    details: kept.map(
      (k) =>
        `Your fit asked for ${label(k.field)} = ${k.wanted}${k.lockedBy === k.field ? '' : ` (kept with the locked ${label(k.lockedBy)})`}.`,
    ),
  };
}
