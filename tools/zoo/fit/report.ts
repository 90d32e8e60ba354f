/**
 * The honest extrapolation report (issue 16, items 3 and 4), pure: from one scope's checkpoint rows (./targets.ts)
 * and the constants of its isoFLOP-only fit (./run.ts extrapolationFit) to relative errors at the overtrained
 * checkpoints, counted only where the observation is informative, beside a same-size baseline, with bootstrap
 * intervals and the direction of the error; plus the sampling gain pass@64 − pass@1 per checkpoint.
 *
 * Rules (decided in issue 16, not the paper's code):
 * - Approach 1 (NLL target at each k, nats) counts a point (checkpoint, k) only where the observed NLL ≥ 1 nat
 *   (REPORT_RULES.nllMin): below that a task is solved and a relative error of a tiny NLL measures nothing.
 * - Approach 2 (measured pass@k) counts a point only where the observed accuracy is in [0.05, 0.95].
 * - Relative error = mean over counted points of |pred − obs|/obs; bias = (Σpred − Σobs)/Σobs over the counted points
 *   (> 0: overestimate); both null when no point is counted.
 * - Baseline: each overtrained checkpoint is predicted by the same-size model at that size's largest isoFLOP D
 *   (the mean of the isoFLOP checkpoints of that N and D — both seeds), at the same k; scored on the same points.
 * - Bootstrap: the overtrained checkpoints are resampled with replacement (whole checkpoints, all k together; the
 *   fitted constants and the baseline checkpoints stay fixed, so the interval is that of the test set, not of the
 *   fit); REPORT_RULES.resamples draws from createRng(REPORT_RULES.seed); 2.5/50/97.5 percentiles of each error and
 *   the share of resamples in which the law's error is below the baseline's (resamples with no counted point are
 *   left out and counted).
 */
import { percentile } from '../../../src/domain/fit/bootstrap';
import { createRng } from '../../../src/domain/random';
import type { T2Approach1Constants, T2Approach2Constants } from '../../../src/domain/constants-types';
import { predictApproach1, predictApproach2 } from './run';
import type { CheckpointRow } from './targets';

/** Counting rules, baseline and bootstrap settings of the report. */
export const REPORT_RULES = { nllMin: 1, accuracyRange: [0.05, 0.95] as [number, number], resamples: 2000, seed: 16, gainMin: 0.2, chancePassAt1: 0.02 } as const;

const round = (v: number, digits = 6): number => Number(v.toPrecision(digits));

/** One counted-or-not point of an approach: k, observed, law's prediction, baseline's prediction. */
export interface ReportPoint { k: number; obs: number; pred: number; baseline: number; counted: boolean }

/** One overtrained checkpoint with its baseline and its points for both approaches. */
export interface ReportCheckpoint {
  id: string; params: number; tokens: number; baselineIds: string[]; baselineTokens: number;
  approach1: ReportPoint[]; approach2: ReportPoint[];
}

/** Relative error and bias over the counted points (null when none). */
export interface ErrorSummary { counted: number; of: number; meanRelativeError: number | null; bias: number | null; overestimatedShare: number | null }

export interface Interval { p2_5: number; p50: number; p97_5: number }

/** One approach's errors, the baseline's, and their bootstrap intervals. */
export interface ApproachReport {
  law: ErrorSummary; baseline: ErrorSummary;
  /** 'over' | 'under' from the sign of the law's bias; null without counted points. */
  direction: 'over' | 'under' | null;
  beatsBaseline: boolean | null;
  bootstrap: { resamples: number; empty: number; law: Interval | null; baseline: Interval | null; lawBelowBaselineShare: number | null };
}

/** One scope's report; `constants` = the isoFLOP-only fit that made the predictions (laws.md §2, t2Loss / t2Accuracy). */
export interface ScopeReport {
  constants: { approach1: T2Approach1Constants; approach2: T2Approach2Constants };
  checkpoints: ReportCheckpoint[]; approach1: ApproachReport; approach2: ApproachReport;
  /** Sampling gains of every checkpoint (task scopes only). */
  samplingGains?: GainRow[];
}

/** The baseline rows of an overtrained row: the isoFLOP rows of the same N at their largest D. */
export function baselineRows(row: CheckpointRow, rows: readonly CheckpointRow[]): CheckpointRow[] {
  const same = rows.filter((r) => r.suite === 'isoflop' && r.params === row.params);
  if (same.length === 0) throw new Error(`report: no isoflop checkpoint of size ${row.params} for the baseline of ${row.id}`);
  const dMax = Math.max(...same.map((r) => r.tokens));
  return same.filter((r) => r.tokens === dMax);
}

