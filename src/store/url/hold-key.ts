/**
 * The `hold` query key (issue 13): whether "Hold the budgets" (linked mode, ../linked.ts) is on. Declared in
 * ./schema.ts (VIEW_KEYS), its values in ./limits.ts (HOLD_KEY_VALUES). Absent or "1": held (the default, so links
 * written before the key existed load as before); "0": not held. Any other value, or the key given twice, keeps the
 * default and says why, naming what was given. Pure.
 */
import { HOLD_KEY_VALUES } from './limits';
import { VIEW_KEYS } from './schema';

/** The query key. */
export const HOLD_KEY = VIEW_KEYS.find((k) => k.label === 'Hold the budgets')?.key ?? 'hold';

/** What a query string says about holding the budgets; `issue` is a sentence for the link's notice, or null. */
export function readHold(search: string): { linked: boolean; issue: string | null } {
  const values = new URLSearchParams(search).getAll(HOLD_KEY);
  if (values.length === 0) return { linked: true, issue: null };
  if (values.length > 1)
    return { linked: true, issue: `${HOLD_KEY}: given ${values.length} times; the budgets stay held` };
  const v = values[0]!;
  if (!HOLD_KEY_VALUES.includes(v)) {
    return {
      linked: true,
      issue: `${HOLD_KEY}: expected 0 or 1 (got ${JSON.stringify(v.slice(0, 40))}); the budgets stay held`,
    };
  }
  return { linked: v === '1', issue: null };
}

/** The `hold` pair to write for `linked`: nothing when held (the default), `hold=0` when not. */
export function holdParam(linked: boolean): [string, string] | null {
  return linked ? null : [HOLD_KEY, '0'];
}
