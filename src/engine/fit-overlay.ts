/**
 * What the charts draw from the user's data set (src/byod): the measured runs on the frontier map (training compute
 * 6ND, inference compute 2Nk per token; laws.md §0) and on the isoFLOP slice (runs trained within a factor of 2 of
 * the training budget), and the bootstrap band of the isoFLOP slice (2.5th and 97.5th percentiles of the quality
 * over the fit's resampled constants) when the user's set drives the charts. Runs are drawn only under a quality
 * model that measures what they measured (loss, task NLL or pass@k).
 */
import { constantFamily } from '../domain/constant-families';
import { isLifetimeAccounting } from '../domain/quality-models';
import { percentile } from '../domain/fit/bootstrap';
import { userSetApplies, type ConstantDraw, type UserConstantSet } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import type { IsoflopData } from './explorer-data-types';

/** Runs as plotted: x, y and the observed quality. */
export interface RunPoints {
  x: Float64Array;
  y: Float64Array;
  quality: Float64Array;
  /** Runs not drawn on this chart (outside its slice). */
  omitted: number;
}

export interface UserOverlayData {
  setName: string;
  /** True when the user's set drives the charts. */
  selected: boolean;
  /** x = training FLOPs, y = inference FLOPs per token. */
  frontierRuns: RunPoints;
  /** x = N, y = observed quality; runs with 6ND within ×2 of C_train. */
  isoflopRuns: RunPoints;
  /**
   * 95 % bootstrap band along the isoFLOP slice (same N grid as IsoflopData.params), or null. `fromLink`: computed
   * from draws regenerated from a shared link's band summary (src/byod/band-summary.ts), an approximation.
   */
  isoflopBand: { lower: Float64Array; upper: Float64Array; resamples: number; fromLink: boolean } | null;
}

type QualityOf = (c: ConstantDraw, n: number, d: number, k: number) => number;

function qualityOf(family: UserConstantSet['family']): QualityOf {
  return constantFamily(family).predict;
}

let bandCache: { key: string; draws: readonly ConstantDraw[]; value: UserOverlayData['isoflopBand'] } | null = null;

function band(user: UserConstantSet, iso: IsoflopData): UserOverlayData['isoflopBand'] {
  const draws = user.draws;
  if (!draws || draws.length < 20) return null;
  const key = `${user.set.id}|${iso.params[0]}|${iso.params[iso.params.length - 1]}|${iso.tokens[0]}|${iso.samples[0]}`;
  if (bandCache && bandCache.key === key && bandCache.draws === draws) return bandCache.value;
  const q = qualityOf(user.family);
  const m = iso.params.length;
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  const values = new Float64Array(draws.length);
  for (let i = 0; i < m; i++) {
    let n = 0;
    for (const c of draws) {
      const v = q(c, iso.params[i]!, iso.tokens[i]!, iso.samples[i]!);
      if (Number.isFinite(v)) values[n++] = v;
    }
    const sorted = values.subarray(0, n).sort();
    lower[i] = n > 0 ? percentile(sorted, 0.025) : iso.quality[i]!;
    upper[i] = n > 0 ? percentile(sorted, 0.975) : iso.quality[i]!;
  }
  const value = { lower, upper, resamples: draws.length, fromLink: !!user.drawsFromLink };
  bandCache = { key, draws, value };
  return value;
}

/** The overlay for `scenario`, or null when it has no user set with runs or draws that this model can show. */
export function buildUserOverlay(scenario: Scenario, iso: IsoflopData): UserOverlayData | null {
  const user = scenario.userSet;
  if (!user || !userSetApplies(scenario.qualityModel, user)) return null;
  const runs = user.runs ?? [];
  const selected = scenario.constantSet === user.set.id;
  const near = runs.filter((r) => {
    const ratio = (6 * r.params * r.tokens) / scenario.trainFlops;
    return ratio >= 0.5 && ratio <= 2;
  });
  return {
    setName: user.set.name,
    selected,
    frontierRuns: {
      x: Float64Array.from(runs, (r) => 6 * r.params * r.tokens),
      y: Float64Array.from(runs, (r) => 2 * r.params * r.samples),
      quality: Float64Array.from(runs, (r) => r.quality),
      omitted: 0,
    },
    isoflopRuns: {
      x: Float64Array.from(near, (r) => r.params),
      y: Float64Array.from(near, (r) => r.quality),
      quality: Float64Array.from(near, (r) => r.quality),
      omitted: runs.length - near.length,
    },
    isoflopBand: selected && !isLifetimeAccounting(scenario.qualityModel) ? band(user, iso) : null,
  };
}
