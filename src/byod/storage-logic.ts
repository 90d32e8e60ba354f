/**
 * Saving the imported data set and its fit on this device (localStorage), and reading them back on reload. Pure
 * over a small Storage-like interface, so it is tested without a browser. A saved entry that does not read back
 * (other version, corrupt JSON, wrong shape) is ignored, never trusted.
 */
import { CONSTANT_FAMILIES } from '../domain/constant-families';
import type { UserConstantSet } from '../domain/registry';
import type { FitWarning } from './fit-gate';
import type { ColumnMapping } from './import-logic';
import type { FitKind, FitReport, HoldoutRule } from './types';

export const STORAGE_KEY = 't2-explorer.byod.v1';
/** Texts above this many characters are not saved (localStorage holds about 5 MB per site). */
export const MAX_SAVED_TEXT = 2_000_000;

export interface SavedByod {
  version: 1;
  /** The imported text and where it came from (file name or "pasted"); null when it was too large to keep. */
  source: { name: string; text: string } | null;
  kind: FitKind;
  mapping: ColumnMapping;
  holdout: HoldoutRule;
  report: FitReport | null;
  /** The fit-quality gate's warnings on `report` (absent in entries saved before the gate existed). */
  warnings?: FitWarning[];
  userSet: UserConstantSet | null;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KINDS: readonly FitKind[] = CONSTANT_FAMILIES.ids;

function isSaved(v: unknown): v is SavedByod {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Partial<SavedByod>;
  return (
    s.version === 1 &&
    KINDS.includes(s.kind as FitKind) &&
    typeof s.mapping === 'object' &&
    s.mapping !== null &&
    typeof s.holdout === 'object' &&
    s.holdout !== null &&
    (s.source === null || (typeof s.source?.text === 'string' && typeof s.source.name === 'string')) &&
    (s.report === null || (typeof s.report === 'object' && typeof s.report?.constants === 'object')) &&
    (s.warnings === undefined ||
      (Array.isArray(s.warnings) &&
        s.warnings.every((w) => typeof w?.message === 'string' && typeof w.code === 'string'))) &&
    (s.userSet === null || (typeof s.userSet === 'object' && typeof s.userSet?.set?.id === 'string'))
  );
}

/** Writes `state`; drops the text when too large. Returns what was kept ('all', 'fit-only') or 'failed'. */
export function saveByod(storage: StorageLike, state: SavedByod): 'all' | 'fit-only' | 'failed' {
  const fitsText = state.source !== null && state.source.text.length <= MAX_SAVED_TEXT;
  const kept = fitsText ? state : { ...state, source: null };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(kept));
    return fitsText || state.source === null ? 'all' : 'fit-only';
  } catch {
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ ...state, source: null }));
      return 'fit-only';
    } catch {
      return 'failed';
    }
  }
}

/** The saved state, or null when there is none or it cannot be trusted. */
export function loadByod(storage: StorageLike): SavedByod | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const v: unknown = JSON.parse(raw);
    return isSaved(v) ? v : null;
  } catch {
    return null;
  }
}

export function clearByod(storage: StorageLike): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // nothing saved, or storage blocked: either way nothing to clear
  }
}
