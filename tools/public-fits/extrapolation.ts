/**
 * The T² paper's extrapolation test on public runs (Roberts et al. 2026, arXiv:2604.01411; laws.md §8), plus the
 * trivial baseline the issue asks for: fit stage 1 (loss) and μ (accuracy at k = 1) on one subset of runs, predict the
 * held-out runs, and score
 * - the mean relative error |pred − obs|/obs of loss (the Approach 1 k = 1 slice = stage 1) and of accuracy (μ at
 *   k = 1 against measured accuracy; only held-out runs with accuracy in [0.05, 0.95] are scored, off the floor and
 *   the ceiling), its signed mean (positive = over-estimate) and the share over-estimated;
 * - the same for the baseline: each held-out run predicted by the fitted run of the same N with the largest D (its
 *   loss and accuracy unchanged); where no fitted run has that N (a hold-out of the largest sizes), by the fitted run
 *   of the largest fitted N with the nearest D/N (the report says which);
 * - 95 % bootstrap intervals: resample the fitted runs and the held-out runs, whole runs with replacement, refit
 *   (warm-started at the split's fit) and rescore; percentiles of the fit's error, the baseline's and their difference.
 */
import { percentile } from '../../src/domain/fit/bootstrap';
import type { MuConstants } from '../../src/domain/fit/fit-mu';
import { createRng } from '../../src/domain/random';
import type { ChinchillaConstants } from '../../src/domain/constants-types';
import { chinchillaLoss, fitStage1, fitStage2, predictAccuracy, warmStage1, type RunPoint } from './fits';

/** The paper's extrapolation errors (laws.md §2): Approach 1 on NLL, Approach 2 on accuracy; both over-estimate. */
export const PAPER_ERRORS = { approach1Nll: 0.028, approach2Accuracy: 0.084, direction: 'both over-estimate' } as const;

/** Accuracy is scored only inside this band (laws.md §8). */
export const SCORED_ACCURACY: readonly [number, number] = [0.05, 0.95];

/** One split: which runs are fitted, which are predicted. */
export interface Split {
  id: string;
  label: string;
  fit: (r: RunPoint) => boolean;
  test: (r: RunPoint) => boolean;
}

/** Scores of predictions against observations. */
export interface Score {
  n: number;
  /** mean |pred − obs|/obs. */
  meanRelativeError: number;
  /** mean (pred − obs)/obs: > 0 over-estimates on average. */
  signedMeanRelativeError: number;
  overestimatedShare: number;
}

export function score(obs: readonly number[], pred: readonly number[]): Score | null {
  if (obs.length === 0) return null;
  let abs = 0,
    signed = 0,
    over = 0;
  obs.forEach((o, i) => {
    const e = (pred[i]! - o) / o;
    abs += Math.abs(e);
    signed += e;
    if (e > 0) over++;
  });
  return {
    n: obs.length,
    meanRelativeError: abs / obs.length,
    signedMeanRelativeError: signed / obs.length,
    overestimatedShare: over / obs.length,
  };
}

/** The baseline's predictor of a held-out run: same N with the largest fitted D, else largest fitted N at nearest D/N. */
export function baselineRun(fitted: readonly RunPoint[], r: RunPoint): { run: RunPoint; sameSize: boolean } {
  const same = fitted.filter((f) => f.params === r.params);
  if (same.length > 0) return { run: same.reduce((a, b) => (b.tokens > a.tokens ? b : a)), sameSize: true };
  const nMax = fitted.reduce((m, f) => Math.max(m, f.params), 0);
  const ratio = (x: RunPoint) => Math.abs(Math.log(x.tokens / x.params) - Math.log(r.tokens / r.params));
  const largest = fitted.filter((f) => f.params === nMax);
  return { run: largest.reduce((a, b) => (ratio(b) < ratio(a) ? b : a)), sameSize: false };
}

export interface SplitFit {
  stage1: ChinchillaConstants;
  mu: MuConstants | null;
}

