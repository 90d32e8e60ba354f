/**
 * The user's fitted constants as a constant set (kind 'user'), and its compact, validated URL form.
 *
 * URL form (one key of the scenario schema, `u`): sections joined by `~`, numbers by `_`, runs by `*`:
 *   `<family>_<constants…>~<runs fitted>_<N lo>_<N hi>_<D lo>_<D hi>[_<k lo>_<k hi>]~<run>*<run>…[~b<band summary>]`
 * family is c (Chinchilla), 1 (T² Approach 1) or 2 (T² Approach 2); constants in CONSTANT_KEYS order; a run is
 * `N_D_k_quality`. Numbers are written in the shortest form that reads back to the same double, so a link
 * reproduces the fit to the digit. The runs section is present only when there are at most MAX_LINK_RUNS runs (else
 * empty). The fourth section, present when the fit has bootstrap resamples, is the band's compact summary
 * (./band-summary.ts); links without it (written before it existed) decode as before, without a band. A band section
 * that fails validation is dropped with a warning and the constants are kept.
 */
import type { ChinchillaSet, FittedRange, T2Approach1Set, T2Approach2Set } from '../domain/constants-types';
import type { ConstantDraw, ResolvedConstantSet, UserConstantSet, UserRun } from '../domain/registry';
import { decodeBandSummary, drawsFromSummary, encodeBandSummary, summarizeDraws } from './band-summary';
import {
  boundsText,
  echo,
  LOSS_BOUNDS,
  MAX_FITTED_RUNS,
  MAX_LINK_RUNS,
  PASS_AT_K_BOUNDS,
  RUN_BOUNDS,
  within,
} from '../store/url/limits';
import { CONSTANT_KEYS, constantBounds } from './constant-keys';
import { formatUrlNumber } from '../store/url/field-codecs';
import { CONSTANT_FAMILIES, constantFamily, familyOfUrlCode, familyTable } from '../domain/constant-families';
import { FIT_KIND_NAMES, type FitKind } from './types';

export { CONSTANT_KEYS } from './constant-keys';
/** Runs a link carries at most (src/store/url/limits.ts); larger data sets stay on this device. */
export { MAX_LINK_RUNS } from '../store/url/limits';

const CODE: Readonly<Record<FitKind, string>> = familyTable((f) => f.urlCode);

/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Shortest text that reads back to exactly the same double (the URL codec's writer). */
export { formatUrlNumber } from '../store/url/field-codecs';

/** FNV-1a, 32 bits, base 36: a short id that changes whenever the constants do. */
function hashId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** What a user set is built from. */
export interface UserSetInput {
  family: FitKind;
  constants: Readonly<Record<string, number>>;
  range: FittedRange;
  /** Number of runs (rows) the constants were fitted on. */
  fittedRuns: number;
  runs?: readonly UserRun[];
  draws?: readonly ConstantDraw[];
  /** The link's band summary the draws were regenerated from (UserConstantSet.drawsFromLink). */
  drawsFromLink?: string;
}

/** The constant set the charts use: id `user-<hash of the constants>`, kind 'user', cited as the user's data. */
export function buildUserSet(input: UserSetInput): UserConstantSet {
  const keys = CONSTANT_KEYS[input.family];
  const constants = Object.fromEntries(
    keys.map((k) => {
      const v = input.constants[k];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`user set: constant ${k} is missing or not finite`);
      return [k, v === 0 ? 0 : v]; // −0 would not survive the URL
    }),
  );
  const id = `user-${hashId(`${input.family}|${keys.map((k) => formatUrlNumber(constants[k]!)).join('|')}`)}`;
  const set = {
    id,
    name: `Your fit (${FIT_KIND_NAMES[input.family]})`,
    kind: 'user' as const,
    source: `Fitted in this browser on your ${input.fittedRuns} runs`,
    range: input.range,
    constants,
  };
  const resolved = { family: input.family, set } as unknown as ResolvedConstantSet & {
    set: ChinchillaSet | T2Approach1Set | T2Approach2Set;
  };
  const out: UserConstantSet = { ...resolved };
  if (input.runs) out.runs = input.runs;
  if (input.draws) out.draws = input.draws;
  if (input.draws && input.drawsFromLink) out.drawsFromLink = input.drawsFromLink;
  return out;
}

