/**
 * Teaching presets (data in ./presets.json): a published model or worked example as a scenario, with its citation,
 * the facts quoted from its paper, and a computed note when the law it uses is outside the constant set's fitted
 * range. `presetScenario` turns the partial scenario of a preset into a full one:
 * - fields the preset gives are used as they are;
 * - a missing D or k is derived from a given budget: D = C_train/(6N), k = C_inf/(2N) (laws.md §0);
 * - a missing budget follows the design when the design is given: C_train = 6ND, C_inf = 2Nk, so the design sits
 *   on both budgets;
 * - anything else, and the constant set when not given, keeps the default.
 */
import { defaultConstantSet, isConstantSetOf } from '../domain/registry';
import { decodeStrategy, isOracle } from '../domain/strategies/registry';
import { decodePlanEarly, encodePlanEarly, isDefaultPlanEarly } from '../domain/plan-early-key';
import type { PlanEarlyInput } from '../domain/plan-early';
import type { QualityModel, Scenario } from '../domain/scenario';
import { QUALITY_MODELS, SCENARIO_SCHEMA, defaultScenario } from '../store/url/schema';
import raw from './presets.json';
import { rangeCheck, type RangeCheck } from './range-note';

/** A second design a preset compares against (shown as text). */
export interface PresetComparison {
  label: string;
  params: number;
  samples: number;
}

export interface Preset {
  id: string;
  title: string;
  summary: string;
  scenario: Partial<Scenario>;
  facts: string[];
  /** A fixed caveat of the preset (not the range note, which is computed). */
  note?: string;
  compare?: PresetComparison;
  /** Short citation: authors, year, title. */
  citation: string;
  /** Where to find it, e.g. "arXiv:2203.15556". */
  source: string;
  /** Keys of src/export/papers.json behind the preset. */
  papers: string[];
}

const NUMERIC_FIELDS = [
  'params',
  'tokens',
  'samples',
  'trainFlops',
  'inferenceFlops',
  'tokensServed',
  'targetQuality',
] as const;
const COST_FIELDS = [
  'trainGpu',
  'serveGpu',
  'trainPrice',
  'servePrice',
  'trainMfu',
  'decodeModel',
  'costUnits',
] as const;

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** Validates partial scenario fields (of a preset or a lesson step); throws naming `where` and the field. */
export function parsePartialScenario(where: string, value: unknown): Partial<Scenario> {
  if (typeof value !== 'object' || value === null) fail(where, 'scenario must be an object');
  const v = value as Record<string, unknown>;
  const out: Partial<Scenario> = {};
  for (const key of Object.keys(v)) {
    if (!SCENARIO_SCHEMA.some((s) => s.field === key)) fail(where, `unknown scenario field "${key}"`);
  }
  if (v.qualityModel !== undefined) {
    if (!QUALITY_MODELS.includes(v.qualityModel as QualityModel))
      fail(where, `unknown quality model ${String(v.qualityModel)}`);
    out.qualityModel = v.qualityModel as QualityModel;
  }
  if (v.constantSet !== undefined) {
    const model = out.qualityModel ?? (SCENARIO_SCHEMA[0]!.default as QualityModel);
    if (typeof v.constantSet !== 'string' || !isConstantSetOf(model, v.constantSet))
      fail(where, `constant set ${String(v.constantSet)} is not one of model ${model}`);
    out.constantSet = v.constantSet;
  }
  // The money view's fields (src/domain/cost): enums and numbers checked against their schema rows.
  for (const spec of SCENARIO_SCHEMA.filter((r) => COST_FIELDS.includes(r.field as (typeof COST_FIELDS)[number]))) {
    const x = v[spec.field];
    if (x === undefined) continue;
    const t = spec.type;
    if (t.kind === 'enum' && !(typeof x === 'string' && t.values.includes(x)))
      fail(where, `${spec.field} must be one of ${t.values.join(', ')}`);
    if (t.kind === 'linear' && !(typeof x === 'number' && x >= t.min && x <= t.max))
      fail(where, `${spec.field} must be a number in ${t.min}–${t.max}`);
    (out as Record<string, unknown>)[spec.field] = x;
  }
  // The test-time strategy, in its URL form ("vote_0.3"; src/domain/strategies/registry.ts).
  if (v.strategy !== undefined) {
    const d = typeof v.strategy === 'string' ? decodeStrategy(v.strategy) : null;
    if (!d || !d.ok || d.warning)
      fail(where, `strategy must be a strategy in its URL form, e.g. "vote_0.3" (got ${String(v.strategy)})`);
    if (!isOracle(d.value)) out.strategy = d.value;
  }
  // The Plan Early view's inputs, in their URL form ("100_20_100_1_0_20"; src/domain/plan-early-key.ts).
  if (v.planEarly !== undefined) {
    const d = typeof v.planEarly === 'string' ? decodePlanEarly(v.planEarly) : null;
    if (!d || !d.ok || d.warning)
      fail(
        where,
        `planEarly must be Plan Early inputs in their URL form, e.g. "100_20_100_1_0_20" (got ${String(v.planEarly)})`,
      );
    if (!isDefaultPlanEarly(d.value)) out.planEarly = d.value;
  }
  for (const field of NUMERIC_FIELDS) {
    const x = v[field];
    if (x === undefined) continue;
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(where, `${field} must be a finite number`);
    out[field] = x;
  }
  return out;
}

function strings(where: string, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((x) => typeof x !== 'string' || x === ''))
    fail(where, `${field} must be a list of non-empty strings`);
  return value as string[];
}

