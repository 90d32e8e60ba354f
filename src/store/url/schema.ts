/**
 * The versioned URL schema of a scenario (v=1): ONE declared table giving, for every Scenario field, its query key
 * (short name), type, default and allowed range. The codec (./codec.ts) and the README ("URL schema") follows it.
 *
 * Defaults are the T² paper's headline setting (Roberts et al. 2026, laws.md §2): C_train = 2.56e19 FLOPs (its
 * largest isoFLOP level) and C_inf = 2e9 FLOPs per token served, with a 100 M-parameter design exactly on both
 * budgets (D = C_train/(6N), k = C_inf/(2N), laws.md §0).
 *
 * Changing this table is a schema change: adding a field with a default is backward compatible; renaming, removing
 * a key or changing a default or a meaning needs SCHEMA_VERSION + 1 and a migration in the codec (frozen v=1 links
 * are tested in codec.test.ts).
 */
import {
  COST_CHOICE_DEFAULTS as DEFAULT_COST_CHOICE,
  COST_GPU_IDS as GPU_IDS,
} from '../../domain/cost/choice-defaults';
import { MODEL_ROLES, QUALITY_MODEL_REGISTRY } from '../../domain/quality-models';
import type { QualityModel, Scenario } from '../../domain/scenario';
import { MAX_LINK_POINTS, MAX_LINK_RUNS } from './limits';

/** Version written as `v=1`. */
export const SCHEMA_VERSION = 1;
/** The query key of the version. */
export const VERSION_KEY = 'v';

/** A query key of the teaching features (issue 6): not part of the scenario. */
export interface TeachingKeySpec {
  key: string;
  label: string;
  /** What it holds, for docs. */
  type: string;
  /** The module that reads and validates it. */
  owner: string;
}

/**
 * Keys of the teaching features, in the order they follow the scenario's keys in a URL. The scenario codec neither
 * reads nor reports them; the URL sync keeps them when it rewrites the URL; their owners validate them and name
 * anything they drop in a notice. A link with a preset or lesson key and no scenario keys loads that scenario.
 */
export const TEACHING_KEYS: readonly TeachingKeySpec[] = [
  {
    key: 'preset',
    label: 'Preset',
    type: 'preset id (src/teaching/presets.json)',
    owner: 'src/teaching/url-section.ts',
  },
  {
    key: 'lesson',
    label: 'Lesson',
    type: 'lesson id (src/teaching/lessons.json)',
    owner: 'src/teaching/url-section.ts',
  },
  { key: 'step', label: 'Lesson step', type: 'integer from 1', owner: 'src/teaching/lesson-logic.ts' },
  {
    key: 'hide',
    label: 'Hidden controls (presenter)',
    type: 'comma list of control ids',
    owner: 'src/teaching/presenter-logic.ts',
  },
  {
    key: 'lock',
    label: 'Locked values (presenter)',
    type: 'comma list of scenario keys',
    owner: 'src/teaching/presenter-logic.ts',
  },
  { key: 'big', label: 'Large text (presenter)', type: '1', owner: 'src/teaching/presenter-logic.ts' },
];

/**
 * Keys of the view state outside the scenario (issue 13): `cmp` is the pinned scenario A of a comparison
 * (src/compare/cmp-key.ts; absent: nothing pinned); `hold` is "Hold the budgets" (linked mode), written `hold=0`
 * only when it is off, so every older link (no key) keeps the budgets held as before. Read and written by
 * ./hold-key.ts through the URL sync; the codec skips it like a teaching key.
 */
export const VIEW_KEYS: readonly TeachingKeySpec[] = [
  {
    key: 'hold',
    label: 'Hold the budgets',
    type: '0 (off) or 1 (on, the default; written by omitting the key)',
    owner: 'src/store/url/hold-key.ts',
  },
  {
    key: 'cmp',
    label: 'Compare: scenario A',
    type: "the pinned scenario A: its non-default scenario keys as key_value pairs joined by '*' (v_1*n_7e9*k_32)",
    owner: 'src/compare/url-section.ts',
  },
];

/** The query keys other features own (TEACHING_KEYS, VIEW_KEYS): skipped by the codec, kept by the sync. */
export const FOREIGN_KEYS: readonly string[] = [...TEACHING_KEYS, ...VIEW_KEYS].map((k) => k.key);

/** The quality models, in the order the select lists them. */
export const QUALITY_MODELS: readonly QualityModel[] = QUALITY_MODEL_REGISTRY.ids;