/** The run count the set's source names (buildUserSet writes it; any number format reads back). */
function fittedRunsOf(user: UserConstantSet): number {
  const m = /on your ([0-9.eE+-]+) runs/.exec(user.set.source);
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(n) ? n : (user.runs?.length ?? 0);
}

/** Band summaries already written, by draws array (the URL is rewritten on every move; the draws rarely change). */
const bandTextCache = new WeakMap<readonly ConstantDraw[], string>();

/** The band section of `user`'s link ('' without resamples): the link's own summary verbatim, else a new one. */
export function bandSectionOf(user: UserConstantSet): string {
  if (user.drawsFromLink) return user.drawsFromLink;
  const draws = user.draws;
  if (!draws) return '';
  let text = bandTextCache.get(draws);
  if (text === undefined) {
    const s = summarizeDraws(user.family, draws);
    text = s ? encodeBandSummary(s) : '';
    bandTextCache.set(draws, text);
  }
  return text;
}

/** The URL value of `user` (see the module comment); runs only when at most MAX_LINK_RUNS. */
export function encodeUserSet(user: UserConstantSet): string {
  const c = user.set.constants as unknown as Record<string, number>;
  const head = [CODE[user.family], ...CONSTANT_KEYS[user.family].map((k) => formatUrlNumber(c[k]!))].join('_');
  const r = user.set.range;
  const range = r
    ? [fittedRunsOf(user), r.params[0], r.params[1], r.tokens[0], r.tokens[1], ...(r.samples ?? [])]
        .map(formatUrlNumber)
        .join('_')
    : String(fittedRunsOf(user));
  const runs =
    user.runs && user.runs.length > 0 && user.runs.length <= MAX_LINK_RUNS
      ? user.runs.map((p) => [p.params, p.tokens, p.samples, p.quality].map(formatUrlNumber).join('_')).join('*')
      : '';
  return [head, range, runs, bandSectionOf(user)].join('~').replace(/~+$/, '');
}

/**
 * Why a link of `user` would be rejected when opened (a constant, the fitted range or a run outside the bounds a link
 * allows: ./constant-keys.ts CONSTANT_BOUNDS, src/store/url/limits.ts), or null when it reads back. A fit is not
 * bounded, so the fit's UI can warn before the person shares a link that would not carry the set.
 */
export function linkRejection(user: UserConstantSet): string | null {
  const back = decodeUserSet(encodeUserSet(user));
  return back.ok ? null : back.reason;
}

