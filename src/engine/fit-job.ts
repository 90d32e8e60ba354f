/**
 * One "bring your own data" fit, as the engine worker runs it: hold-out split, main fit, bootstrap (≥ 200 resamples
 * of whole runs, Besiroglu et al. 2024 style; laws.md §1), predictions, goodness of fit, residuals and the hold-out
 * relative error (T² §5 style; laws.md §2). Synchronous and deterministic for a seed; progress and cancellation go
 * through the hooks (a cancelled job throws FitCancelledError).
 */
import { chinchillaLossUnchecked } from '../domain/chinchilla';
import type { FittedRange } from '../domain/constants-types';
import { DomainError } from '../domain/errors';
import { bootstrapFit } from '../domain/fit/bootstrap';
import { goodnessOfFit, type GoodnessOfFit } from '../domain/fit/goodness';
import type { ChinchillaGrid } from '../domain/fit/fit-chinchilla';
import { constantFamily, familyTable } from '../domain/constant-families';
import { holdoutReport, splitHoldout } from '../domain/fit/holdout';
import { MIN_ROWS, type FitKind, type FitReport, type HoldoutRule, type Residual, type Run } from '../domain/runs';
import { groupOfRun, mainFit, refit } from './fit-refit';

/** What the UI asks the engine to fit. */
export interface FitRequest {
  kind: FitKind;
  /** The good rows of the import (all of them; the hold-out rule picks the ones fitted). */
  runs: Run[];
  holdout: HoldoutRule;
  /** Bootstrap resamples (≥ 200). */
  resamples: number;
  seed?: number;
  /** Chinchilla start grid (default Hoffmann's 4,500), T² Approach 1 restarts (default 500). */
  grid?: ChinchillaGrid;
  starts?: number;
  /** Starts refined by L-BFGS after screening (domain default) or 'all' (as the papers describe). */
  refine?: number | 'all';
  /** Skip the bootstrap (benchmarks of the main fit only). */
  skipBootstrap?: boolean;
}

/** Progress of a job: overall fraction and the phase in words. */
export type FitProgress = (fraction: number, phase: string) => void;

export interface FitHooks {
  onProgress?: FitProgress;
  shouldCancel?: () => boolean;
}

/** The observed quality of a row and the label of what it is, per fit. */
export function observedOf(kind: FitKind, r: Run): number {
  return r[constantFamily(kind).observed]!;
}

/** What each fit's goodness and residuals measure (src/domain/constant-families.ts). */
export const OBSERVED_LABEL: Readonly<Record<FitKind, string>> = familyTable((f) => f.observedLabel);

/** The law's prediction for a row. */
export function predictRun(
  kind: FitKind,
  c: Record<string, number>,
  r: Pick<Run, 'params' | 'tokens' | 'samples'>,
): number {
  return constantFamily(kind).predict(c, r.params, r.tokens, r.samples!);
}

/** Goodness of fit that tolerates zero observations (pass@k = 0): relative error over the non-zero ones. */
function goodness(observed: number[], predicted: number[]): GoodnessOfFit {
  const full = observed.every((o) => o !== 0);
  if (full) return goodnessOfFit(observed, predicted);
  const idx = observed.map((o, i) => (o !== 0 ? i : -1)).filter((i) => i >= 0);
  const nonZero =
    idx.length > 0
      ? goodnessOfFit(
          idx.map((i) => observed[i]!),
          idx.map((i) => predicted[i]!),
        )
      : null;
  const mean = observed.reduce((s, o) => s + o, 0) / observed.length;
  let ssRes = 0,
    ssTot = 0;
  observed.forEach((o, i) => {
    ssRes += (predicted[i]! - o) ** 2;
    ssTot += (o - mean) ** 2;
  });
  return {
    r2: ssTot > 0 ? 1 - ssRes / ssTot : 0,
    rmse: Math.sqrt(ssRes / observed.length),
    meanRelativeError: nonZero?.meanRelativeError ?? 0,
    n: observed.length,
  };
}