/** A positive quantity swept on a log scale (N, D, k, budgets); clamped into [min, max]. */
export interface LogField {
  kind: 'log';
  min: number;
  max: number;
}
/** A number on a linear scale; clamped into [min, max]. */
export interface LinearField {
  kind: 'linear';
  min: number;
  max: number;
}
/** One of a fixed list of strings. */
export interface EnumField {
  kind: 'enum';
  values: readonly string[];
}
/** An identifier validated against a list that depends on other fields (the constant set, per quality model). */
export interface IdField {
  kind: 'id';
}

/**
 * The user's fitted constant set (and its runs when few, and a Gaussian summary of its bootstrap resamples from which
 * the reader redraws the band: src/byod/band-summary.ts), in the compact form of src/byod/user-set-logic.ts. Links
 * written before the band section existed decode unchanged (no band).
 */
export interface UserSetField {
  kind: 'user-set';
}

/** Runs measured in the model lab (at most MAX_LINK_POINTS, ./limits.ts), in the compact form of src/lab/url-logic.ts. */
export interface MeasuredField {
  kind: 'measured';
}

/**
 * The test-time strategy and its assumed parameters (src/domain/strategies/registry.ts): the strategy's url id, then
 * its parameters in declared order, joined by '_' ("vote_0.3", "bok_0.9_0.1"); left out for the oracle (pass@k), so
 * links written before the key existed decode unchanged.
 */
export interface StrategyField {
  kind: 'strategy';
}

/**
 * The Plan Early view's inputs (src/domain/plan-early-key.ts): six numbers joined by '_' ("100_10_100_1_0_20"); left
 * out at the defaults, so links written before the key existed decode unchanged.
 */
export interface PlanEarlyField {
  kind: 'plan-early';
}

export type FieldType =
  LogField | LinearField | EnumField | IdField | UserSetField | MeasuredField | StrategyField | PlanEarlyField;

/** One row of the schema. */
export type FieldSpec<K extends keyof Scenario = keyof Scenario> = {
  /** Scenario field. */
  field: K;
  /** Query key in the URL. */
  key: string;
  /** Human-readable name, used in notices and docs. */
  label: string;
  /** Unit, for docs. */
  unit: string;
  type: FieldType;
  /** Default value; omitted from the URL when equal. For 'id' fields the default depends on other fields. */
  default: Scenario[K];
};

const DEFAULT_PARAMS = 1e8;

const DEFAULT_TRAIN_FLOPS = 2.56e19;
const DEFAULT_INFERENCE_FLOPS = 2e9;

