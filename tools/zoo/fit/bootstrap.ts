/**
 * 95 % bootstrap intervals of the testbed fits (issue 4 "Fits"; tools/zoo/README.md "Fits"), pure. Method as the
 * app's own-data bootstrap (src/engine/fit-job.ts + fit-refit.ts; Besiroglu et al. 2024, arXiv:2404.10102, laws.md §1):
 * the domain's bootstrapFit draws whole checkpoints with replacement (a CheckpointRow holds all k of one checkpoint,
 * so its k values travel together), each resample is refitted warm-started at the full-data fit, and the 2.5th, 50th
 * and 97.5th percentiles of every constant are reported.
 *
 * Refit of resample r (BOOTSTRAP_OPTIONS; lighter than the point fit's 500 A1 restarts and 4,500-start grid, which
 * would take ~15 min for 200 resamples × 4 scopes on two cores):
 * - Approach 1: L-BFGS from the full-data optimum (as the app), plus fitT2Approach1 with `approach1Starts` fresh
 *   restarts (L-BFGS from the `approach1Refine` best), seed `refitSeed + r`; the lower least-squares objective wins.
 * - Approach 2, stage 1 refitted on the resample: fitChinchillaProfiled (as the point fit, FIT_OPTIONS.stage1Weights,
 *   E grid of `stage1EGrid` values, the full-data α, β added to its inner starts; the app's refit does the same with 24).
 * - Approach 2, stage 2 on that stage 1: L-BFGS from the full-data θ (as the app), plus fitT2Approach2 with
 *   `approach2Starts` fresh restarts; the lower objective wins.
 * A refit that throws a DomainError or gives a non-finite constant counts as a failure (bootstrapFit skips it).
 *
 * The extrapolation test is bootstrapped too (bootstrapExtrapolation): resample the isoFLOP checkpoints, refit both
 * approaches warm-started at the isoFLOP-only fit with the app's own bootstrap settings (extrapolationSettings: warm
 * start only), predict the fixed overtrained checkpoints, and take percentiles of the
 * relative errors.
 */
import { DomainError } from '../../../src/domain/errors';
import { bootstrapFit, type Percentiles } from '../../../src/domain/fit/bootstrap';
import { fitChinchillaProfiled } from '../../../src/domain/fit/fit-chinchilla-profiled';
import { fitT2Approach1 } from '../../../src/domain/fit/fit-t2-approach1';
import { fitT2Approach2 } from '../../../src/domain/fit/fit-t2-approach2';
import { warmRefitT2Approach1, warmRefitT2Approach2 } from '../../../src/domain/fit/warm-refit';
import type {
  ChinchillaConstants,
  T2Approach1Constants,
  T2Approach2Constants,
} from '../../../src/domain/constants-types';
import { fitMetrics } from './metrics';
import {
  ACCURACY_FLOOR,
  FIT_OPTIONS,
  approach1Points,
  approach2Points,
  extrapolationSplit,
  floorE,
  NLL_FLOOR,
  predictApproach1,
  predictApproach2,
  stage1Points,
  type ScopeFit,
} from './run';
import { REPORT_ACCURACY_BAND, REPORT_NLL_MIN } from './report';
import type { CheckpointRow } from './targets';

/** Mean |pred − obs|/obs over the observations that `counts`, or null when none does. */
function countedError(obs: readonly number[], pred: readonly number[], counts: (o: number) => boolean): number | null {
  let s = 0,
    n = 0;
  obs.forEach((o, i) => {
    if (counts(o)) {
      s += Math.abs(pred[i]! - o) / o;
      n++;
    }
  });
  return n > 0 ? s / n : null;
}

/** Settings of the testbed bootstrap (see the file comment for what each does). */
export interface BootstrapSettings {
  /** Resamples per scope and approach (bootstrapFit's minimum is 200). */
  resamples: number;
  /** Seed of the resampling PRNG (the app uses its fit seed + 7). */
  seed: number;
  /** Fresh starts of resample r use seed refitSeed + r (the app: fit seed + 1000 + r). */
  refitSeed: number;
  /** Fresh Approach 1 restarts per resample (0: warm start only, as the app) and how many of them L-BFGS refines. */
  approach1Starts: number;
  approach1Refine: number;
  /** E grid points of the profiled stage-1 refit (fitChinchillaProfiled's eGrid; the point fit uses FIT_OPTIONS.stage1EGrid). */
  stage1EGrid: number;
  /** Fresh stage-2 restarts per resample (0: warm start only, as the app). */
  approach2Starts: number;
  /** Resamples whose constants are shipped (firstDraws) so CI can replay them without the other resamples. */
  keepDraws: number;
}

