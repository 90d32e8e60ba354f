/**
 * Presenter links, pure: URL keys that hide chosen controls (hide=params,tokens), lock scenario fields so the audience
 * cannot move them (lock=n,d — the scenario's own URL keys) and enlarge text (big=1). Unknown values are dropped and
 * reported, like the scenario codec does.
 */
import { echo } from '../store/url/limits';
import {
  HIDEABLE_CONTROLS,
  NO_PRESENTER,
  type HideableControl,
  type PresenterOptions,
} from '../store/presenter-options';
import { SCENARIO_SCHEMA } from '../store/url/schema';

// The options' shape is the teaching slice's state (src/store/presenter-options.ts); parsing and writing them is ours.
export { HIDEABLE_CONTROLS, NO_PRESENTER, type HideableControl, type PresenterOptions };

/** Scenario URL keys a presenter link can lock (m, c, n, d, k, ct, ci, t, q). */
export const LOCKABLE_KEYS: readonly string[] = SCENARIO_SCHEMA.map((s) => s.key);

/** The query keys of presenter mode. */
export const PRESENTER_KEYS = { hide: 'hide', lock: 'lock', big: 'big' } as const;

function list(raw: string | null): string[] {
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/** Reads presenter options from a query string; `issues` names each value that was dropped. */
export function parsePresenter(params: URLSearchParams): { options: PresenterOptions; issues: string[] } {
  const issues: string[] = [];
  const hide: HideableControl[] = [];
  for (const v of list(params.get(PRESENTER_KEYS.hide))) {
    if ((HIDEABLE_CONTROLS as readonly string[]).includes(v)) hide.push(v as HideableControl);
    else issues.push(`hide=${echo(v)}: no such control; ignored`);
  }
  const lock: string[] = [];
  for (const v of list(params.get(PRESENTER_KEYS.lock))) {
    if (LOCKABLE_KEYS.includes(v)) lock.push(v);
    else issues.push(`lock=${echo(v)}: no such scenario key; ignored`);
  }
  const bigRaw = params.get(PRESENTER_KEYS.big);
  if (bigRaw !== null && bigRaw !== '1' && bigRaw !== '0') issues.push(`big=${echo(bigRaw)}: use big=1; ignored`);
  return {
    options: { hide: sortLike(hide, HIDEABLE_CONTROLS), lock: sortLike(lock, LOCKABLE_KEYS), big: bigRaw === '1' },
    issues,
  };
}

function sortLike<T extends string>(values: T[], order: readonly string[]): T[] {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Query pairs of presenter options, in canonical order; none for the default (no presenter mode). */
export function encodePresenter(o: PresenterOptions): [string, string][] {
  const out: [string, string][] = [];
  if (o.hide.length > 0) out.push([PRESENTER_KEYS.hide, sortLike(o.hide, HIDEABLE_CONTROLS).join(',')]);
  if (o.lock.length > 0) out.push([PRESENTER_KEYS.lock, sortLike(o.lock, LOCKABLE_KEYS).join(',')]);
  if (o.big) out.push([PRESENTER_KEYS.big, '1']);
  return out;
}

/**
 * The presenter link of `href`: the same URL (scenario, preset, lesson kept) with its presenter keys replaced by
 * `o`'s. Commas stay readable (hide=params,tokens).
 */
export function presenterLink(href: string, o: PresenterOptions): string {
  const url = new URL(href);
  for (const key of Object.values(PRESENTER_KEYS)) url.searchParams.delete(key);
  const pairs = [...url.searchParams.entries(), ...encodePresenter(o)];
  const query = pairs
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replaceAll('%2C', ',')}`)
    .join('&');
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}

/** True when the control with this test id (controls.<id>) is hidden. */
export function isHidden(o: PresenterOptions, testId: string): boolean {
  return o.hide.some((h) => testId === `controls.${h}`);
}

/** The scenario field of each URL key, so the store can refuse changes to locked fields. */
export function lockedFields(o: PresenterOptions): string[] {
  return SCENARIO_SCHEMA.filter((s) => o.lock.includes(s.key)).map((s) => s.field);
}