/** The table. Order = order of keys in encoded URLs. */
export const SCENARIO_SCHEMA: readonly FieldSpec[] = [
  {
    field: 'qualityModel',
    key: 'm',
    label: 'Quality model',
    unit: '—',
    type: { kind: 'enum', values: QUALITY_MODELS },
    default: MODEL_ROLES.default,
  },
  { field: 'constantSet', key: 'c', label: 'Constant set', unit: '—', type: { kind: 'id' }, default: '' },
  {
    field: 'params',
    key: 'n',
    label: 'Parameters (N)',
    unit: 'parameters',
    type: { kind: 'log', min: 1e4, max: 1e13 },
    default: DEFAULT_PARAMS,
  },
  {
    field: 'tokens',
    key: 'd',
    label: 'Training tokens (D)',
    unit: 'tokens',
    type: { kind: 'log', min: 1e5, max: 1e16 },
    default: DEFAULT_TRAIN_FLOPS / (6 * DEFAULT_PARAMS),
  },
  {
    field: 'samples',
    key: 'k',
    label: 'Samples per question (k)',
    unit: 'samples',
    type: { kind: 'log', min: 1, max: 1e5 },
    default: DEFAULT_INFERENCE_FLOPS / (2 * DEFAULT_PARAMS),
  },
  {
    field: 'trainFlops',
    key: 'ct',
    label: 'Training budget (FLOPs)',
    unit: 'FLOPs',
    type: { kind: 'log', min: 1e11, max: 1e28 },
    default: DEFAULT_TRAIN_FLOPS,
  },
  {
    field: 'inferenceFlops',
    key: 'ci',
    label: 'Inference budget (FLOPs per token)',
    unit: 'FLOPs per token',
    type: { kind: 'log', min: 1e4, max: 1e18 },
    default: DEFAULT_INFERENCE_FLOPS,
  },
  {
    field: 'tokensServed',
    key: 't',
    label: 'Tokens served',
    unit: 'tokens',
    type: { kind: 'log', min: 1e6, max: 1e17 },
    default: 2e12,
  },
  {
    field: 'targetQuality',
    key: 'q',
    label: 'Target quality',
    unit: 'nats (loss models) or accuracy (T² Approach 2)',
    type: { kind: 'linear', min: 0, max: 100 },
    default: 0,
  },
  {
    field: 'userSet',
    key: 'u',
    label: 'Your fitted constants',
    unit: `constants~fitted range~runs (≤ ${MAX_LINK_RUNS})[~b<resamples>_<mean…>_<Cholesky factor…> band summary]`,
    type: { kind: 'user-set' },
    default: undefined,
  },
  {
    field: 'trainGpu',
    key: 'gt',
    label: 'Training GPU',
    unit: '—',
    type: { kind: 'enum', values: GPU_IDS },
    default: DEFAULT_COST_CHOICE.trainGpu,
  },
  {
    field: 'serveGpu',
    key: 'gs',
    label: 'Serving GPU',
    unit: '—',
    type: { kind: 'enum', values: GPU_IDS },
    default: DEFAULT_COST_CHOICE.serveGpu,
  },
  {
    field: 'trainPrice',
    key: 'pt',
    label: 'Training price',
    unit: "$ per GPU-hour (0 = the GPU's preset)",
    type: { kind: 'linear', min: 0, max: 1000 },
    default: DEFAULT_COST_CHOICE.trainPrice,
  },
  {
    field: 'servePrice',
    key: 'ps',
    label: 'Serving price',
    unit: "$ per GPU-hour (0 = the GPU's preset)",
    type: { kind: 'linear', min: 0, max: 1000 },
    default: DEFAULT_COST_CHOICE.servePrice,
  },
  {
    field: 'trainMfu',
    key: 'ut',
    label: 'Training MFU',
    unit: 'share of peak FLOPs',
    type: { kind: 'linear', min: 0.01, max: 1 },
    default: DEFAULT_COST_CHOICE.trainMfu,
  },
  {
    field: 'decodeModel',
    key: 'dm',
    label: 'Decode cost model',
    unit: '—',
    type: { kind: 'enum', values: ['roofline', 'mfu'] },
    default: DEFAULT_COST_CHOICE.decodeModel,
  },
  {
    field: 'costUnits',
    key: 'cu',
    label: 'Budget axes in',
    unit: '—',
    type: { kind: 'enum', values: ['flops', 'usd'] },
    default: 'flops',
  },
  {
    field: 'strategy',
    key: 'ts',
    label: 'Test-time strategy',
    unit: 'oracle | vote[_s] | bok[_r_f] (assumed parameters; T² Approach 2)',
    type: { kind: 'strategy' },
    default: undefined,
  },
  {
    field: 'planEarly',
    key: 'pe',
    label: 'Plan Early inputs',
    unit: 'domains_inference_largeGeneric_largePerDomain_smallShared_smallPerDomain (1e9 tokens; assumptions)',
    type: { kind: 'plan-early' },
    default: undefined,
  },
  {
    field: 'measured',
    key: 'lab',
    label: 'Runs measured in the model lab',
    unit: `N_D_k_pass@k_NLL per run (≤ ${MAX_LINK_POINTS})`,
    type: { kind: 'measured' },
    default: undefined,
  },
];

/** The row of a Scenario field. */
export function fieldSpec<K extends keyof Scenario>(field: K): FieldSpec<K> {
  const spec = SCENARIO_SCHEMA.find((s) => s.field === field);
  if (!spec) throw new Error(`no URL schema row for ${String(field)}`);
  return spec as unknown as FieldSpec<K>;
}

/** The numeric range of a log or linear field. */
export function rangeOf(field: keyof Scenario): { min: number; max: number } {
  const t = fieldSpec(field).type;
  if (t.kind !== 'log' && t.kind !== 'linear') throw new Error(`${String(field)} has no numeric range`);
  return { min: t.min, max: t.max };
}

/**
 * The default scenario. The constant set comes from the caller (the registry's default for the default model),
 * because the schema module must not depend on which sets ship.
 */
export function defaultScenario(defaultConstantSet: (m: QualityModel) => string): Scenario {
  const out = Object.fromEntries(SCENARIO_SCHEMA.map((s) => [s.field, s.default])) as unknown as Scenario;
  out.constantSet = defaultConstantSet(out.qualityModel);
  return out;
}
