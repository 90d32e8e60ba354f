/**
 * Scenario ⇄ query string, following the declared table in ./schema.ts. Encode omits defaults; decode validates,
 * clamps, ignores unknown keys and reports each thing it changed, so the UI can name it in a notice. Every raw value a
 * message repeats goes through `echo` (./limits.ts: at most 40 characters, then "…"). Encode and decode share the
 * limits of ./limits.ts, so decode(encode(decode(x))) = decode(x) for every query string. Pure: no DOM.
 */
import { userSetApplies } from '../../domain/registry';
import type { QualityModel, Scenario } from '../../domain/scenario';
import type { UserConstantSet } from '../../domain/registry';
import type { MeasuredPoint } from '../../domain/scenario';
import { encodeFieldValue, fieldCodec, formatUrlNumber } from './field-codecs';
import { decodeStrategy, isOracle } from '../../domain/strategies/registry';
import { decodePlanEarly, isDefaultPlanEarly } from '../../domain/plan-early-key';
import { echo } from './limits';
import { FOREIGN_KEYS, SCENARIO_SCHEMA, SCHEMA_VERSION, VERSION_KEY, defaultScenario, type FieldSpec } from './schema';

/** What decode did to one key. */
export interface DecodeIssue {
  key: string;
  kind: 'unknown-key' | 'invalid' | 'clamped' | 'version' | 'repeated';
  message: string;
}

/** What the codec needs to know about constant sets (supplied by the registry; injected so tests stay small). */
export interface ConstantSetCatalog {
  ids(model: QualityModel): readonly string[];
  defaultId(model: QualityModel): string;
}

export { encodeFieldValue, formatUrlNumber } from './field-codecs';

/** Strict number reading for URLs: plain/scientific only, finite. Returns null otherwise. */
function readNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

function isDefault(spec: FieldSpec, s: Scenario, catalog: ConstantSetCatalog): boolean {
  if (s[spec.field] === undefined) return true; // an optional field left out reads as its default
  if (spec.type.kind === 'id') return s[spec.field] === catalog.defaultId(s.qualityModel);
  if (spec.type.kind === 'user-set') return s.userSet === undefined;
  if (spec.type.kind === 'measured') return !s.measured || s.measured.length === 0;
  if (spec.type.kind === 'strategy') return isOracle(s.strategy);
  if (spec.type.kind === 'plan-early') return isDefaultPlanEarly(s.planEarly);
  return s[spec.field] === spec.default;
}

/** Encodes a scenario as a query string without the leading '?' ('' for the default scenario). */
export function encodeScenario(s: Scenario, catalog: ConstantSetCatalog): string {
  const parts: string[] = [];
  for (const spec of SCENARIO_SCHEMA) {
    if (isDefault(spec, s, catalog)) continue;
    const v = s[spec.field];
    parts.push(`${spec.key}=${encodeFieldValue(spec, v)}`);
  }
  return parts.length === 0 ? '' : [`${VERSION_KEY}=${SCHEMA_VERSION}`, ...parts].join('&');
}

/** The result of decoding: always a complete, valid scenario, plus what was dropped or clamped. */
export interface DecodeResult {
  scenario: Scenario;
  issues: DecodeIssue[];
}

function decodeNumber(spec: FieldSpec, raw: string, issues: DecodeIssue[]): number | null {
  const t = spec.type;
  if (t.kind !== 'log' && t.kind !== 'linear') return null;
  const x = readNumber(raw);
  if (x === null) {
    issues.push({
      key: spec.key,
      kind: 'invalid',
      message: `${spec.label} (${spec.key}=${echo(raw)}): not a number; using the default`,
    });
    return null;
  }
  const clamped = Math.min(t.max, Math.max(t.min, x));
  if (clamped !== x) {
    issues.push({
      key: spec.key,
      kind: 'clamped',
      message: `${spec.label} (${spec.key}=${echo(raw)}): outside ${formatUrlNumber(t.min)}–${formatUrlNumber(t.max)}; set to ${formatUrlNumber(clamped)}`,
    });
  }
  return clamped;
}

/**
 * Decodes a query string (with or without '?'). Never throws: anything unreadable falls back to the default and is
 * listed in `issues`. FOREIGN_KEYS are skipped silently.
 */