/** Errors over the counted points of the given checkpoints' points (`pick` chooses law or baseline). */
export function summarise(points: readonly ReportPoint[], pick: 'pred' | 'baseline'): ErrorSummary {
  const c = points.filter((p) => p.counted);
  if (c.length === 0) return { counted: 0, of: points.length, meanRelativeError: null, bias: null, overestimatedShare: null };
  let rel = 0, sp = 0, so = 0, over = 0;
  for (const p of c) {
    const v = p[pick];
    rel += Math.abs(v - p.obs) / p.obs;
    sp += v;
    so += p.obs;
    if (v > p.obs) over++;
  }
  return { counted: c.length, of: points.length, meanRelativeError: round(rel / c.length), bias: round((sp - so) / so), overestimatedShare: round(over / c.length) };
}

const relErr = (points: readonly ReportPoint[], pick: 'pred' | 'baseline'): number | null => {
  let s = 0, n = 0;
  for (const p of points) if (p.counted) { s += Math.abs(p[pick] - p.obs) / p.obs; n++; }
  return n ? s / n : null;
};

function approachReport(cps: readonly ReportCheckpoint[], which: 'approach1' | 'approach2'): ApproachReport {
  const all = cps.flatMap((c) => c[which]);
  const law = summarise(all, 'pred');
  const baseline = summarise(all, 'baseline');
  const rng = createRng(REPORT_RULES.seed);
  const lawDraws: number[] = [], baseDraws: number[] = [];
  let empty = 0, below = 0;
  for (let r = 0; r < REPORT_RULES.resamples; r++) {
    const pts: ReportPoint[] = [];
    for (let i = 0; i < cps.length; i++) pts.push(...cps[rng.int(cps.length)]![which]);
    const l = relErr(pts, 'pred'), b = relErr(pts, 'baseline');
    if (l === null || b === null) { empty++; continue; }
    lawDraws.push(l);
    baseDraws.push(b);
    if (l < b) below++;
  }
  const interval = (v: number[]): Interval | null => {
    if (v.length === 0) return null;
    const s = Float64Array.from(v).sort();
    return { p2_5: round(percentile(s, 0.025)), p50: round(percentile(s, 0.5)), p97_5: round(percentile(s, 0.975)) };
  };
  return {
    law, baseline,
    direction: law.bias === null ? null : law.bias > 0 ? 'over' : 'under',
    beatsBaseline: law.meanRelativeError === null ? null : law.meanRelativeError < baseline.meanRelativeError!,
    bootstrap: { resamples: REPORT_RULES.resamples, empty, law: interval(lawDraws), baseline: interval(baseDraws), lawBelowBaselineShare: lawDraws.length ? round(below / lawDraws.length) : null },
  };
}

/**
 * The report of one scope: `rows` = all checkpoints of the scope (isoFLOP and overtrained), `a1`/`a2` = the constants
 * fitted on its isoFLOP rows only. Observations, predictions and baselines are rounded to 6 significant digits (the
 * errors are computed from the rounded values, so they can be recomputed from the shipped points alone).
 */
export function scopeReport(rows: readonly CheckpointRow[], a1: T2Approach1Constants, a2: T2Approach2Constants): ScopeReport {
  const test = rows.filter((r) => r.suite === 'overtrained');
  if (test.length === 0) throw new Error('report: no overtrained checkpoints');
  const [lo, hi] = REPORT_RULES.accuracyRange;
  const checkpoints = test.map((row): ReportCheckpoint => {
    const base = baselineRows(row, rows);
    const mean = (f: (r: CheckpointRow) => number) => base.reduce((s, r) => s + f(r), 0) / base.length;
    const p1 = predictApproach1(a1, [row]);
    const p2 = predictApproach2(a2, [row]);
    return {
      id: row.id, params: row.params, tokens: row.tokens, baselineIds: base.map((r) => r.id), baselineTokens: base[0]!.tokens,
      approach1: row.ks.map((k, j) => {
        const obs = round(row.nllAtK[j]!);
        return { k, obs, pred: round(p1[j]!), baseline: round(mean((r) => r.nllAtK[j]!)), counted: obs >= REPORT_RULES.nllMin };
      }),
      approach2: row.ks.map((k, j) => {
        const obs = round(row.passAtK[j]!);
        return { k, obs, pred: round(p2[j]!), baseline: round(mean((r) => r.passAtK[j]!)), counted: obs >= lo && obs <= hi };
      }),
    };
  });
  return { constants: { approach1: a1, approach2: a2 }, checkpoints, approach1: approachReport(checkpoints, 'approach1'), approach2: approachReport(checkpoints, 'approach2') };
}

/** Sampling gain of one checkpoint on one task. */
export interface GainRow { id: string; suite: string; passAt1: number; passAt64: number; gain: number }