/** Scores of one fit (and the baseline) on held-out runs. */
export interface SplitScores {
  loss: { fit: Score | null; baseline: Score | null };
  accuracy: { fit: Score | null; baseline: Score | null };
}

const inBand = (a: number | undefined) => a !== undefined && a >= SCORED_ACCURACY[0] && a <= SCORED_ACCURACY[1];

export function scoreSplit(fitted: readonly RunPoint[], held: readonly RunPoint[], f: SplitFit): SplitScores {
  const base = held.map((r) => baselineRun(fitted, r).run);
  const loss = {
    fit: score(
      held.map((r) => r.loss),
      held.map((r) => chinchillaLoss(f.stage1, r.params, r.tokens)),
    ),
    baseline: score(
      held.map((r) => r.loss),
      base.map((b) => b.loss),
    ),
  };
  const idx = held.map((r, i) => [r, i] as const).filter(([r]) => inBand(r.accuracy));
  const mu = f.mu;
  const accuracy =
    mu && idx.length > 0
      ? {
          fit: score(
            idx.map(([r]) => r.accuracy!),
            idx.map(([r]) => predictAccuracy(f.stage1, mu, r)),
          ),
          baseline: score(
            idx.map(([r]) => r.accuracy!),
            idx.map(([, i]) => base[i]!.accuracy!),
          ),
        }
      : { fit: null, baseline: null };
  return { loss, accuracy };
}

export interface Interval {
  p2_5: number;
  p50: number;
  p97_5: number;
}
const interval = (v: number[]): Interval | null => {
  if (v.length === 0) return null;
  const s = Float64Array.from(v).sort();
  return { p2_5: percentile(s, 0.025), p50: percentile(s, 0.5), p97_5: percentile(s, 0.975) };
};

/** Result of one split: its fit, held-out runs, scores, and bootstrap intervals of the errors. */
export interface SplitResult {
  id: string;
  label: string;
  fittedRuns: number;
  heldOutRuns: string[];
  /** Held-out runs whose baseline had no same-size fitted run (predicted by the largest fitted size instead). */
  baselineFromOtherSize: string[];
  scoredAccuracyRuns: number;
  fit: SplitFit;
  scores: SplitScores;
  bootstrap: {
    resamples: number;
    /** Resamples whose stage-1 refit left the finite numbers (skipped; ./fits.ts warmStage1). */
    failures: number;
    /** Percentiles of the mean relative errors of the fit, of the baseline and of fit − baseline (negative = fit better). */
    loss: { fit: Interval | null; baseline: Interval | null; difference: Interval | null };
    accuracy: { fit: Interval | null; baseline: Interval | null; difference: Interval | null };
    /** Share of resamples in which the fit's error is below the baseline's. */
    fitBeatsBaselineShare: { loss: number | null; accuracy: number | null };
    /** The first draws' errors [loss fit, loss baseline, accuracy fit, accuracy baseline] (null when not scored; [] for a failed draw), for the CI replay. */
    firstDraws: (number | null)[][];
  };
}

/** Fit stage 1 (and μ when `floor` is not null and runs carry accuracies) on `fitted`. */
export function fitSplit(fitted: readonly RunPoint[], floor: number | null): SplitFit {
  const stage1 = fitStage1(fitted);
  return { stage1, mu: floor === null ? null : fitStage2(fitted, stage1, floor) };
}

/** One bootstrap draw of a split: resampled fitted and held-out runs, warm refit, scores. */
export function splitDraw(
  fitted: readonly RunPoint[],
  held: readonly RunPoint[],
  f: SplitFit,
  floor: number | null,
  rng: ReturnType<typeof createRng>,
): SplitScores | null {
  const fs = fitted.map(() => fitted[rng.int(fitted.length)]!);
  const hs = held.map(() => held[rng.int(held.length)]!);
  const stage1 = warmStage1(fs, f.stage1);
  if (stage1 === null) return null;
  const mu = floor === null || f.mu === null ? null : fitStage2(fs, stage1, floor, f.mu);
  return scoreSplit(fitted, hs, { stage1, mu });
}

