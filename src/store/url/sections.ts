/**
 * URL sections: the query keys a feature keeps in step with the store beside the scenario's (the teaching folder's
 * preset, lesson and step). A feature registers its section (src/app/register-hooks.ts imports the feature's hooks);
 * the one URL writer (./sync.ts) reads each section on start and on back/forward, asks it after every store change
 * whether history should change, and writes its keys after the scenario's. A section never touches history itself,
 * so there is one writer of the URL (architecture rule 13) and src/store imports no feature folder.
 */
import type { AppStore } from '../store';
import type { AppState, Notice } from '../types';

/** What a section asks of history after a store change: one new entry, a rewrite of the current one, or nothing. */
export type UrlWrite = 'push' | 'replace' | null;

export interface UrlSection {
  /** Who registered it (for messages; one section per id). */
  id: string;
  /** Where its notices come from (the notice area groups by it). */
  noticeSource: Notice['source'];
  /** The notice when `read` threw (the rest of the link still applies). */
  readFailed: string;
  /** The query keys it owns: the writer drops them from the current URL and appends what `write` returns. */
  keys: readonly string[];
  /**
   * Reads its keys from `params` into `store`: on start (`initial`, after the link's scenario and the saved state
   * are in) and on back/forward (after the scenario came back from the URL). True when the URL must be rewritten
   * (canonical form, or a scenario the section loaded).
   */
  read(store: AppStore, params: URLSearchParams, initial: boolean): boolean;
  /** Its query pairs for `state`, in order (none: its keys leave the URL). */
  write(state: AppState): readonly (readonly [string, string])[];
  /**
   * After a store change (not during `read`): may update the store first (the writer writes after), then says what
   * history should do. The scenario's own changes are written by the writer; a section answers for its keys.
   */
  onChange(store: AppStore, state: AppState, prev: AppState): UrlWrite;
}

const sections: UrlSection[] = [];

/** Registers `s` (one per id: a second registration replaces the first, in place). */
export function registerUrlSection(s: UrlSection): void {
  const i = sections.findIndex((x) => x.id === s.id);
  if (i >= 0) sections[i] = s;
  else sections.push(s);
}

/** The registered sections, in registration order. */
export function urlSections(): readonly UrlSection[] {
  return [...sections];
}