/** True when a link of `user` carries its runs (else the data stays on this device). */
export function linkCarriesRuns(user: UserConstantSet): boolean {
  return !!user.runs && user.runs.length > 0 && user.runs.length <= MAX_LINK_RUNS;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numbers(text: string, what: string): number[] {
  return text.split('_').map((t) => {
    if (!NUMBER.test(t)) throw new Error(`${what}: "${echo(t)}" is not a number`);
    const x = Number(t);
    if (!Number.isFinite(x)) throw new Error(`${what}: "${echo(t)}" is not finite`);
    return x;
  });
}

/**
 * Checks that constants can drive the laws: each within its declared bounds (./constant-keys.ts CONSTANT_BOUNDS:
 * positive scales and exponents, θ2 a probability, sizes the engine can compute with).
 */
function checkConstants(family: FitKind, c: Record<string, number>): void {
  for (const k of CONSTANT_KEYS[family]) {
    const b = constantBounds(k);
    if (!within(c[k]!, b))
      throw new Error(`constant ${k} must lie in ${boundsText(b)} (got ${echo(formatUrlNumber(c[k]!))})`);
  }
}

/** Checks one run value against its bounds; `what` names the run and the quantity. */
function checkRunValue(x: number, b: readonly [number, number], what: string): void {
  if (!within(x, b)) throw new Error(`${what} must lie in ${boundsText(b)} (got ${echo(formatUrlNumber(x))})`);
}

/**
 * Reads a URL value back into a user set, validating every number (finite, positive where the law needs it, ranges
 * ordered, pass@k in [0, 1]). Returns the set or the reason it was rejected.
 */
export function decodeUserSet(
  text: string,
): { ok: true; value: UserConstantSet; warning?: string } | { ok: false; reason: string } {
  try {
    const [head = '', rangeText = '', runsText = '', bandText = '', ...extra] = text.split('~');
    if (extra.length > 0) throw new Error('too many sections');
    const family = familyOfUrlCode(head.split('_')[0] ?? '');
    if (!family)
      throw new Error(
        `unknown fit family "${echo(head.split('_')[0] ?? '')}" (expected ${orList(CONSTANT_FAMILIES.entries.map((f) => f.urlCode))})`,
      );
    const values = numbers(head.split('_').slice(1).join('_'), 'constants');
    const keys = CONSTANT_KEYS[family];
    if (values.length !== keys.length) throw new Error(`expected ${keys.length} constants, got ${values.length}`);
    const constants = Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
    checkConstants(family, constants);
    const r = numbers(rangeText, 'range');
    const fittedRuns = r[0]!;
    if (!Number.isInteger(fittedRuns) || fittedRuns < 1 || fittedRuns > MAX_FITTED_RUNS) {
      throw new Error(
        `the number of fitted runs must be a whole number from 1 to ${MAX_FITTED_RUNS} (got ${echo(formatUrlNumber(fittedRuns))})`,
      );
    }
    if (r.length !== 5 && r.length !== 7)
      throw new Error('the fitted range needs N and D bounds (and k bounds for T²)');
    const pair = (i: number, what: string, b: readonly [number, number]): [number, number] => {
      checkRunValue(r[i]!, b, `the fitted range's lower ${what}`);
      checkRunValue(r[i + 1]!, b, `the fitted range's upper ${what}`);
      if (!(r[i]! <= r[i + 1]!)) throw new Error(`${what} range is not ordered`);
      return [r[i]!, r[i + 1]!];
    };
    const range: FittedRange = { params: pair(1, 'N', RUN_BOUNDS.params), tokens: pair(3, 'D', RUN_BOUNDS.tokens) };
    if (r.length === 7) range.samples = pair(5, 'k', RUN_BOUNDS.samples);
    let runs: UserRun[] | undefined;
    if (runsText !== '') {
      const list = runsText.split('*');
      if (list.length > MAX_LINK_RUNS)
        throw new Error(`at most ${MAX_LINK_RUNS} runs fit in a link (got ${list.length})`);
      runs = list.map((t, i) => {
        const what = `run ${i + 1}`;
        const values = numbers(t, what);
        if (values.length !== 4) throw new Error(`${what}: expected N_D_k_quality`);
        const [params, tokens, samples, quality] = values as [number, number, number, number];
        checkRunValue(params, RUN_BOUNDS.params, `${what}: N`);
        checkRunValue(tokens, RUN_BOUNDS.tokens, `${what}: D`);
        checkRunValue(samples, RUN_BOUNDS.samples, `${what}: k`);
        const accuracy = constantFamily(family).observed === 'passAtK';
        checkRunValue(quality, accuracy ? PASS_AT_K_BOUNDS : LOSS_BOUNDS, `${what}: ${accuracy ? 'pass@k' : 'loss'}`);
        return { params, tokens, samples, quality };
      });
    }
    let band: Pick<UserSetInput, 'draws' | 'drawsFromLink'> = {};
    let warning: string | undefined;
    if (bandText !== '') {
      const summary = decodeBandSummary(bandText, family);
      if (summary.ok) band = { draws: drawsFromSummary(family, summary.value), drawsFromLink: bandText };
      else warning = `${summary.reason}; the fit is kept without its band`;
    }
    const value = buildUserSet({ family, constants, range, fittedRuns, ...(runs ? { runs } : {}), ...band });
    return warning ? { ok: true, value, warning } : { ok: true, value };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
