/**
 * What each chart's data depends on. A slider move recomputes only the parts whose inputs it changed: every part
 * below has a key made of exactly the scenario fields (and upstream values) its builder reads, and the builder keeps
 * the last value per part. The same keys let the engine's reply leave out the parts the page already holds
 * (src/engine/api.ts, src/engine/client.ts), so an unchanged chart keeps its object and React skips it.
 *
 * Dependencies (read off the builders in ./data and ./fit-overlay.ts, ./lab-overlay.ts):
 * - law (model, set, quality info): qualityModel, constantSet, the user set's constants;
 * - tokensPerParam: law, the frontier's x window, C_train, C_inf; lifetime view: T and k instead of C_inf;
 * - isoflop: law, C_train, C_inf, k, T (lifetime), the design (N, D, k);
 * - passk: law, N, D, k;
 * - epoch, paperSetting: law only;
 * - user: the user's data (by its key), model, set id, the isoFLOP slice;
 * - measured: the lab's points, law, N, D (its pass@k runs near the design).
 * The frontier (its grid is keyed separately by gridKey), the readouts and the cost depend on nearly everything and
 * are rebuilt on every request (cheap: the grid is memoised).
 */
import type { Scenario } from '../domain/scenario';
import type { DesignPoint } from './explorer-data-types';
import type { QualityLaw } from './data/law';

/** The parts of ExplorerData that are memoised and sent only when their key changes. */
export const CHART_PARTS = [
  'law',
  'tokensPerParam',
  'isoflop',
  'passk',
  'epoch',
  'paperSetting',
  'user',
  'measured',
] as const;
export type ChartPart = (typeof CHART_PARTS)[number];

/** The key of every part for one request. */
export type PartKeys = Record<ChartPart, string>;

/** The key of the law and its set's metadata (names, sources, fitted range: what the charts print). */
export function lawPartKey(law: QualityLaw): string {
  return `${law.key}|${JSON.stringify(law.set)}`;
}

const designKey = (d: Pick<DesignPoint, 'params' | 'tokens' | 'samples'>) => `${d.params},${d.tokens},${d.samples}`;

export function tokensPerParamKey(
  lawKey: string,
  s: Scenario,
  window: readonly [number, number],
  lifetime: boolean,
): string {
  const budget = lifetime ? `T${s.tokensServed},k${s.samples}` : `ci${s.inferenceFlops}`;
  return `${lawKey}|${window.join(',')}|ct${s.trainFlops}|${budget}`;
}

export function isoflopKey(lawKey: string, s: Scenario, design: DesignPoint): string {
  return `${lawKey}|ct${s.trainFlops}|ci${s.inferenceFlops}|k${s.samples}|T${s.tokensServed}|${designKey(design)}`;
}

export function passkKey(lawKey: string, s: Scenario): string {
  return `${lawKey}|${s.params},${s.tokens},${s.samples}`;
}

export function userKey(s: Scenario, userDataKey: string, isoKey: string): string {
  if (!s.userSet) return 'none';
  const { draws: _d, runs: _r, drawsFromLink: _l, ...light } = s.userSet;
  return `${userDataKey}|${s.qualityModel}|${s.constantSet}|${JSON.stringify(light)}|${isoKey}`;
}

export function measuredKey(lawKey: string, s: Scenario): string {
  return s.measured?.length
    ? `${lawKey}|${s.params},${s.tokens}|${JSON.stringify(s.measured)}|${s.qualityModel}`
    : 'none';
}

/** Keeps the last value of each part and rebuilds it only when its key changes. */
export class PartMemo {
  private readonly last = new Map<ChartPart, { key: string; value: unknown }>();
  /** Parts rebuilt by the last `begin` … calls (tests and the benchmark read it). */
  rebuilt: ChartPart[] = [];

  begin(): void {
    this.rebuilt = [];
  }

  get<V>(part: ChartPart, key: string, build: () => V): V {
    const hit = this.last.get(part);
    if (hit && hit.key === key) return hit.value as V;
    const value = build();
    this.last.set(part, { key, value });
    this.rebuilt.push(part);
    return value;
  }

  clear(): void {
    this.last.clear();
  }
}
