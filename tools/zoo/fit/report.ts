/**
 * The extrapolation report of the testbed (issue 16 item 3), pure. Roberts et al. 2026 fit their laws on the
 * Chinchilla (isoFLOP) suite and predict overtrained checkpoints; this report does the same and adds what makes the
 * number mean something:
 * - Only informative points count: Approach 1 (NLL target at each k) where the observed value is ≥ 1 nat, Approach 2
 *   (pass@k) where the observed accuracy lies in [0.05, 0.95]. A solved task (NLL ≈ 0, pass@k ≈ 1) or one at chance
 *   makes any relative error meaningless (tiny denominators, or a ceiling every predictor reaches).
 * - A baseline beside the law: each overtrained checkpoint predicted by the same-size model at its largest isoFLOP D
 *   (the mean over seeds of that cell, at the same k). A law that does not beat "nothing changes beyond the grid" has
 *   not extrapolated anything.
 * - 95 % bootstrap intervals over the overtrained checkpoints (whole checkpoints, all k together, resampled with
 *   replacement; predictions fixed): of the law's error, the baseline's, and the paired difference law − baseline.
 * - The direction: bias = (Σ pred − Σ obs)/Σ obs over the counted points (> 0: the law overestimates) and the share
 *   of counted points it overestimates.
 * Every counted point (checkpoint id, k, observed, law prediction, baseline) is returned so the figures can be
 * recomputed from the manifest alone.
 */
import { createRng } from '../../../src/domain/random';
import { percentile, type Percentiles } from '../../../src/domain/fit/bootstrap';
import type { CheckpointRow } from './targets';

/** Approach 1 points count where the observed NLL target is at least this many nats. */
export const REPORT_NLL_MIN = 1;
/** Approach 2 points count where the observed accuracy lies in this closed band. */
export const REPORT_ACCURACY_BAND: readonly [number, number] = [0.05, 0.95];
/** Resamples and seed of the test-point bootstrap. */
export const REPORT_BOOTSTRAP: Readonly<{ resamples: number; seed: number }> = Object.freeze({
  resamples: 2000,
  seed: 16,
});

/** One counted point: an overtrained checkpoint at one k. */
export interface ReportPoint {
  id: string;
  params: number;
  tokens: number;
  k: number;
  observed: number;
  law: number;
  baseline: number;
}

/** Errors of one predictor over the counted points. */
export interface PredictorErrors {
  /** Mean |pred − obs|/obs over the counted points. */
  meanRelativeError: number;
  /** 95 % interval (2.5th, 50th, 97.5th percentiles) of meanRelativeError over test-checkpoint resamples. */
  interval: Percentiles;
  /** (Σ pred − Σ obs)/Σ obs over the counted points: > 0 overestimates. */
  bias: number;
  /** Share of counted points the predictor overestimates. */
  overestimatedShare: number;
  direction: 'overestimates' | 'underestimates' | 'exact';
}

/** The report of one approach on one scope. */
export interface ApproachReport {
  /** Which points count (human-readable rule). */
  rule: string;
  /** Overtrained (checkpoint, k) points in total and counted. */
  pointsTotal: number;
  pointsCounted: number;
  checkpointsCounted: number;
  law: PredictorErrors | null;
  baseline: PredictorErrors | null;
  /** law − baseline mean relative error: point value and 95 % interval (paired resamples); < 0: the law is better. */
  lawMinusBaseline: { value: number; interval: Percentiles } | null;
  /** Whether the law's error is below the baseline's over the counted points. */
  beatsBaseline: boolean | null;
  points: ReportPoint[];
}

const round = (v: number, d = 6): number => Number(v.toPrecision(d));

/**
 * The baseline row values: per overtrained row, the mean over seeds of the same size's largest-D isoFLOP rows; null
 * for a row whose size has no isoFLOP checkpoint (that row then stays out of the report, listed in withoutBaseline).
 */