function rangeOf(kind: FitKind, runs: readonly Run[]): FittedRange {
  const span = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  const out: FittedRange = { params: span(runs.map((r) => r.params)), tokens: span(runs.map((r) => r.tokens)) };
  if (constantFamily(kind).hasSamples) out.samples = span(runs.map((r) => r.samples!));
  return out;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs the whole job. @throws DomainError (too few rows, unusable data), FitCancelledError when cancelled. */
export function runFitJob(req: FitRequest, hooks: FitHooks = {}): FitReport {
  const { fit: fitRuns, heldOut } = splitHoldout(req.runs, req.holdout);
  const min = MIN_ROWS[req.kind];
  if (fitRuns.length < min) {
    throw new DomainError(
      `only ${fitRuns.length} runs match the fit subset; the fit needs at least ${min} (choose "fit on all runs" or a larger tokens-per-parameter limit)`,
    );
  }
  if (!(Number.isInteger(req.resamples) && req.resamples >= 200))
    throw new DomainError(`bootstrap needs at least 200 resamples (got ${req.resamples})`);
  const seed = req.seed ?? 1;
  const wMain = req.skipBootstrap ? 0.95 : 0.4;
  const progress = (lo: number, hi: number, phase: string) => (f: number) =>
    hooks.onProgress?.(lo + (hi - lo) * f, phase);
  const t0 = now();
  const main = mainFit(
    req.kind,
    fitRuns,
    { grid: req.grid, starts: req.starts, refine: req.refine },
    {
      seed,
      onProgress: progress(0, wMain, 'fitting'),
      shouldCancel: hooks.shouldCancel,
    },
  );
  const fitMs = now() - t0;
  const t1 = now();
  const draws: Record<string, number>[] = [];
  let intervals: FitReport['intervals'] = {};
  let failures = 0;
  if (!req.skipBootstrap) {
    const boot = bootstrapFit(
      fitRuns,
      (sample, r) => {
        const c = refit(req.kind, sample, main.constants, seed + 1000 + r);
        if (!Object.values(c).every(Number.isFinite))
          throw new DomainError('bootstrap refit gave non-finite constants');
        draws.push(c);
        return c;
      },
      {
        resamples: req.resamples,
        seed: seed + 7,
        groupBy: groupOfRun,
        onProgress: progress(wMain, 0.95, 'bootstrap'),
        shouldCancel: hooks.shouldCancel,
      },
    );
    intervals = boot.percentiles;
    failures = boot.failures;
  }
  const bootstrapMs = now() - t1;
  const residual = (r: Run, held: boolean): Residual => ({
    line: r.line,
    params: r.params,
    tokens: r.tokens,
    samples: r.samples ?? 1,
    observed: observedOf(req.kind, r),
    predicted: predictRun(req.kind, main.constants, r),
    heldOut: held,
  });
  const residuals = [...fitRuns.map((r) => residual(r, false)), ...heldOut.map((r) => residual(r, true))].sort(
    (a, b) => a.line - b.line,
  );
  const fitted = residuals.filter((r) => !r.heldOut);
  const held = residuals.filter((r) => r.heldOut);
  const report: FitReport = {
    kind: req.kind,
    constants: main.constants,
    intervals,
    draws,
    bootstrapFailures: failures,
    goodness: goodness(
      fitted.map((r) => r.observed),
      fitted.map((r) => r.predicted),
    ),
    observedLabel: OBSERVED_LABEL[req.kind],
    residuals,
    holdout: holdoutReport(
      req.holdout,
      fitRuns.length,
      held.map((r) => r.observed),
      held.map((r) => r.predicted),
    ),
    range: rangeOf(req.kind, fitRuns),
    starts: main.starts,
    converged: main.converged,
    fitMs,
    bootstrapMs,
  };
  if (main.stage1) {
    const s1 = main.stage1;
    report.stage1Goodness = goodness(
      s1.points.map((p) => p.loss),
      // Stage 1 is a Chinchilla fit on each checkpoint's task NLL (its constants are Chinchilla constants).
      s1.points.map((p) => chinchillaLossUnchecked(s1.constants, p.params, p.tokens)),
    );
  }
  hooks.onProgress?.(1, 'done');
  return report;
}