/** Sampling gain pass@kmax − pass@1 per checkpoint of a task scope (rows in manifest order). */
export function samplingGains(rows: readonly CheckpointRow[]): GainRow[] {
  return rows.map((r) => {
    const p1 = r.passAtK[r.ks.indexOf(1)], pk = r.passAtK[r.ks.length - 1];
    if (p1 === undefined || pk === undefined) throw new Error(`report: ${r.id} has no pass@1`);
    return { id: r.id, suite: r.suite, passAt1: round(p1), passAt64: round(pk), gain: round(pk - p1) };
  });
}

/**
 * The sampling-gain target (issue 4/16): share of checkpoints with pass@64 − pass@1 ≥ 0.2, per task and on some task,
 * with how many of those sit at chance (pass@1 < 0.02 on that task).
 */
export function samplingGainSummary(byTask: Record<string, GainRow[]>) {
  const tasks = Object.keys(byTask);
  const n = byTask[tasks[0]!]!.length;
  const hit = (g: GainRow) => g.gain >= REPORT_RULES.gainMin;
  const perTask = Object.fromEntries(tasks.map((t) => {
    const g = byTask[t]!;
    const hits = g.filter(hit);
    return [t, { checkpoints: g.length, atLeast: hits.length, share: round(hits.length / g.length), atChance: hits.filter((x) => x.passAt1 < REPORT_RULES.chancePassAt1).length, maxGain: round(Math.max(...g.map((x) => x.gain))) }];
  }));
  let some = 0, someAboveChance = 0;
  for (let i = 0; i < n; i++) {
    const gs = tasks.map((t) => byTask[t]![i]!);
    if (gs.some(hit)) some++;
    if (gs.some((g) => hit(g) && g.passAt1 >= REPORT_RULES.chancePassAt1)) someAboveChance++;
  }
  return { rule: `pass@64 − pass@1 ≥ ${REPORT_RULES.gainMin}; atChance = pass@1 < ${REPORT_RULES.chancePassAt1} on that task`, target: 'on ≥ 1/3 of the checkpoints, on some task', checkpoints: n,
    someTask: { atLeast: some, share: round(some / n) }, someTaskAboveChance: { atLeast: someAboveChance, share: round(someAboveChance / n) }, perTask };
}

/** The manifest's `fits.extrapolationReport`: rules, per-scope reports (macro first) and the sampling-gain target. */
export function reportBlock(results: readonly { scope: string; report?: ScopeReport }[]): Record<string, unknown> {
  const gains: Record<string, GainRow[]> = {};
  for (const r of results) if (r.report?.samplingGains) gains[r.scope] = r.report.samplingGains;
  return {
    createdBy: 'tools/zoo/fit/report.ts (issue 16 items 3 and 4)',
    rules: {
      ...REPORT_RULES,
      approach1: 'NLL target mean_i −log(1 − (1 − p_i)^k) at each k; a point counts where obs ≥ nllMin nats',
      approach2: 'measured pass@k; a point counts where obs ∈ accuracyRange',
      relativeError: 'mean |pred − obs|/obs over counted points; bias = (Σpred − Σobs)/Σobs over counted points (> 0: overestimate)',
      baseline: 'each overtrained checkpoint predicted by the mean of the isoflop checkpoints of the same N at that N\'s largest isoflop D (both seeds), same k',
      bootstrap: 'overtrained checkpoints resampled with replacement (whole checkpoints, all k), constants and baselines fixed; createRng(seed), resamples draws',
      predictions: 'constants = the fit on the isoflop checkpoints only (tools/zoo/fit/run.ts extrapolationFit, FIT_OPTIONS)',
    },
    byScope: Object.fromEntries(results.filter((r) => r.report).map(({ scope, report }) => {
      const { samplingGains: _g, ...rest } = report!;
      return [scope, rest];
    })),
    macroOfTasks: macroOfTasks(results.filter((r) => r.report?.samplingGains)),
    samplingGain: Object.keys(gains).length ? { ...samplingGainSummary(gains), byTask: gains } : null,
  };
}

/**
 * The macro of the per-task reports: the mean over tasks of each task's relative error (law and baseline), over the
 * tasks that have counted points (listed). Unlike the macro scope, whose averaged pass@k of a solved task and an
 * unsolved one lands inside [0.05, 0.95], this shows how few tasks the test can score.
 */
export function macroOfTasks(results: readonly { scope: string; report?: ScopeReport }[]) {
  const one = (which: 'approach1' | 'approach2') => {
    const scored = results.filter((r) => r.report![which].law.counted > 0);
    const mean = (f: (a: ApproachReport) => number) => (scored.length ? round(scored.reduce((s, r) => s + f(r.report![which]), 0) / scored.length) : null);
    return { tasks: scored.map((r) => r.scope), of: results.length, law: mean((a) => a.law.meanRelativeError!), baseline: mean((a) => a.baseline.meanRelativeError!), lawBias: mean((a) => a.law.bias!) };
  };
  return { approach1: one('approach1'), approach2: one('approach2') };
}
