/**
 * Per-key encode/decode hooks of the URL schema (./schema.ts): a field whose value a feature owns (the user's fitted
 * set `u`, src/byod; the lab's runs `lab`, src/lab) declares only its kind in the table, and the feature registers
 * how to write and read it. The codec (./codec.ts) and the exports look the hooks up here, so src/store imports no
 * feature folder (architecture rule 13: dependencies point down). The app registers every feature's hooks at start
 * (src/app/register-hooks.ts, imported by src/main.tsx and by the test setup).
 */

import { encodePlanEarly } from '../../domain/plan-early-key';
import type { PlanEarlyInput } from '../../domain/plan-early';
import { encodeStrategy, type StrategyChoice } from '../../domain/strategies/registry';
import type { UserConstantSet } from '../../domain/registry';
import type { MeasuredPoint } from '../../domain/scenario';
import type { FieldSpec } from './schema';

/** What a hook's decode returns: a value (with an optional warning for the notice) or why it was ignored. */
export type FieldDecode<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

/** How one schema field kind is written to and read from its query value. */
export interface FieldCodec<T> {
  encode(value: T): string;
  /** Never throws: anything unreadable is `{ ok: false, reason }`. */
  decode(raw: string): FieldDecode<T>;
}

/** The field kinds whose values a feature encodes (./schema.ts `FieldType`). */
export type HookedFieldKind = 'user-set' | 'measured';

const hooks = new Map<HookedFieldKind, FieldCodec<never>>();

/** Registers the hooks of `kind`; a second registration replaces the first (hot reload, tests). */
export function registerFieldCodec<T>(kind: HookedFieldKind, codec: FieldCodec<T>): void {
  hooks.set(kind, codec as unknown as FieldCodec<never>);
}

/**
 * The hooks of `kind`.
 * @throws Error when no feature registered them (the app or the test setup forgot src/app/register-hooks.ts).
 */
export function fieldCodec<T>(kind: HookedFieldKind): FieldCodec<T> {
  const c = hooks.get(kind);
  if (!c) throw new Error(`no URL hooks registered for field kind "${kind}" (import src/app/register-hooks.ts first)`);
  return c as unknown as FieldCodec<T>;
}

/** Shortest text that reads back to exactly the same double: 2.56e19, 1e8, 42.5 (the one URL number writer). */
export function formatUrlNumber(x: number): string {
  const plain = String(x);
  const sci = x.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/**
 * One field's query value as encode writes it: numbers in their shortest exact form, strings URI-encoded, a
 * feature-owned value through its registered hooks. `value` must not be undefined. (Here rather than in ./codec.ts,
 * which reads the constant-set registry and its JSON: the exports and the end-to-end specs' Node loader use this.)
 */
export function encodeFieldValue(spec: FieldSpec, value: unknown): string {
  if (typeof value === 'number') return formatUrlNumber(value);
  if (typeof value === 'string') return encodeURIComponent(value);
  if (spec.type.kind === 'strategy') return encodeStrategy(value as StrategyChoice);
  if (spec.type.kind === 'plan-early') return encodePlanEarly(value as PlanEarlyInput);
  if (spec.type.kind === 'measured')
    return fieldCodec<readonly MeasuredPoint[]>('measured').encode(value as readonly MeasuredPoint[]);
  return fieldCodec<UserConstantSet>('user-set').encode(value as UserConstantSet);
}