/** Validates the presets file; throws naming the preset and field at the first problem. */
export function parsePresets(data: unknown): Preset[] {
  const list = (data as { presets?: unknown })?.presets;
  if (!Array.isArray(list)) throw new Error('presets: expected { presets: [...] }');
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const e = entry as Record<string, unknown>;
    const where = `preset #${i} (${String(e?.id)})`;
    for (const f of ['id', 'title', 'summary', 'citation', 'source'] as const) {
      if (typeof e[f] !== 'string' || e[f] === '') fail(where, `${f} must be a non-empty string`);
    }
    if (!/^[a-z0-9-]+$/.test(e.id as string)) fail(where, 'id must be lower-case letters, digits and dashes');
    if (seen.has(e.id as string)) fail(where, 'duplicate id');
    seen.add(e.id as string);
    const preset: Preset = {
      id: e.id as string,
      title: e.title as string,
      summary: e.summary as string,
      scenario: parsePartialScenario(where, e.scenario),
      facts: strings(where, 'facts', e.facts),
      citation: e.citation as string,
      source: e.source as string,
      papers: strings(where, 'papers', e.papers),
    };
    if (e.note !== undefined) preset.note = strings(where, 'note', [e.note])[0]!;
    if (e.compare !== undefined) {
      const c = e.compare as Record<string, unknown>;
      if (typeof c.label !== 'string' || typeof c.params !== 'number' || typeof c.samples !== 'number')
        fail(where, 'compare needs label, params, samples');
      preset.compare = { label: c.label, params: c.params, samples: c.samples };
    }
    return preset;
  });
}

/** The shipped presets, in display order. */
export const PRESETS: readonly Preset[] = Object.freeze(parsePresets(raw));

/** The preset with this id, or undefined. */
export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The full scenario of a partial one, by the rules in the module comment. */
export function completeScenario(partial: Partial<Scenario>): Scenario {
  const s: Scenario = { ...defaultScenario(defaultConstantSet), ...partial };
  if (partial.constantSet === undefined || !isConstantSetOf(s.qualityModel, s.constantSet, s.userSet))
    s.constantSet = defaultConstantSet(s.qualityModel);
  if (partial.tokens === undefined && partial.trainFlops !== undefined) s.tokens = s.trainFlops / (6 * s.params);
  if (partial.samples === undefined && partial.inferenceFlops !== undefined)
    s.samples = s.inferenceFlops / (2 * s.params);
  const designMoved = partial.params !== undefined;
  if (partial.trainFlops === undefined && (designMoved || partial.tokens !== undefined))
    s.trainFlops = 6 * s.params * s.tokens;
  if (partial.inferenceFlops === undefined && (designMoved || partial.samples !== undefined))
    s.inferenceFlops = 2 * s.params * s.samples;
  return s;
}

/** The scenario a preset loads. */
export function presetScenario(preset: Preset): Scenario {
  return completeScenario(preset.scenario);
}

/**
 * Scenario fields the person owns, which no preset or lesson step sets (parsePartialScenario accepts neither): the
 * set fitted on their data ("Your data", a lab refit) and the runs measured in the model lab. Loading a preset or a
 * step keeps them (issue 11, item 9): the lab's runs stay on the charts and in the link (key `lab`), and the fitted
 * set stays in the constant-set select.
 */
export const USER_OWNED_FIELDS = ['userSet', 'measured'] as const satisfies readonly (keyof Scenario)[];

/**
 * The money view's choices (hardware, prices, MFU, decode model, axis units) and the Plan Early view's inputs: the
 * person's, kept when a preset or step does not set them itself (the money lesson does; a Plan Early step may).
 */
export const KEPT_UNLESS_SET_FIELDS = [...COST_FIELDS, 'planEarly'] as const satisfies readonly (keyof Scenario)[];

/**
 * `next` with the user-owned fields of `current` (USER_OWNED_FIELDS; a field `current` lacks is left out), and with
 * `current`'s money-view choices where `explicit` (the preset's or step's own fields) does not set them.
 */
export function keepUserOwned(current: Scenario, next: Scenario, explicit: Partial<Scenario> = {}): Scenario {
  const out: Scenario = { ...next };
  for (const f of USER_OWNED_FIELDS) {
    if (current[f] === undefined) delete out[f];
    else (out as unknown as Record<string, unknown>)[f] = current[f];
  }
  for (const f of KEPT_UNLESS_SET_FIELDS) {
    if (explicit[f] === undefined && current[f] !== undefined)
      (out as unknown as Record<string, unknown>)[f] = current[f];
  }
  return out;
}

/** The preset's range check (computed from its scenario and the constant set's fitted range). */
export function presetRange(preset: Preset): RangeCheck {
  return rangeCheck(presetScenario(preset));
}

/**
 * True when `s` is still the preset's scenario (the preset label stays while nothing was moved); the user-owned fields
 * (USER_OWNED_FIELDS) do not count. Compares with a relative tolerance so values that went through the URL's
 * shortest-round-trip text still match.
 */
export function matchesPreset(preset: Preset, s: Scenario): boolean {
  const p = presetScenario(preset);
  const owned: readonly string[] = [
    ...USER_OWNED_FIELDS,
    ...KEPT_UNLESS_SET_FIELDS.filter((f) => preset.scenario[f] === undefined),
  ];
  return (Object.keys(p) as (keyof Scenario)[])
    .filter((k) => !owned.includes(k))
    .every((k) => {
      const a = p[k];
      const b = s[k];
      if (typeof a === 'number' && typeof b === 'number')
        return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
      if (k === 'planEarly')
        return encodePlanEarly(a as PlanEarlyInput) === (b === undefined ? '' : encodePlanEarly(b as PlanEarlyInput));
      return a === b;
    });
}
