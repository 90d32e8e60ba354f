/**
 * The `--constants` flag: a named constant set, or a JSON file holding the constants (an object with the keys at the
 * top level or under "constants", so the output of `fit` can be passed back in; other keys are ignored).
 */
import { CHINCHILLA_SETS, getChinchillaSet } from '../domain/chinchilla-sets';
import type {
  ChinchillaConstants,
  T2Approach1Constants,
  T2Approach2Constants,
  T2Approach2Set,
} from '../domain/constants-types';
import { T2_APPROACH1_KEYS } from '../domain/t2-approach1';
import { T2_APPROACH2_KEYS } from '../domain/t2-approach2';
import { getT2Approach1Set, getT2Approach2Set, T2_APPROACH1_SETS, T2_APPROACH2_SETS } from '../domain/t2-sets';
import { readJsonFile } from './read-file';
import { CliUsageError, type CliIo } from './types';

/** The keys of a Chinchilla constant set, in the order of laws.md §1. */
export const CHINCHILLA_KEYS = ['E', 'A', 'B', 'alpha', 'beta'] as const;

/** True when `value` names a file rather than a set: it ends in .json or contains a path separator. */
export function looksLikePath(value: string): boolean {
  return /\.json$/i.test(value) || value.includes('/') || value.includes('\\');
}

/**
 * Reads `keys` from a parsed JSON value as finite numbers.
 * @throws CliUsageError naming the first missing or non-numeric key.
 */
export function constantsFromJson<K extends string>(
  json: unknown,
  keys: readonly K[],
  path: string,
): Record<K, number> {
  const where = `--constants ${path}`;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CliUsageError(`${where}: expected a JSON object with keys ${keys.join(', ')}`);
  }
  const outer = json as Record<string, unknown>;
  const inner = outer.constants;
  const source =
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : outer;
  const out = {} as Record<K, number>;
  for (const key of keys) {
    if (!(key in source)) throw new CliUsageError(`${where}: missing key "${key}" (expected ${keys.join(', ')})`);
    const value = source[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new CliUsageError(
        `${where}: key "${key}" must be a finite number (got ${JSON.stringify(value) ?? String(value)})`,
      );
    }
    out[key] = value;
  }
  return out;
}

/** The ids of the published Chinchilla sets, for messages and help. */
export function chinchillaSetIds(): string {
  return CHINCHILLA_SETS.map((s) => s.id).join(', ');
}

/**
 * Resolves `--constants` for the Chinchilla commands: a published set id, the id of a T² Approach 2 set fitted on
 * public data (its stage-1 Chinchilla constants), or a JSON file with E, A, B, alpha, beta.
 * @param t2Sets the T² Approach 2 sets searched for a public one (the shipped sets; tests pass fixtures).
 */
export function resolveChinchillaConstants(
  value: string,
  io: CliIo,
  t2Sets: readonly T2Approach2Set[] = T2_APPROACH2_SETS,
): { id: string; constants: ChinchillaConstants } {
  const set = getChinchillaSet(value);
  if (set) return { id: set.id, constants: { ...set.constants } };
  if (looksLikePath(value))
    return { id: value, constants: constantsFromJson(readJsonFile(io, '--constants', value), CHINCHILLA_KEYS, value) };
  // A T² Approach 2 set fitted on public data carries a real Chinchilla fit as its stage 1 (L̂(N, D) on the loss it
  // was fitted on, laws.md §2, §8): the Chinchilla commands take those five constants.
  const publicSet = t2Sets.find((s) => s.id === value && s.kind === 'fitted-public');
  if (publicSet) {
    const { E, A, B, alpha, beta } = publicSet.constants;
    return { id: publicSet.id, constants: { E, A, B, alpha, beta } };
  }
  if (getT2Approach1Set(value) || getT2Approach2Set(value)) {
    throw new CliUsageError(
      `--constants: "${value}" is a T² constant set; this command takes a Chinchilla set (${chinchillaSetIds()}), the stage 1 of a T² set fitted on public data, or a JSON file`,
    );
  }
  throw new CliUsageError(
    `--constants: unknown constant set "${value}" (known: ${chinchillaSetIds()}; or a path to a JSON file)`,
  );
}

/** The ids of the shipped T² sets of one approach. */
export function t2SetIds(approach: 1 | 2): string {
  return (approach === 1 ? T2_APPROACH1_SETS : T2_APPROACH2_SETS).map((s) => s.id).join(', ');
}

/** T² constants of either approach, tagged. */
export type ResolvedT2 =
  | { approach: 1; id: string; constants: T2Approach1Constants }
  | { approach: 2; id: string; constants: T2Approach2Constants };

function t2FromFile(approach: 1 | 2, path: string, io: CliIo): ResolvedT2 {
  const json = readJsonFile(io, '--constants', path);
  const keys = approach === 1 ? T2_APPROACH1_KEYS : T2_APPROACH2_KEYS;
  const other = approach === 1 ? 'theta0' : 'G';
  const body = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const inner =
    body.constants !== null && typeof body.constants === 'object' ? (body.constants as Record<string, unknown>) : body;
  if (!(keys[keys.length - 1]! in inner) && other in inner) {
    throw new CliUsageError(
      `--constants ${path}: these look like T² Approach ${3 - approach} constants (key "${other}"); use --approach ${3 - approach}`,
    );
  }
  if (approach === 1) return { approach, id: path, constants: constantsFromJson(json, T2_APPROACH1_KEYS, path) };
  return { approach, id: path, constants: constantsFromJson(json, T2_APPROACH2_KEYS, path) };
}

/**
 * Resolves `--constants` for `t2-optimum`: a shipped T² set of the given approach, or a JSON file with E, A, B, alpha,
 * beta, G, gamma (Approach 1) or E, A, B, alpha, beta, theta0…theta4 (Approach 2).
 * @throws CliUsageError for an unknown set, a set of the other approach or of the Chinchilla law, or a bad file.
 */
export function resolveT2Constants(approach: 1 | 2, value: string, io: CliIo): ResolvedT2 {
  if (approach === 1) {
    const set = getT2Approach1Set(value);
    if (set) return { approach, id: set.id, constants: { ...set.constants } };
  } else {
    const set = getT2Approach2Set(value);
    if (set) return { approach, id: set.id, constants: { ...set.constants } };
  }
  if (looksLikePath(value)) return t2FromFile(approach, value, io);
  const known = `known for Approach ${approach}: ${t2SetIds(approach) || 'none'}; or a JSON file`;
  const other = approach === 1 ? getT2Approach2Set(value) : getT2Approach1Set(value);
  if (other)
    throw new CliUsageError(
      `--constants: "${value}" is a T² Approach ${3 - approach} set, not Approach ${approach} (${known})`,
    );
  if (getChinchillaSet(value))
    throw new CliUsageError(`--constants: "${value}" is a Chinchilla set; t2-optimum needs a T² set (${known})`);
  throw new CliUsageError(`--constants: unknown T² constant set "${value}" (${known})`);
}
