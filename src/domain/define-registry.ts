/**
 * The one shape every registry of the app has (architecture rule 13: one home per concept): entries declared once, in
 * display order, each with a unique string id; lookups by id that either return undefined or throw a DomainError
 * naming the known ids. The quality models (./quality-models.ts) and the constant families (./constant-families.ts)
 * use it; a test-time strategy registry (issue 15) follows the same shape.
 */
import { DomainError } from './errors';

/** A registry of entries keyed by `id`. */
export interface Registry<Id extends string, Entry extends { readonly id: Id }> {
  /** Every entry, in display order. */
  readonly entries: readonly Entry[];
  /** Every id, in display order. */
  readonly ids: readonly Id[];
  /** True when `id` is an entry's id (narrows it). */
  has(id: string): id is Id;
  /** The entry `id`, or undefined. */
  find(id: string): Entry | undefined;
  /** The entry `id`. @throws DomainError naming the known ids when there is none. */
  get(id: string): Entry;
}

/**
 * A registry over `entries`; `what` names an entry in messages ("quality model").
 * @throws DomainError when two entries share an id.
 */
export function defineRegistry<Id extends string, Entry extends { readonly id: Id }>(
  what: string,
  entries: readonly Entry[],
): Registry<Id, Entry> {
  const byId = new Map<string, Entry>();
  for (const e of entries) {
    if (byId.has(e.id)) throw new DomainError(`${what} "${e.id}" is declared twice`);
    byId.set(e.id, e);
  }
  const ids = Object.freeze(entries.map((e) => e.id));
  return {
    entries: Object.freeze([...entries]),
    ids,
    has: (id: string): id is Id => byId.has(id),
    find: (id: string) => byId.get(id),
    get: (id: string) => {
      const e = byId.get(id);
      if (!e) throw new DomainError(`unknown ${what} "${String(id)}" (known: ${ids.join(', ')})`);
      return e;
    },
  };
}

/** A table keyed by every id of `registry`, built from each entry (for consumers that want a Record). */
export function tableOf<Id extends string, Entry extends { readonly id: Id }, V>(
  registry: Registry<Id, Entry>,
  value: (e: Entry) => V,
): Readonly<Record<Id, V>> {
  const out = {} as Record<Id, V>;
  for (const e of registry.entries) out[e.id] = value(e);
  return Object.freeze(out);
}