export const FIRST_DRAWS = 3;

/** Runs one split with its bootstrap (seeded). */
export function runSplit(
  runs: readonly RunPoint[],
  split: Split,
  floor: number | null,
  resamples: number,
  seed: number,
): SplitResult {
  const fitted = runs.filter(split.fit),
    held = runs.filter(split.test);
  if (fitted.length < 5 || held.length < 1)
    throw new Error(`split ${split.id}: ${fitted.length} fitted and ${held.length} held-out runs`);
  const f = fitSplit(fitted, floor);
  const scores = scoreSplit(fitted, held, f);
  const rng = createRng(seed);
  const acc = {
    lf: [] as number[],
    lb: [] as number[],
    ld: [] as number[],
    af: [] as number[],
    ab: [] as number[],
    ad: [] as number[],
  };
  const firstDraws: (number | null)[][] = [];
  let failures = 0;
  for (let i = 0; i < resamples; i++) {
    const s = splitDraw(fitted, held, f, floor, rng);
    if (s === null) {
      failures++;
      if (i < FIRST_DRAWS) firstDraws.push([]);
      continue;
    }
    const lf = s.loss.fit?.meanRelativeError ?? null,
      lb = s.loss.baseline?.meanRelativeError ?? null;
    const af = s.accuracy.fit?.meanRelativeError ?? null,
      ab = s.accuracy.baseline?.meanRelativeError ?? null;
    if (lf !== null && lb !== null) {
      acc.lf.push(lf);
      acc.lb.push(lb);
      acc.ld.push(lf - lb);
    }
    if (af !== null && ab !== null) {
      acc.af.push(af);
      acc.ab.push(ab);
      acc.ad.push(af - ab);
    }
    if (i < FIRST_DRAWS) firstDraws.push([lf, lb, af, ab]);
  }
  const share = (d: number[]) => (d.length ? d.filter((v) => v < 0).length / d.length : null);
  return {
    id: split.id,
    label: split.label,
    fittedRuns: fitted.length,
    heldOutRuns: held.map((r) => r.id),
    baselineFromOtherSize: held.filter((r) => !baselineRun(fitted, r).sameSize).map((r) => r.id),
    scoredAccuracyRuns: held.filter((r) => inBand(r.accuracy)).length,
    fit: f,
    scores,
    bootstrap: {
      resamples,
      failures,
      loss: { fit: interval(acc.lf), baseline: interval(acc.lb), difference: interval(acc.ld) },
      accuracy: { fit: interval(acc.af), baseline: interval(acc.ab), difference: interval(acc.ad) },
      fitBeatsBaselineShare: { loss: share(acc.ld), accuracy: share(acc.ad) },
      firstDraws,
    },
  };
}

/** The three splits of the issue: D/N ≤ 40 → ≥ 80, D/N ≤ 20 → ≥ 40, and all but the `largest` largest sizes → those. */
export function standardSplits(runs: readonly RunPoint[], largest = 2): Split[] {
  const ratio = (r: RunPoint) => r.tokens / r.params;
  const sizes = [...new Set(runs.map((r) => r.params))].sort((a, b) => a - b);
  const cut = sizes[sizes.length - largest - 1]!;
  const tol = 1 + 1e-6;
  return [
    {
      id: 'dn40-to-80',
      label: 'fit D/N ≤ 40, predict D/N ≥ 80',
      fit: (r) => ratio(r) <= 40 * tol,
      test: (r) => ratio(r) >= 80 / tol,
    },
    {
      id: 'dn20-to-40',
      label: 'fit D/N ≤ 20, predict D/N ≥ 40',
      fit: (r) => ratio(r) <= 20 * tol,
      test: (r) => ratio(r) >= 40 / tol,
    },
    {
      id: `largest-${largest}-sizes`,
      label: `fit N ≤ ${cut.toExponential(2).replace('e+', 'e')}, predict the ${largest} largest sizes`,
      fit: (r) => r.params <= cut,
      test: (r) => r.params > cut,
    },
  ];
}
