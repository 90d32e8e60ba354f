/**
 * The heavy part of the user's set (src/byod): the fit's bootstrap draws (hundreds of constant sets), the runs and
 * the link's band summary the draws came from. It crosses to the engine worker once, under a content key, and stays
 * there (src/engine/api.ts); every later request names it by key. The rest of the user set (its constants and
 * metadata: what a person sees and sets) travels with the scenario.
 */
import type { UserConstantSet } from '../domain/registry';

/** The heavy fields of a user set. */
export type UserData = Pick<UserConstantSet, 'draws' | 'runs' | 'drawsFromLink'>;

/** Splits a user set into what travels with every request and the heavy data. */
export function splitUserSet(user: UserConstantSet): { light: UserConstantSet; data: UserData } {
  const { draws, runs, drawsFromLink, ...light } = user;
  return { light: light as UserConstantSet, data: { draws, runs, drawsFromLink } };
}

/** Two 32-bit FNV-1a hashes of `text` (different offsets), as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const keys = new WeakMap<object, string>();

/**
 * The content key of a user set's heavy data ('none' without any): equal data give equal keys, a changed draw, run or
 * band summary a new one. Cached by the set's identity, so a slider move (same set object) costs a lookup.
 */
export function userDataKey(user: UserConstantSet | undefined): string {
  if (!user || (!user.draws && !user.runs && !user.drawsFromLink)) return 'none';
  const hit = keys.get(user);
  if (hit) return hit;
  const text = JSON.stringify([user.draws ?? null, user.runs ?? null, user.drawsFromLink ?? null]);
  const key = `${user.draws?.length ?? 0}.${user.runs?.length ?? 0}.${text.length}.${hash64(text)}`;
  keys.set(user, key);
  return key;
}
