/**
 * The testbed fits (issue 4 "Fits"), pure: from checkpoint rows (./targets.ts) to fitted constants, goodness of fit
 * and the paper's extrapolation test, with the domain core's fitting code (src/domain/fit), so the app can redo them.
 * - Approach 1 (laws.md §2): fitT2Approach1 on (N, D, k, target) points, k = 1, 2, 4 … 64.
 * - Approach 2: stage 1 = fitChinchillaProfiled on the per-checkpoint mean answer NLL (k = 1): E profiled over
 *   [0.01, 0.95]·min NLL (grid of `stage1EGrid` values + Brent), weighted least squares with inverse-variance weights
 *   per isoFLOP group (C = 6ND within ×1.1), α, β ∈ (0, 5) (src/domain/fit/fit-chinchilla-profiled.ts; Roberts et
 *   al. 2026 App. F); stage 2 = fitT2Approach2 on the measured pass@k points.
 * - Extrapolation (Roberts et al.: fit on the Chinchilla suite, predict the overtrained checkpoints): the same fits on
 *   the 'isoflop' rows only, evaluated on the 'overtrained' rows (NLL for Approach 1, accuracy for Approach 2).
 * Every fit is seeded (FIT_OPTIONS.seed), so the same rows give the same constants.
 */
import { chinchillaLoss } from '../../../src/domain/chinchilla';
import { fitChinchillaProfiled } from '../../../src/domain/fit/fit-chinchilla-profiled';
import { fitT2Approach1 } from '../../../src/domain/fit/fit-t2-approach1';
import { fitT2Approach2 } from '../../../src/domain/fit/fit-t2-approach2';
import { t2Loss } from '../../../src/domain/t2-approach1';
import { t2Accuracy } from '../../../src/domain/t2-approach2';
import type {
  ChinchillaConstants,
  FittedRange,
  T2Approach1Constants,
  T2Approach2Constants,
} from '../../../src/domain/constants-types';
import { fitMetrics, type FitMetrics } from './metrics';
import { scopeReport, type ScopeReport } from './report';
import type { CheckpointRow } from './targets';

/** Fit settings: the domain defaults (500 restarts for Approach 1 as in the paper; stage 1 profiled over a 24-point E grid). */
export const FIT_OPTIONS = {
  seed: 1,
  approach1Starts: 500,
  approach1Refine: 64,
  stage1: 'profiled-E',
  stage1EGrid: 24,
  stage1Weights: 'isoflop',
  approach2Starts: 32,
} as const;
/** Settings of fitScope; `stage1Weights` 'isoflop' = inverse-variance weights per isoFLOP group (the paper), 'none' = all 1. */
export type FitSettings = {
  seed: number;
  approach1Starts: number;
  approach1Refine: number;
  stage1: 'profiled-E';
  stage1EGrid: number;
  stage1Weights: 'isoflop' | 'none';
  approach2Starts: number;
};

/** Relative errors skip observations below these floors (nats for Approach 1 / stage 1, accuracy for Approach 2). */
export const NLL_FLOOR = 0.01;
export const ACCURACY_FLOOR = 0.01;

/**
 * Smallest irreducible term E stored for Approach 1 (whose E is free). On this testbed that fit drives E towards 0
 * (ln E → −∞); exp(ln E) then underflows to exactly 0, which the app's Chinchilla code rejects (E must be > 0).
 * Storing max(E, 1e-300) changes no prediction (every other term is ≥ 1e-3 nats here) and keeps the sets usable.
 * Approach 2's stage 1 needs no floor: its E is profiled inside [0.01, 0.95]·min NLL.
 */
export const E_FLOOR = 1e-300;
/** The constants with E raised to E_FLOOR (see there). */
export const floorE = <C extends { E: number }>(c: C): C => ({ ...c, E: Math.max(c.E, E_FLOOR) });

/** The three fits of one scope and how well they describe the rows they were fitted on. */
export interface ScopeFit {
  checkpoints: number;
  range: FittedRange;
  approach1: { constants: T2Approach1Constants; converged: boolean; metrics: FitMetrics };
  /** Stage 1 of Approach 2 (profiled E): constants, convergence, goodness, E's interval and the constants at a bound. */
  stage1: {
    constants: ChinchillaConstants;
    converged: boolean;
    metrics: FitMetrics;
    eBounds: [number, number];
    atBound: string[];
    groups: number;
  };
  approach2: { constants: T2Approach2Constants; converged: boolean; metrics: FitMetrics };
}

/** Approach 1 points (N, D, k, NLL target) of the rows, every k of each row in order. */
export const approach1Points = (rows: readonly CheckpointRow[]) =>
  rows.flatMap((r) => r.ks.map((k, j) => ({ params: r.params, tokens: r.tokens, samples: k, nll: r.nllAtK[j]! })));
/** Approach 2 points (N, D, k, measured pass@k) of the rows, every k of each row in order. */
export const approach2Points = (rows: readonly CheckpointRow[]) =>
  rows.flatMap((r) => r.ks.map((k, j) => ({ params: r.params, tokens: r.tokens, samples: k, passAtK: r.passAtK[j]! })));

/** Stage-1 points of Approach 2: one per row, (N, D, mean answer NLL from the manifest). */
export const stage1Points = (rows: readonly CheckpointRow[]) =>
  rows.map((r) => ({ params: r.params, tokens: r.tokens, loss: r.nll }));

/** The (N, D, k) box of the rows. */
export function rangeOf(rows: readonly CheckpointRow[]): FittedRange {
  const span = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  return {
    params: span(rows.map((r) => r.params)),
    tokens: span(rows.map((r) => r.tokens)),
    samples: span(rows.flatMap((r) => r.ks)),
  };
}

