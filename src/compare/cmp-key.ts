/**
 * The `cmp` query key (issue 13, item 5): the pinned scenario A of an A/B comparison, written with the scenario's own
 * schema (src/store/url/schema.ts) and codec, so each of A's values is validated, clamped and reported exactly as the
 * link's own. Form: `cmp=v_1*n_7e9*k_32*m_t2-1`, the pairs of A's non-default keys, each `key_value`, joined by `*`
 * (characters a query value keeps as they are). A carries no fitted set of its own (`u`), lab runs (`lab`) or Plan
 * Early inputs (`pe`): when A's constant set names the link's fitted set, A uses that set. Links without `cmp` are
 * unchanged. Pure: no DOM.
 */
import { userSetApplies, type UserConstantSet } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { decodeScenario, encodeScenario, type ConstantSetCatalog } from '../store/url/codec';
import { echo } from '../store/url/limits';
import { FOREIGN_KEYS, SCHEMA_VERSION, VERSION_KEY, VIEW_KEYS } from '../store/url/schema';

/** The query key. */
export const CMP_KEY = VIEW_KEYS.find((k) => k.label === 'Compare: scenario A')?.key ?? 'cmp';

/** Scenario keys A never carries (the fitted set's own data, lab runs, Plan Early inputs). */
export const CMP_LEFT_OUT: readonly string[] = ['u', 'lab', 'pe'];

/** Longest `cmp` value read (characters): A's keys at full precision take about 200. */
export const MAX_CMP_CHARS = 1000;

const PAIR = '*';
const SEP = '_';

/** The `cmp` value of `a` ("v_1" alone when A is the default scenario). */
export function encodeCmp(a: Scenario, catalog: ConstantSetCatalog): string {
  const { userSet: _u, measured: _m, planEarly: _p, ...plain } = a;
  const q = encodeScenario(plain as Scenario, catalog);
  const pairs = [...new URLSearchParams(q)].filter(([k]) => k !== VERSION_KEY && !CMP_LEFT_OUT.includes(k));
  return [`${VERSION_KEY}${SEP}${SCHEMA_VERSION}`, ...pairs.map(([k, v]) => `${k}${SEP}${v}`)].join(PAIR);
}

/** What reading a `cmp` value gives: A (null when unusable) and a sentence per thing dropped or changed. */
export interface CmpDecode {
  scenario: Scenario | null;
  issues: string[];
}

/** A catalog that also takes `user`'s id for the models it serves (A may use the link's fitted set). */
function withUserSet(catalog: ConstantSetCatalog, user: UserConstantSet | undefined): ConstantSetCatalog {
  if (!user) return catalog;
  return {
    defaultId: (m) => catalog.defaultId(m),
    ids: (m) => (userSetApplies(m, user) ? [...catalog.ids(m), user.set.id] : catalog.ids(m)),
  };
}

/**
 * Reads a `cmp` value. Never throws: a value that is not a list of `key_value` pairs, or is too long, gives no A;
 * a bad value inside it falls back to its default and is named, as in the link's own scenario. `user` is the link's
 * fitted set, which A may name.
 */
export function decodeCmp(raw: string, catalog: ConstantSetCatalog, user?: UserConstantSet): CmpDecode {
  if (raw.length > MAX_CMP_CHARS)
    return { scenario: null, issues: [`${CMP_KEY}: longer than ${MAX_CMP_CHARS} characters; nothing pinned`] };
  const issues: string[] = [];
  const params = new URLSearchParams();
  for (const pair of raw.split(PAIR)) {
    if (pair === '') continue;
    const at = pair.indexOf(SEP);
    if (at <= 0) {
      return {
        scenario: null,
        issues: [`${CMP_KEY}=${echo(raw)}: expected key_value pairs joined by ${PAIR}; nothing pinned`],
      };
    }
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (CMP_LEFT_OUT.includes(key)) issues.push(`${CMP_KEY}: A does not carry "${echo(key)}"; ignored`);
    else if (FOREIGN_KEYS.includes(key)) issues.push(`${CMP_KEY}: "${echo(key)}" is not a scenario key; ignored`);
    else params.append(key, value);
  }
  const decoded = decodeScenario(params.toString(), withUserSet(catalog, user));
  issues.push(...decoded.issues.map((i) => `${CMP_KEY} (scenario A): ${i.message}`));
  const scenario = decoded.scenario;
  if (user && userSetApplies(scenario.qualityModel, user) && scenario.constantSet === user.set.id)
    scenario.userSet = user;
  return { scenario, issues };
}