export function baselineRows(
  train: readonly CheckpointRow[],
  test: readonly CheckpointRow[],
): ({ nllAtK: number[]; passAtK: number[]; from: string[] } | null)[] {
  return test.map((r) => {
    const same = train.filter((t) => t.params === r.params);
    if (same.length === 0) return null;
    const dMax = Math.max(...same.map((t) => t.tokens));
    const cell = same.filter((t) => t.tokens === dMax);
    const mean = (f: (t: CheckpointRow) => number[]) =>
      r.ks.map((_, j) => cell.reduce((s, t) => s + f(t)[j]!, 0) / cell.length);
    return { nllAtK: mean((t) => t.nllAtK), passAtK: mean((t) => t.passAtK), from: cell.map((t) => t.id) };
  });
}

function errorsOf(points: readonly ReportPoint[], pick: (p: ReportPoint) => number): Omit<PredictorErrors, 'interval'> {
  let rel = 0,
    sp = 0,
    so = 0,
    over = 0;
  for (const p of points) {
    const v = pick(p);
    rel += Math.abs(v - p.observed) / p.observed;
    sp += v;
    so += p.observed;
    if (v > p.observed) over++;
  }
  const bias = (sp - so) / so;
  return {
    meanRelativeError: round(rel / points.length),
    bias: round(bias),
    overestimatedShare: round(over / points.length),
    direction: bias > 0 ? 'overestimates' : bias < 0 ? 'underestimates' : 'exact',
  };
}

const meanRel = (points: readonly ReportPoint[], pick: (p: ReportPoint) => number) =>
  points.reduce((s, p) => s + Math.abs(pick(p) - p.observed) / p.observed, 0) / points.length;

const pcts = (v: number[]): Percentiles => {
  v.sort((a, b) => a - b);
  return { p2_5: round(percentile(v, 0.025)), p50: round(percentile(v, 0.5)), p97_5: round(percentile(v, 0.975)) };
};

/**
 * The report of one approach: `observed`, `law` and `baseline` give each test row's values per k (same order as
 * row.ks); `counts` says whether an observed value is informative.
 */
export function approachReport(
  test: readonly CheckpointRow[],
  observed: (r: CheckpointRow) => number[],
  law: (r: CheckpointRow, i: number) => number[],
  baseline: (i: number) => number[],
  counts: (obs: number) => boolean,
  rule: string,
  boot = REPORT_BOOTSTRAP,
): ApproachReport {
  const byCheckpoint: ReportPoint[][] = test.map((r, i) => {
    const o = observed(r),
      l = law(r, i),
      b = baseline(i);
    return r.ks.flatMap((k, j) =>
      counts(o[j]!)
        ? [
            {
              id: r.id,
              params: r.params,
              tokens: r.tokens,
              k,
              observed: round(o[j]!),
              law: round(l[j]!),
              baseline: round(b[j]!),
            },
          ]
        : [],
    );
  });
  const points = byCheckpoint.flat();
  const pointsTotal = test.reduce((s, r) => s + r.ks.length, 0);
  const withPoints = byCheckpoint.filter((p) => p.length > 0);
  if (points.length === 0) {
    return {
      rule,
      pointsTotal,
      pointsCounted: 0,
      checkpointsCounted: 0,
      law: null,
      baseline: null,
      lawMinusBaseline: null,
      beatsBaseline: null,
      points,
    };
  }
  const rng = createRng(boot.seed);
  const lawB: number[] = [],
    baseB: number[] = [],
    diffB: number[] = [];
  for (let b = 0; b < boot.resamples; b++) {
    const sample: ReportPoint[] = [];
    for (let i = 0; i < withPoints.length; i++) sample.push(...withPoints[rng.int(withPoints.length)]!);
    const l = meanRel(sample, (p) => p.law),
      s = meanRel(sample, (p) => p.baseline);
    lawB.push(l);
    baseB.push(s);
    diffB.push(l - s);
  }
  const lawE = { ...errorsOf(points, (p) => p.law), interval: pcts(lawB) };
  const baseE = { ...errorsOf(points, (p) => p.baseline), interval: pcts(baseB) };
  return {
    rule,
    pointsTotal,
    pointsCounted: points.length,
    checkpointsCounted: withPoints.length,
    law: lawE,
    baseline: baseE,
    lawMinusBaseline: { value: round(lawE.meanRelativeError - baseE.meanRelativeError), interval: pcts(diffB) },
    beatsBaseline: lawE.meanRelativeError < baseE.meanRelativeError,
    points,
  };
}