/** Approach 1 predictions at every (row, k), in approach1Points order. */
export function predictApproach1(c: T2Approach1Constants, rows: readonly CheckpointRow[]): number[] {
  return rows.flatMap((r) => r.ks.map((k) => t2Loss(c, r.params, r.tokens, k)));
}

/** Approach 2 predictions at every (row, k), in approach2Points order. */
export function predictApproach2(c: T2Approach2Constants, rows: readonly CheckpointRow[]): number[] {
  return rows.flatMap((r) => r.ks.map((k) => t2Accuracy(c, r.params, r.tokens, k)));
}

/** Fits Approach 1, stage 1 and Approach 2 on `rows` (deterministic for given settings). */
export function fitScope(rows: readonly CheckpointRow[], settings: FitSettings = FIT_OPTIONS): ScopeFit {
  const p1 = approach1Points(rows);
  const a1 = fitT2Approach1(p1, {
    seed: settings.seed,
    starts: settings.approach1Starts,
    refine: settings.approach1Refine,
  });
  const s1 = fitChinchillaProfiled(stage1Points(rows), {
    eGrid: settings.stage1EGrid,
    weights: settings.stage1Weights,
  });
  const stage1 = s1.constants;
  const p2 = approach2Points(rows);
  const a2 = fitT2Approach2(p2, stage1, { seed: settings.seed, starts: settings.approach2Starts });
  const c1 = floorE(a1.constants);
  return {
    checkpoints: rows.length,
    range: rangeOf(rows),
    approach1: {
      constants: c1,
      converged: a1.converged,
      metrics: fitMetrics(
        p1.map((p) => p.nll),
        predictApproach1(c1, rows),
        NLL_FLOOR,
      ),
    },
    stage1: {
      constants: stage1,
      converged: s1.converged,
      eBounds: s1.eBounds,
      atBound: s1.atBound,
      groups: s1.groups,
      metrics: fitMetrics(
        rows.map((r) => r.nll),
        rows.map((r) => chinchillaLoss(stage1, r.params, r.tokens)),
        NLL_FLOOR,
      ),
    },
    approach2: {
      constants: a2.constants,
      converged: a2.converged,
      metrics: fitMetrics(
        p2.map((p) => p.passAtK),
        predictApproach2(a2.constants, rows),
        ACCURACY_FLOOR,
      ),
    },
  };
}

/** The extrapolation test of one scope: fitted on the isoFLOP rows, evaluated on the overtrained rows. */
export interface ExtrapolationTest {
  fittedOn: { checkpoints: number; range: FittedRange };
  predicted: { checkpoints: number; range: FittedRange };
  /** Approach 1: predicted vs measured NLL targets of the overtrained rows (every k). */
  approach1: FitMetrics;
  /** Approach 2: predicted vs measured pass@k of the overtrained rows (every k). */
  approach2: FitMetrics;
  /** Approach 1 at k = 1 only (the mean answer NLL). */
  approach1AtK1: FitMetrics;
  /** Approach 2 at k = 1 only (pass@1). */
  approach2AtK1: FitMetrics;
}

/** The rows the extrapolation test fits on ('isoflop') and predicts ('overtrained'). */
export function extrapolationSplit(rows: readonly CheckpointRow[]): { train: CheckpointRow[]; test: CheckpointRow[] } {
  const train = rows.filter((r) => r.suite === 'isoflop');
  const test = rows.filter((r) => r.suite === 'overtrained');
  if (test.length === 0) throw new Error('extrapolation test: no overtrained checkpoints');
  return { train, test };
}

/** Fits on `suite === 'isoflop'` rows and predicts the 'overtrained' ones (Roberts et al.'s extrapolation test). */
export function extrapolationTest(
  rows: readonly CheckpointRow[],
  settings: FitSettings = FIT_OPTIONS,
): ExtrapolationTest {
  return extrapolationFit(rows, settings).test;
}

/** extrapolationTest and the isoFLOP-only fit it used (the bootstrap of the test warm-starts there). */
export function extrapolationFit(
  rows: readonly CheckpointRow[],
  settings: FitSettings = FIT_OPTIONS,
): { test: ExtrapolationTest; fit: ScopeFit; report: ScopeReport } {
  const { train, test } = extrapolationSplit(rows);
  const fit = fitScope(train, settings);
  const obs1 = test.flatMap((r) => r.nllAtK);
  const obs2 = test.flatMap((r) => r.passAtK);
  const pred1 = predictApproach1(fit.approach1.constants, test);
  const pred2 = predictApproach2(fit.approach2.constants, test);
  const atK1 = (v: number[]) =>
    v.filter((_, i) => test[Math.floor(i / test[0]!.ks.length)]!.ks[i % test[0]!.ks.length] === 1);
  const report = {
    ...scopeReport(train, test, pred1, pred2),
    lawConstants: { approach1: fit.approach1.constants, approach2: fit.approach2.constants },
  };
  return {
    fit,
    report,
    test: {
      fittedOn: { checkpoints: train.length, range: rangeOf(train) },
      predicted: { checkpoints: test.length, range: rangeOf(test) },
      approach1: fitMetrics(obs1, pred1, NLL_FLOOR),
      approach2: fitMetrics(obs2, pred2, ACCURACY_FLOOR),
      approach1AtK1: fitMetrics(atK1(obs1), atK1(pred1), NLL_FLOOR),
      approach2AtK1: fitMetrics(atK1(obs2), atK1(pred2), ACCURACY_FLOOR),
    },
  };
}
