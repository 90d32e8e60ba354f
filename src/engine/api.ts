/**
 * The engine's API: what the worker exposes through Comlink, and what the main thread runs itself when no worker can
 * run (same function, same result). One call takes the scenario and returns the data of every chart; the typed
 * arrays' buffers are transferred, not copied. The heavy user data stays here by key, and parts the caller holds
 * under the same key (the frontier grid among them) are left out of the reply.
 */
import { transfer } from 'comlink';
import type { Scenario } from '../domain/scenario';
import type { UserConstantSet } from '../domain/registry';
import { CHART_PARTS, type ChartPart, type PartKeys } from './chart-parts';
import { buildExplorerParts, transferablesOf } from './explorer-data';
import { assertChartDataFinite } from './finite-check';
import { fitApi } from './fit-api';
import type { ExplorerData, FrontierData } from './explorer-data-types';
import type { UserData } from './user-data';
import { comparePoint, comparePointKey, type ComparePoint } from './compare-point';
import { DomainError } from '../domain/errors';

/** One answer of the engine. */
export interface ComputeReply {
  /** The id the caller sent: the client drops replies that are no longer the latest. */
  requestId: number;
  /**
   * The charts' data. Parts named in `omitted` (and the frontier grid when 'grid' is among them) are left out because
   * the caller said it holds them under the same key: the client fills them in from what it holds.
   */
  data: ExplorerData;
  /** Milliseconds spent computing (inside the engine, messaging excluded). */
  computeMs: number;
  /** The key of each memoised part (src/engine/chart-parts.ts) and of the frontier grid. */
  keys?: PartKeys & { grid: string };
  /** Parts left out of `data` (see `data`). */
  omitted?: (ChartPart | 'grid')[];
}

/** What the caller holds and sends besides the scenario (src/engine/client.ts). */
export interface ComputeSession {
  /** The key of the user set's heavy data (src/engine/user-data.ts), stripped from the scenario's user set. */
  userDataKey?: string;
  /** That data, sent only when the engine does not hold it yet (the first request after it changed). */
  userData?: UserData;
  /** The keys of the parts and the grid the caller holds: those are left out of the reply. */
  held?: Partial<Record<ChartPart | 'grid', string>>;
  /**
   * The pinned scenario A of the A/B comparison (issue 13), its user set stripped of heavy data: the reply's
   * `data.compare` summarises A and the current scenario B with the same function (./compare-point.ts).
   */
  compare?: Scenario | null;
}

/** The user data the engine holds, by key (the last few: a fit, the link's band, a refit). */
const userDataByKey = new Map<string, UserData>();
const USER_DATA_KEPT = 4;

function withUserData(scenario: Scenario, session: ComputeSession | undefined): Scenario {
  const key = session?.userDataKey;
  if (!key || !scenario.userSet) return scenario;
  if (session.userData) {
    userDataByKey.delete(key);
    userDataByKey.set(key, session.userData);
    while (userDataByKey.size > USER_DATA_KEPT) userDataByKey.delete(userDataByKey.keys().next().value!);
  }
  const data = userDataByKey.get(key);
  if (!data) throw new Error(`the engine does not hold the user data ${key} (it was not sent)`);
  const user: UserConstantSet = { ...scenario.userSet };
  if (data.draws) user.draws = data.draws;
  if (data.runs) user.runs = data.runs;
  if (data.drawsFromLink) user.drawsFromLink = data.drawsFromLink;
  return { ...scenario, userSet: user };
}

/** Compare points by content key: A is the same on every move while pinned, so it is computed once. */
const comparePoints = new Map<string, ComparePoint>();
const COMPARE_POINTS_KEPT = 8;

function cachedComparePoint(s: Scenario): ComparePoint {
  const key = comparePointKey(s);
  const hit = comparePoints.get(key);
  if (hit) return hit;
  const p = comparePoint(s);
  comparePoints.set(key, p);
  while (comparePoints.size > COMPARE_POINTS_KEPT) comparePoints.delete(comparePoints.keys().next().value!);
  return p;
}

/** The A/B comparison for the reply: null without a pin; A's own error (its design cannot be computed) as a message. */
function compareOf(
  pinned: Scenario | null | undefined,
  current: Scenario,
): Pick<ExplorerData, 'compare' | 'compareError'> {
  if (!pinned) return { compare: null, compareError: null };
  try {
    return { compare: { a: cachedComparePoint(pinned), b: cachedComparePoint(current) }, compareError: null };
  } catch (e) {
    if (e instanceof DomainError) return { compare: null, compareError: e.message };
    throw e;
  }
}

const GRID_FIELDS = ['trainFlops', 'inferenceFlops', 'quality', 'thresholds', 'fittedDistance'] as const;

export const api = {
  /**
   * The data of every chart and readout for `scenario`. Throws the domain's error (a DomainError) on bad input, and
   * when a number the charts are placed by is not finite (./finite-check.ts), so NaN never reaches the page.
   * `session` (optional) names the user set's heavy data by key and the parts the caller already holds.
   */
  compute(scenario: Scenario, requestId: number, session?: ComputeSession): ComputeReply {
    const t0 = performance.now();
    const full = withUserData(scenario, session);
    const { data, keys } = buildExplorerParts(full, session?.userDataKey);
    assertChartDataFinite(data);
    const held = session?.held ?? {};
    const omitted: (ChartPart | 'grid')[] = [];
    const out = { ...data } as Record<string, unknown>;
    for (const part of CHART_PARTS) {
      if (held[part] === keys[part]) {
        omitted.push(part);
        if (part === 'law') {
          delete out.model;
          delete out.set;
          delete out.quality;
        } else delete out[part];
      }
    }
    let frontier = data.frontier;
    if (held.grid === data.frontier.gridKey) {
      omitted.push('grid');
      frontier = { ...frontier };
      for (const f of GRID_FIELDS) delete (frontier as Partial<FrontierData>)[f];
    }
    out.frontier = frontier;
    Object.assign(out, compareOf(session?.compare, full));
    const reply: ComputeReply = {
      requestId,
      data: out as unknown as ExplorerData,
      computeMs: performance.now() - t0,
      keys: { ...keys, grid: data.frontier.gridKey },
      omitted,
    };
    // Only the parts built for this request are transferred: memoised parts stay usable here (they are copied when
    // sent, which happens only when their key changed).
    return transfer(
      reply,
      transferablesOf({ frontier, readouts: data.readouts, cost: data.cost } as unknown as ExplorerData),
    );
  },
  /** Answers once the worker has loaded: lets the client tell a live worker from a dead one. */
  ping(): 'pong' {
    return 'pong';
  },
  /** Fits the user's runs (src/engine/fit-api.ts). */
  ...fitApi,
};

export type EngineApi = typeof api;