/**
 * The shipped settings; `npm run zoo:fit` fits 200 resamples × 2 approaches × 4 scopes with them (~2 min on two cores).
 * Measured on the first zoo: the warm start alone reaches the full Approach 1 optimum (500 restarts) to ~1e-12; the 4
 * fresh stage-2 starts lowered the stage-2 objective on ~1 in 8 resamples. Stage 1 is the deterministic profiled fit
 * (12 E grid points + Brent here, 24 in the point fit).
 */
export const BOOTSTRAP_OPTIONS: Readonly<BootstrapSettings> = Object.freeze({
  resamples: 200,
  seed: 8,
  refitSeed: 1001,
  approach1Starts: 32,
  approach1Refine: 4,
  stage1EGrid: 12,
  approach2Starts: 4,
  keepDraws: 3,
});

/** Bootstrap of one approach of one scope. */
export interface ApproachBootstrap<C> {
  /** Resamples refitted successfully, and those that failed. */
  resamples: number;
  failures: number;
  /** 2.5th, 50th, 97.5th percentile of every constant (Approach 2: stage-1 E, A, B, α, β and θ0…θ4). */
  percentiles: Record<keyof C & string, Percentiles>;
  /** Constants of the first `keepDraws` resamples (null where the refit failed), for the CI replay. */
  firstDraws: (C | null)[];
}

/** Relative errors of the extrapolation test on one resample (./metrics.ts; a mean relative error is absent when null). */
export interface ExtrapolationErrors {
  approach1MeanRelativeError?: number;
  approach1RelativeErrorOfMean: number;
  approach2MeanRelativeError?: number;
  approach2RelativeErrorOfMean: number;
  /** Issue 16's report rule (./report.ts): mean relative error over the counted points only (absent when none count). */
  approach1ReportError?: number;
  approach2ReportError?: number;
}

export interface ScopeBootstrap {
  approach1: ApproachBootstrap<T2Approach1Constants>;
  approach2: ApproachBootstrap<T2Approach2Constants>;
  /** The extrapolation test's relative errors (absent when only the constants were bootstrapped). */
  extrapolation?: ApproachBootstrap<ExtrapolationErrors>;
}

/** Settings of the extrapolation bootstrap: those of `s` with the app's refit (warm start only for A1 and stage 2). */
export function extrapolationSettings(s: BootstrapSettings = BOOTSTRAP_OPTIONS): BootstrapSettings {
  return { ...s, approach1Starts: 0, approach2Starts: 0 };
}

function finite<C extends object>(c: C): C {
  if (!Object.values(c).every((v) => Number.isFinite(v)))
    throw new DomainError('bootstrap refit gave non-finite constants');
  return c;
}

/** Approach 1 refit of a resample: warm start at `best` vs fresh restarts, lower objective wins. */
export function refitApproach1(
  sample: readonly CheckpointRow[],
  best: T2Approach1Constants,
  s: BootstrapSettings,
  seed: number,
): T2Approach1Constants {
  const pts = approach1Points(sample);
  const warm = warmRefitT2Approach1(pts, best);
  let out: T2Approach1Constants = warm.constants;
  let value = Number.isFinite(warm.value) ? warm.value : Number.POSITIVE_INFINITY;
  if (s.approach1Starts > 0) {
    const fresh = fitT2Approach1(pts, { seed, starts: s.approach1Starts, refine: s.approach1Refine });
    if (fresh.objective < value) ({ constants: out, objective: value } = fresh);
  }
  if (!Number.isFinite(value)) throw new DomainError('bootstrap refit: Approach 1 objective not finite');
  return finite(floorE(out));
}

/** Approach 2 refit of a resample: stage 1 (Chinchilla) then stage 2 (θ), each warm-started at `best`. */
export function refitApproach2(
  sample: readonly CheckpointRow[],
  best: T2Approach2Constants,
  s: BootstrapSettings,
  seed: number,
): T2Approach2Constants {
  const bestStage1: ChinchillaConstants = { E: best.E, A: best.A, B: best.B, alpha: best.alpha, beta: best.beta };
  const s1 = fitChinchillaProfiled(stage1Points(sample), {
    eGrid: s.stage1EGrid,
    weights: FIT_OPTIONS.stage1Weights,
    initial: [bestStage1],
  }).constants;
  const pts = approach2Points(sample);
  const warm = warmRefitT2Approach2(pts, s1, best);
  let out: T2Approach2Constants = warm.constants;
  let value = Number.isFinite(warm.value) ? warm.value : Number.POSITIVE_INFINITY;
  if (s.approach2Starts > 0) {
    const fresh = fitT2Approach2(pts, s1, { seed, starts: s.approach2Starts });
    if (fresh.objective < value) ({ constants: out, objective: value } = fresh);
  }
  if (!Number.isFinite(value)) throw new DomainError('bootstrap refit: Approach 2 objective not finite');
  return finite(out);
}

