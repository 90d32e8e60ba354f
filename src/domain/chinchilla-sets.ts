/**
 * The four published Chinchilla constant sets of laws.md §1, loaded from ./data/chinchilla-sets.json (data, not code).
 * Each set cites its paper and table; Besiroglu et al. carries its standard errors for uncertainty bands.
 */
import raw from './data/chinchilla-sets.json';
import type { ChinchillaConstants, ChinchillaSet, ConstantSetKind, FittedRange } from './constants-types';

/** A constant as stored: a plain number, or {exp: x} meaning e^x (how Hoffmann's unrounded fit is published). */
type StoredNumber = number | { exp: number };
type StoredConstants = Record<keyof ChinchillaConstants, StoredNumber>;

interface StoredSet {
  id: string;
  name: string;
  kind: string;
  source: string;
  constants: StoredConstants;
  standardErrors?: StoredConstants;
  range?: { params: number[]; tokens: number[] };
  note?: string;
}

function value(x: StoredNumber): number {
  return typeof x === 'number' ? x : Math.exp(x.exp);
}

function constants(s: StoredConstants): ChinchillaConstants {
  return { E: value(s.E), A: value(s.A), B: value(s.B), alpha: value(s.alpha), beta: value(s.beta) };
}

function range(r: StoredSet['range']): FittedRange | undefined {
  if (!r) return undefined;
  return { params: [r.params[0]!, r.params[1]!], tokens: [r.tokens[0]!, r.tokens[1]!] };
}

function toSet(s: StoredSet): ChinchillaSet {
  const set: ChinchillaSet = {
    id: s.id,
    name: s.name,
    kind: s.kind as ConstantSetKind,
    source: s.source,
    constants: constants(s.constants),
  };
  if (s.standardErrors) set.standardErrors = constants(s.standardErrors);
  const r = range(s.range);
  if (r) set.range = r;
  if (s.note) set.note = s.note;
  return Object.freeze(set);
}

/**
 * The published sets, in this order: 'hoffmann' (unrounded, TeX source via Epoch's notebook), 'hoffmann-rounded'
 * (Hoffmann et al. 2022 Eq. 10), 'besiroglu' (arXiv:2404.10102 Table 1, with standard errors), 'sardana'
 * (beyond-chinchilla repository defaults). Constants: E in nats, A and B in nats·count^exponent, α and β dimensionless.
 */
export const CHINCHILLA_SETS: readonly ChinchillaSet[] = Object.freeze((raw.sets as StoredSet[]).map(toSet));

/** The published set with this id, or undefined. */
export function getChinchillaSet(id: string): ChinchillaSet | undefined {
  return CHINCHILLA_SETS.find((s) => s.id === id);
}
