/**
 * Named constant sets of the T² laws (Roberts et al. 2026, arXiv:2604.01411; laws.md §2). The paper publishes NO
 * fitted constants, so the sets shipped here are either
 * - illustrative (data/t2-illustrative.json, kind 'illustrative'): invented by this project to show the paper's
 *   qualitative findings, labelled so in their name and note, never presented as the paper's; or
 * - fitted by this project on public results of real models (data/t2-public.json, kind 'fitted-public'): written by
 *   tools/public-fits, no code change needed; or
 * - fitted by this project (data/t2-fitted.json, kind 'fitted-testbed'): appended by the testbed pipeline, no code
 *   change needed.
 * Both files hold a JSON list of entries { approach: 1 | 2, id, name, kind, source, note?, range?, constants,
 * intervals? }; `intervals` = { resamples, percentiles: { <constant>: { p2_5, p50, p97_5 } } } (bootstrap, every
 * constant of the approach).
 */
import { DomainError } from './errors';
import { assertT2Approach1Constants, T2_APPROACH1_KEYS } from './t2-approach1';
import { assertT2Approach2Constants, T2_APPROACH2_KEYS } from './t2-approach2';
import type {
  ConstantIntervals,
  ConstantSetKind,
  T2Approach1Constants,
  T2Approach1Set,
  T2Approach2Constants,
  T2Approach2Set,
} from './constants-types';
import illustrative from './data/t2-illustrative.json';
import fitted from './data/t2-fitted.json';
import publicFitted from './data/t2-public.json';

const KINDS: readonly ConstantSetKind[] = ['published', 'fitted-public', 'fitted-testbed', 'illustrative', 'user'];

function pickConstants(raw: unknown, keys: readonly string[], where: string): Record<string, number> {
  if (typeof raw !== 'object' || raw === null) throw new DomainError(`${where}: constants must be an object`);
  const out: Record<string, number> = {};
  for (const key of keys) {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v !== 'number') throw new DomainError(`${where}: constant ${key} is missing or not a number`);
    out[key] = v;
  }
  return out;
}

/** Validates an entry's optional bootstrap intervals: every constant of `keys`, finite p2_5 ≤ p50 ≤ p97_5. */
function pickIntervals(
  raw: unknown,
  keys: readonly string[],
  where: string,
): ConstantIntervals<Record<string, number>> {
  const r = raw as Record<string, unknown> | null;
  if (typeof r !== 'object' || r === null) throw new DomainError(`${where}: intervals must be an object`);
  if (!(Number.isInteger(r.resamples) && (r.resamples as number) >= 1))
    throw new DomainError(`${where}: intervals.resamples must be a positive integer`);
  const raws = r.percentiles as Record<string, Record<string, unknown>> | null;
  if (typeof raws !== 'object' || raws === null)
    throw new DomainError(`${where}: intervals.percentiles must be an object`);
  const percentiles: ConstantIntervals<Record<string, number>>['percentiles'] = {};
  for (const key of keys) {
    const p = raws[key];
    const [lo, mid, hi] = [p?.p2_5, p?.p50, p?.p97_5];
    if (
      ![lo, mid, hi].every((v) => typeof v === 'number' && Number.isFinite(v)) ||
      !((lo as number) <= (mid as number) && (mid as number) <= (hi as number))
    ) {
      throw new DomainError(`${where}: interval of ${key} must be finite numbers p2_5 ≤ p50 ≤ p97_5`);
    }
    percentiles[key] = { p2_5: lo as number, p50: mid as number, p97_5: hi as number };
  }
  return { resamples: r.resamples as number, percentiles };
}

/**
 * Validates a list of T² set entries (the JSON format above) and splits it by approach. Throws a DomainError naming
 * the entry on a missing field, an unknown kind, invalid constants or a duplicate id within an approach.
 */
export function parseT2Sets(entries: unknown): { approach1: T2Approach1Set[]; approach2: T2Approach2Set[] } {
  if (!Array.isArray(entries)) throw new DomainError('T² constant sets: expected a JSON list');
  const approach1: T2Approach1Set[] = [];
  const approach2: T2Approach2Set[] = [];
  entries.forEach((entry: unknown, i) => {
    const e = entry as Record<string, unknown>;
    const where = `T² constant set #${i} (${String(e?.id)})`;
    if (typeof e !== 'object' || e === null) throw new DomainError(`${where}: not an object`);
    for (const field of ['id', 'name', 'source'] as const) {
      if (typeof e[field] !== 'string' || e[field] === '')
        throw new DomainError(`${where}: ${field} must be a non-empty string`);
    }
    if (!KINDS.includes(e.kind as ConstantSetKind)) throw new DomainError(`${where}: unknown kind ${String(e.kind)}`);
    const meta = {
      id: e.id as string,
      name: e.name as string,
      kind: e.kind as ConstantSetKind,
      source: e.source as string,
      ...(typeof e.note === 'string' ? { note: e.note } : {}),
      ...(e.range !== undefined ? { range: e.range as T2Approach1Set['range'] } : {}),
    };
    if (e.approach === 1) {
      const constants = pickConstants(e.constants, T2_APPROACH1_KEYS, where) as unknown as T2Approach1Constants;
      assertT2Approach1Constants(constants);
      if (approach1.some((s) => s.id === meta.id)) throw new DomainError(`${where}: duplicate id for Approach 1`);
      const intervals =
        e.intervals === undefined
          ? {}
          : {
              intervals: pickIntervals(
                e.intervals,
                T2_APPROACH1_KEYS,
                where,
              ) as ConstantIntervals<T2Approach1Constants>,
            };
      approach1.push({ ...meta, constants, ...intervals });
    } else if (e.approach === 2) {
      const constants = pickConstants(e.constants, T2_APPROACH2_KEYS, where) as unknown as T2Approach2Constants;
      assertT2Approach2Constants(constants);
      if (approach2.some((s) => s.id === meta.id)) throw new DomainError(`${where}: duplicate id for Approach 2`);
      const intervals =
        e.intervals === undefined
          ? {}
          : {
              intervals: pickIntervals(
                e.intervals,
                T2_APPROACH2_KEYS,
                where,
              ) as ConstantIntervals<T2Approach2Constants>,
            };
      approach2.push({ ...meta, constants, ...intervals });
    } else {
      throw new DomainError(`${where}: approach must be 1 or 2`);
    }
  });
  return { approach1, approach2 };
}

const ALL = parseT2Sets([...(publicFitted as unknown[]), ...(illustrative as unknown[]), ...(fitted as unknown[])]);

/** Shipped T² Approach 1 sets: the illustrative one ('t2-illustrative'), then any fitted by the testbed. */
export const T2_APPROACH1_SETS: readonly T2Approach1Set[] = Object.freeze(ALL.approach1);
/** Shipped T² Approach 2 sets: the illustrative one ('t2-illustrative'), then any fitted by the testbed. */
export const T2_APPROACH2_SETS: readonly T2Approach2Set[] = Object.freeze(ALL.approach2);

/** The Approach 1 set with this id, or undefined. */
export function getT2Approach1Set(id: string): T2Approach1Set | undefined {
  return T2_APPROACH1_SETS.find((s) => s.id === id);
}

/** The Approach 2 set with this id, or undefined. */
export function getT2Approach2Set(id: string): T2Approach2Set | undefined {
  return T2_APPROACH2_SETS.find((s) => s.id === id);
}