/**
 * Bootstraps one approach with the domain's bootstrapFit. With `fitOnly` < resamples, only the first `fitOnly`
 * resamples are refitted (the others are drawn, so the PRNG advances identically, but not fitted): the CI replay.
 */
function bootstrapApproach<C extends object>(
  rows: readonly CheckpointRow[],
  refit: (sample: readonly CheckpointRow[], r: number) => C,
  s: BootstrapSettings,
  fitOnly = s.resamples,
): ApproachBootstrap<C> {
  const draws: (C | null)[] = [];
  const boot = bootstrapFit(
    rows,
    (sample, r) => {
      if (r >= fitOnly) return {};
      draws[r] = null;
      const c = refit(sample, r);
      draws[r] = c;
      return c as Record<string, number>;
    },
    { resamples: s.resamples, seed: s.seed, groupBy: (row) => row.id },
  );
  return {
    resamples: Math.min(fitOnly, s.resamples) - boot.failures,
    failures: boot.failures,
    percentiles: boot.percentiles as Record<keyof C & string, Percentiles>,
    firstDraws: draws.slice(0, Math.min(s.keepDraws, fitOnly)),
  };
}

/**
 * Bootstrap intervals of both approaches of one scope, warm-started at its full-data fit `fit` (from fitScope on the
 * same rows). Deterministic for given settings. With `fitOnly`, refits only the first resamples (see bootstrapApproach;
 * percentiles and counts then describe those only): used by CI to replay the shipped firstDraws cheaply.
 */
export function bootstrapScope(
  rows: readonly CheckpointRow[],
  fit: ScopeFit,
  s: BootstrapSettings = BOOTSTRAP_OPTIONS,
  fitOnly = s.resamples,
): ScopeBootstrap {
  return {
    approach1: bootstrapApproach(
      rows,
      (sample, r) => refitApproach1(sample, fit.approach1.constants, s, s.refitSeed + r),
      s,
      fitOnly,
    ),
    approach2: bootstrapApproach(
      rows,
      (sample, r) => refitApproach2(sample, fit.approach2.constants, s, s.refitSeed + r),
      s,
      fitOnly,
    ),
  };
}

/**
 * Bootstrap of the extrapolation test of one scope: resamples of the isoFLOP rows are refitted (both approaches,
 * warm-started at `trainFit`, the isoFLOP-only fit of extrapolationFit) and evaluated on the overtrained rows, which
 * stay fixed. Percentiles of the relative errors (as ExtrapolationTest's approach1/approach2 metrics, every k).
 */
export function bootstrapExtrapolation(
  rows: readonly CheckpointRow[],
  trainFit: ScopeFit,
  s: BootstrapSettings = extrapolationSettings(),
  fitOnly = s.resamples,
): ApproachBootstrap<ExtrapolationErrors> {
  const { train, test } = extrapolationSplit(rows);
  const obs1 = test.flatMap((r) => r.nllAtK);
  const obs2 = test.flatMap((r) => r.passAtK);
  return bootstrapApproach(
    train,
    (sample, r) => {
      const c1 = refitApproach1(sample, trainFit.approach1.constants, s, s.refitSeed + r);
      const c2 = refitApproach2(sample, trainFit.approach2.constants, s, s.refitSeed + r);
      const p1 = predictApproach1(c1, test);
      const p2 = predictApproach2(c2, test);
      if (![...p1, ...p2].every(Number.isFinite)) throw new DomainError('bootstrap refit: non-finite extrapolation');
      const m1 = fitMetrics(obs1, p1, NLL_FLOOR);
      const m2 = fitMetrics(obs2, p2, ACCURACY_FLOOR);
      const r1 = countedError(obs1, p1, (o) => o >= REPORT_NLL_MIN);
      const r2 = countedError(obs2, p2, (o) => o >= REPORT_ACCURACY_BAND[0] && o <= REPORT_ACCURACY_BAND[1]);
      return {
        ...(m1.meanRelativeError === null ? {} : { approach1MeanRelativeError: m1.meanRelativeError }),
        approach1RelativeErrorOfMean: m1.relativeErrorOfMean,
        ...(m2.meanRelativeError === null ? {} : { approach2MeanRelativeError: m2.meanRelativeError }),
        approach2RelativeErrorOfMean: m2.relativeErrorOfMean,
        ...(r1 === null ? {} : { approach1ReportError: r1 }),
        ...(r2 === null ? {} : { approach2ReportError: r2 }),
      };
    },
    s,
    fitOnly,
  );
}