/** The report of one scope: both approaches, given the law's predictions of every test row at every k. */
export interface ScopeReport {
  fittedOn: number;
  predicted: number;
  /** Overtrained checkpoints left out: their size has no isoFLOP checkpoint, so there is no same-size baseline. */
  withoutBaseline: string[];
  baselineFrom: Record<string, string[]>;
  /** Targets of every overtrained and baseline checkpoint (per k, row.ks order), so the report can be recomputed. */
  targets: Record<
    string,
    { params: number; tokens: number; suite: string; ks: number[]; nllAtK: number[]; passAtK: number[] }
  >;
  /** The isoFLOP-only fit the law predictions come from (set by run.ts extrapolationFit). */
  lawConstants?: { approach1: unknown; approach2: unknown };
  approach1: ApproachReport;
  approach2: ApproachReport;
}

export function scopeReport(
  train: readonly CheckpointRow[],
  allTest: readonly CheckpointRow[],
  allPred1: readonly number[],
  allPred2: readonly number[],
  boot = REPORT_BOOTSTRAP,
): ScopeReport {
  const allBase = baselineRows(train, allTest);
  const offsets = allTest.map((_, i) => allTest.slice(0, i).reduce((s, t) => s + t.ks.length, 0));
  const keep = allTest.map((_, i) => i).filter((i) => allBase[i] !== null);
  const withoutBaseline = allTest.filter((_, i) => allBase[i] === null).map((r) => r.id);
  const base = keep.map((i) => allBase[i]!);
  const slice = (flat: readonly number[]) =>
    keep.flatMap((i) => flat.slice(offsets[i], offsets[i]! + allTest[i]!.ks.length));
  const pred1 = slice(allPred1);
  const pred2 = slice(allPred2);
  const test = keep.map((i) => allTest[i]!);
  const at = (flat: readonly number[]) => (r: CheckpointRow, i: number) => {
    const off = test.slice(0, i).reduce((s, t) => s + t.ks.length, 0);
    return flat.slice(off, off + r.ks.length);
  };
  const [lo, hi] = REPORT_ACCURACY_BAND;
  const involved = new Set([...test.map((r) => r.id), ...base.flatMap((b) => b.from)]);
  const targets = Object.fromEntries(
    [...train, ...test]
      .filter((r) => involved.has(r.id))
      .map((r) => [
        r.id,
        {
          params: r.params,
          tokens: r.tokens,
          suite: r.suite,
          ks: r.ks,
          nllAtK: r.nllAtK.map((v) => round(v)),
          passAtK: r.passAtK.map((v) => round(v)),
        },
      ]),
  );
  return {
    fittedOn: train.length,
    predicted: test.length,
    withoutBaseline,
    baselineFrom: Object.fromEntries(test.map((r, i) => [r.id, base[i]!.from])),
    targets,
    approach1: approachReport(
      test,
      (r) => r.nllAtK,
      at(pred1),
      (i) => base[i]!.nllAtK,
      (o) => o >= REPORT_NLL_MIN,
      `observed NLL target ≥ ${REPORT_NLL_MIN} nat`,
      boot,
    ),
    approach2: approachReport(
      test,
      (r) => r.passAtK,
      at(pred2),
      (i) => base[i]!.passAtK,
      (o) => o >= lo && o <= hi,
      `observed pass@k in [${lo}, ${hi}]`,
      boot,
    ),
  };
}
