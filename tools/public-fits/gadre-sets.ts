/**
 * The shipped Gadre et al. sets (src/domain/data/t2-public.json) and their bootstrap: T² Approach 2 (stage 1 on the
 * C4-eval loss, μ on LAMBADA accuracy, ν transplanted) and T² Approach 1 (k = 1 slice on the C4-eval loss, G and γ
 * transplanted), both fitted on the main training set (./gadre-fit.ts). Bootstrap: `resamples` resamples of whole
 * models (seeded), each refitted warm-started at the full fit; transplanted constants follow their rule per draw.
 * Every draw is kept in the report so CI can replay the first ones and recompute the percentiles.
 */
import { percentile } from '../../src/domain/fit/bootstrap';
import type { MuConstants } from '../../src/domain/fit/fit-mu';
import { createRng } from '../../src/domain/random';
import { T2_APPROACH1_KEYS } from '../../src/domain/t2-approach1';
import { T2_APPROACH2_KEYS } from '../../src/domain/t2-approach2';
import type {
  ChinchillaConstants,
  FittedRange,
  T2Approach1Constants,
  T2Approach2Constants,
} from '../../src/domain/constants-types';
import { chinchillaLoss, fitStage2, predictAccuracy, warmStage1, type RunPoint } from './fits';
import { projectNu, type Transplant } from './transplant';
import { gadreNotes } from './gadre-notes';
import type { TrainingSetReport } from './gadre-fit';
import type { PublicSetEntry } from './types';

/** Approach 2 constants from stage 1, μ (floor 0) and the transplanted ν relation projected on the runs' L̂. */
export function approach2Constants(
  runs: readonly RunPoint[],
  stage1: ChinchillaConstants,
  mu: MuConstants,
  t: Transplant,
): T2Approach2Constants {
  if (mu.floor !== 0) throw new Error('the shipped Approach 2 set uses the T² μ form (floor 0)');
  const losses = runs.map((r) => chinchillaLoss(stage1, r.params, r.tokens));
  const nu = projectNu(
    t,
    losses,
    runs.map((r) => predictAccuracy(stage1, mu, r)),
  );
  return { ...stage1, theta0: mu.theta0, theta1: mu.theta1, theta2: mu.theta2, ...nu };
}

/** Approach 1 constants: the k = 1 slice E1 + A/N^α + B/D^β with E1 split into E + G by the transplanted share. */
export function approach1Constants(stage1: ChinchillaConstants, t: Transplant): T2Approach1Constants {
  const f = t.approach1.gFraction;
  return { ...stage1, E: (1 - f) * stage1.E, G: f * stage1.E, gamma: t.approach1.gamma };
}

export interface SetBootstrap {
  approach: 1 | 2;
  /** Resamples drawn; `draws` holds the ones that fitted (failures = drawn − fitted). */
  resamples: number;
  failures: number;
  seed: number;
  /** Every fitted draw's constants, in draw order, with its draw index `draw`. */
  draws: Record<string, number>[];
  percentiles: Record<string, { p2_5: number; p50: number; p97_5: number }>;
}

/** One bootstrap draw of both sets (consumes the rng exactly as bootstrapSets does). */
export function setsDraw(
  runs: readonly RunPoint[],
  stage1: ChinchillaConstants,
  mu: MuConstants,
  t: Transplant,
  rng: ReturnType<typeof createRng>,
): { a1: T2Approach1Constants; a2: T2Approach2Constants } | null {
  const sample = runs.map(() => runs[rng.int(runs.length)]!);
  const s1 = warmStage1(sample, stage1);
  if (s1 === null) return null;
  const m = fitStage2(sample, s1, 0, mu);
  return { a1: approach1Constants(s1, t), a2: approach2Constants(sample, s1, m, t) };
}

export function percentilesOf(
  draws: readonly Record<string, number>[],
  keys: readonly string[],
): SetBootstrap['percentiles'] {
  const out: SetBootstrap['percentiles'] = {};
  for (const k of keys) {
    const s = Float64Array.from(draws, (d) => d[k]!).sort();
    out[k] = { p2_5: percentile(s, 0.025), p50: percentile(s, 0.5), p97_5: percentile(s, 0.975) };
  }
  return out;
}

/** Bootstraps both shipped sets together (same resamples): [Approach 2, Approach 1]. */
export function bootstrapSets(
  runs: readonly RunPoint[],
  stage1: ChinchillaConstants,
  mu: MuConstants,
  t: Transplant,
  resamples: number,
  seed: number,
): SetBootstrap[] {
  const rng = createRng(seed);
  const d1: Record<string, number>[] = [],
    d2: Record<string, number>[] = [];
  let failures = 0;
  for (let i = 0; i < resamples; i++) {
    const d = setsDraw(runs, stage1, mu, t, rng);
    if (d === null) {
      failures++;
      continue;
    }
    d1.push({ draw: i, ...d.a1 });
    d2.push({ draw: i, ...d.a2 });
  }
  return [
    { approach: 2, resamples, failures, seed, draws: d2, percentiles: percentilesOf(d2, T2_APPROACH2_KEYS) },
    { approach: 1, resamples, failures, seed, draws: d1, percentiles: percentilesOf(d1, T2_APPROACH1_KEYS) },
  ];
}

/** The (N, D, k, D/N, C) box of the fitted runs. */
export function fittedRange(runs: readonly RunPoint[]): FittedRange {
  const mm = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  return {
    params: mm(runs.map((r) => r.params)),
    tokens: mm(runs.map((r) => r.tokens)),
    samples: [1, 1],
    tokensPerParam: mm(runs.map((r) => r.tokens / r.params)),
    trainFlops: mm(runs.map((r) => 6 * r.params * r.tokens)),
  };
}

/** The shipped entries: Approach 2 first (the app's default public set), then Approach 1. */
export function gadreSets(
  runs: readonly RunPoint[],
  main: TrainingSetReport,
  boot: readonly SetBootstrap[],
  t: Transplant,
): PublicSetEntry[] {
  const lambada = main.tasks.find((x) => x.task === 'lambada_openai')!;
  const a2 = approach2Constants(runs, main.stage1, lambada.mu, t);
  const a1 = approach1Constants(main.stage1, t);
  const notes = gadreNotes(main, lambada, t, boot, runs, a2);
  const range = fittedRange(runs);
  const b2 = boot.find((b) => b.approach === 2)!,
    b1 = boot.find((b) => b.approach === 1)!;
  return [
    {
      approach: 2,
      id: `t2-public-gadre-${main.trainingSet}-lambada`,
      name: notes.a2Name,
      kind: 'fitted-public',
      source: notes.a2Source,
      note: notes.a2Note,
      range,
      constants: a2,
      intervals: { resamples: b2.resamples - b2.failures, percentiles: b2.percentiles as never },
    },
    {
      approach: 1,
      id: `t2-public-gadre-${main.trainingSet}-c4eval`,
      name: notes.a1Name,
      kind: 'fitted-public',
      source: notes.a1Source,
      note: notes.a1Note,
      range,
      constants: a1,
      intervals: { resamples: b1.resamples - b1.failures, percentiles: b1.percentiles as never },
    },
  ];
}