export function decodeScenario(search: string, catalog: ConstantSetCatalog): DecodeResult {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const scenario = defaultScenario((m) => catalog.defaultId(m));
  const issues: DecodeIssue[] = [];
  const seen = new Set<string>();
  const known = new Map(SCENARIO_SCHEMA.map((s) => [s.key, s]));
  let constantSetRaw: string | null = null;
  for (const [key, raw] of params) {
    if (FOREIGN_KEYS.includes(key)) continue; // a teaching key (preset, lesson, presenter): not ours to judge
    if (seen.has(key)) {
      issues.push({ key, kind: 'repeated', message: `"${echo(key)}" appears more than once; the last value is used` });
    }
    seen.add(key);
    if (key === VERSION_KEY) {
      if (raw !== String(SCHEMA_VERSION)) {
        issues.push({
          key,
          kind: 'version',
          message: `unknown link version v=${echo(raw)}; read as v=${SCHEMA_VERSION}`,
        });
      }
      continue;
    }
    const spec = known.get(key);
    if (!spec) {
      issues.push({ key, kind: 'unknown-key', message: `unknown key "${echo(key)}" ignored` });
      continue;
    }
    const t = spec.type;
    if (t.kind === 'enum') {
      if (t.values.includes(raw)) (scenario as unknown as Record<string, unknown>)[spec.field] = raw;
      else
        issues.push({
          key,
          kind: 'invalid',
          message: `${spec.label} (${key}=${echo(raw)}): not one of ${t.values.join(', ')}; using the default`,
        });
    } else if (t.kind === 'id') {
      constantSetRaw = raw;
    } else if (t.kind === 'measured') {
      const measured = fieldCodec<readonly MeasuredPoint[]>('measured').decode(raw);
      if (measured.ok) scenario.measured = measured.value as MeasuredPoint[];
      else issues.push({ key, kind: 'invalid', message: `${spec.label} (${key}): ${measured.reason}; ignored` });
    } else if (t.kind === 'strategy') {
      const strategy = decodeStrategy(raw);
      if (strategy.ok) {
        if (isOracle(strategy.value)) delete scenario.strategy;
        else scenario.strategy = strategy.value;
        if (strategy.warning)
          issues.push({ key, kind: 'clamped', message: `${spec.label} (${key}=${echo(raw)}): ${strategy.warning}` });
      } else
        issues.push({
          key,
          kind: 'invalid',
          message: `${spec.label} (${key}=${echo(raw)}): ${strategy.reason}; using the oracle verifier (pass@k)`,
        });
    } else if (t.kind === 'plan-early') {
      const plan = decodePlanEarly(raw);
      if (plan.ok) {
        if (isDefaultPlanEarly(plan.value)) delete scenario.planEarly;
        else scenario.planEarly = plan.value;
        if (plan.warning)
          issues.push({ key, kind: 'clamped', message: `${spec.label} (${key}=${echo(raw)}): ${plan.warning}` });
      } else
        issues.push({
          key,
          kind: 'invalid',
          message: `${spec.label} (${key}=${echo(raw)}): ${plan.reason}; using the defaults`,
        });
    } else if (t.kind === 'user-set') {
      const user = fieldCodec<UserConstantSet>('user-set').decode(raw);
      if (user.ok) {
        scenario.userSet = user.value;
        if (user.warning) issues.push({ key, kind: 'invalid', message: `${spec.label} (${key}): ${user.warning}` });
      } else issues.push({ key, kind: 'invalid', message: `${spec.label} (${key}): ${user.reason}; ignored` });
    } else {
      const x = decodeNumber(spec, raw, issues);
      if (x !== null) (scenario as unknown as Record<string, number>)[spec.field] = x;
    }
  }
  // The constant set is checked after the model is known: its valid ids depend on the model.
  scenario.constantSet = catalog.defaultId(scenario.qualityModel);
  if (constantSetRaw !== null) {
    const isUserSet =
      userSetApplies(scenario.qualityModel, scenario.userSet) && scenario.userSet!.set.id === constantSetRaw;
    if (isUserSet || catalog.ids(scenario.qualityModel).includes(constantSetRaw)) scenario.constantSet = constantSetRaw;
    else {
      issues.push({
        key: 'c',
        kind: 'invalid',
        message: `Constant set (c=${echo(constantSetRaw)}): not available for this quality model; using ${scenario.constantSet}`,
      });
    }
  }
  return { scenario, issues };
}
