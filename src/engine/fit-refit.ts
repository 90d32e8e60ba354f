/**
 * The fits of one data set, per fit method (the one each constant family declares, src/domain/constant-families.ts
 * `fitMethod`), as the fit job runs them: the main fit (the domain's multi-start fits,
 * laws.md §1 Approach 3 and §2; T² Approach 2's stage 1 is the profiled-E fit of Roberts et al. App. F,
 * fitChinchillaProfiled, E in [0.01, 0.95]·min NLL, inverse-variance isoFLOP weights) and the warm-started refit of a bootstrap resample (L-BFGS from the main fit's
 * optimum, plus a few fresh starts for Chinchilla), which is what makes 200+ resamples affordable in the browser.
 */
import { constantFamily, type FitMethod } from '../domain/constant-families';
import type { ChinchillaConstants, T2Approach1Constants, T2Approach2Constants } from '../domain/constants-types';
import { DomainError } from '../domain/errors';
import { fitChinchilla, type ChinchillaGrid, type ChinchillaPoint } from '../domain/fit/fit-chinchilla';
import { fitChinchillaProfiled } from '../domain/fit/fit-chinchilla-profiled';
import { fitT2Approach1, type T2Approach1Point } from '../domain/fit/fit-t2-approach1';
import { fitT2Approach2, type T2Approach2Point } from '../domain/fit/fit-t2-approach2';
import { warmRefitT2Approach1, warmRefitT2Approach2 } from '../domain/fit/warm-refit';
import type { FitOptions } from '../domain/fit/types';
import type { FitKind, Run } from '../domain/runs';

/** Main-fit settings: Chinchilla start grid, T² Approach 1 restarts, T² Approach 2 stage-2 restarts. */
export interface MainFitSettings {
  grid?: ChinchillaGrid;
  starts?: number;
  stage2Starts?: number;
  /** L-BFGS from the best `refine` starts after screening them all (the domain's default), or from 'all'. */
  refine?: number | 'all';
}

export interface MainFit {
  constants: Record<string, number>;
  starts: number;
  converged: boolean;
  /**
   * T² Approach 2: the stage-1 constants, the stage-1 points (N, D, NLL at the run's smallest k), E's profile interval
   * (nats) and the stage-1 constants at a bound of the profiled fit ('E', 'A', 'B', 'alpha', 'beta'; for a quality gate).
   */
  stage1?: { constants: ChinchillaConstants; points: ChinchillaPoint[]; eBounds: [number, number]; atBound: string[] };
}

const runKey = (r: Pick<Run, 'params' | 'tokens'>) => `${r.params}|${r.tokens}`;

export const chinchillaPoints = (runs: readonly Run[]): ChinchillaPoint[] =>
  runs.map((r) => ({ params: r.params, tokens: r.tokens, loss: r.loss! }));
export const t2Approach1Points = (runs: readonly Run[]): T2Approach1Point[] =>
  runs.map((r) => ({ params: r.params, tokens: r.tokens, samples: r.samples!, nll: r.nll! }));
export const t2Approach2Points = (runs: readonly Run[]): T2Approach2Point[] =>
  runs.map((r) => ({ params: r.params, tokens: r.tokens, samples: r.samples!, passAtK: r.passAtK! }));

/** Stage-1 data of T² Approach 2: one point per checkpoint (N, D), its task NLL at its smallest k (k = 1 if sampled). */
export function stage1Points(runs: readonly Run[]): ChinchillaPoint[] {
  const best = new Map<string, Run>();
  for (const r of runs) {
    const seen = best.get(runKey(r));
    if (!seen || r.samples! < seen.samples!) best.set(runKey(r), r);
  }
  return [...best.values()].map((r) => ({ params: r.params, tokens: r.tokens, loss: r.nll! }));
}

/** Resampling unit of the bootstrap: a checkpoint (N, D) with all its k. */
export const groupOfRun = runKey;

function mainChinchilla(runs: readonly Run[], s: MainFitSettings, opts: FitOptions): MainFit {
  const f = fitChinchilla(chinchillaPoints(runs), {
    ...opts,
    grid: s.grid ?? 'hoffmann',
    ...(s.refine ? { refine: s.refine } : {}),
  });
  return { constants: { ...f.constants }, starts: f.starts, converged: f.converged };
}

function mainT2Approach1(runs: readonly Run[], s: MainFitSettings, opts: FitOptions): MainFit {
  const f = fitT2Approach1(t2Approach1Points(runs), {
    ...opts,
    starts: s.starts ?? 500,
    ...(s.refine ? { refine: s.refine } : {}),
  });
  return { constants: { ...f.constants }, starts: f.starts, converged: f.converged };
}

function mainT2TwoStage(runs: readonly Run[], s: MainFitSettings, opts: FitOptions): MainFit {
  const points = stage1Points(runs);
  if (points.length < 5)
    throw new DomainError(`T² Approach 2 stage 1 needs at least 5 checkpoints (distinct N, D); got ${points.length}`);
  const half = (lo: number, hi: number) => (f: number) => opts.onProgress?.(lo + (hi - lo) * f);
  const s1 = fitChinchillaProfiled(points, { ...opts, onProgress: half(0, 0.6) });
  const s2 = fitT2Approach2(t2Approach2Points(runs), s1.constants, {
    ...opts,
    starts: s.stage2Starts ?? 32,
    onProgress: half(0.6, 1),
  });
  return {
    constants: { ...s2.constants },
    starts: s1.profiled + s2.starts,
    converged: s1.converged && s2.converged,
    stage1: { constants: s1.constants, points, eBounds: s1.eBounds, atBound: s1.atBound },
  };
}

function chinchillaOf(c: Record<string, number>): ChinchillaConstants {
  return { E: c.E!, A: c.A!, B: c.B!, alpha: c.alpha!, beta: c.beta! };
}

function refitChinchilla(points: ChinchillaPoint[], best: ChinchillaConstants, seed: number): ChinchillaConstants {
  return fitChinchilla(points, { grid: 4, initial: [best], refine: 'all', seed }).constants;
}

function refitT2Approach1(runs: readonly Run[], best: T2Approach1Constants): T2Approach1Constants {
  const r = warmRefitT2Approach1(t2Approach1Points(runs), best);
  if (!Number.isFinite(r.value)) throw new DomainError('bootstrap refit: objective not finite');
  return r.constants;
}

function refitT2Approach2(runs: readonly Run[], best: T2Approach2Constants): T2Approach2Constants {
  // 12 E grid values (the main fit uses 24) keep 200+ resamples affordable; the main fit's α, β join the inner starts.
  const s1 = fitChinchillaProfiled(stage1Points(runs), { initial: [best], eGrid: 12 }).constants;
  const r = warmRefitT2Approach2(t2Approach2Points(runs), s1, best);
  if (!Number.isFinite(r.value)) throw new DomainError('bootstrap refit: objective not finite');
  return r.constants;
}

/** One fit method's main fit and its warm-started bootstrap refit. */
interface FitImplementation {
  main(runs: readonly Run[], s: MainFitSettings, opts: FitOptions): MainFit;
  refit(sample: readonly Run[], best: Record<string, number>, seed: number): Record<string, number>;
}

/** Every fit method a family can declare (src/domain/constant-families.ts, `fitMethod`). */
const FITS: Readonly<Record<FitMethod, FitImplementation>> = {
  'chinchilla-approach3': {
    main: mainChinchilla,
    refit: (sample, best, seed) => ({ ...refitChinchilla(chinchillaPoints(sample), chinchillaOf(best), seed) }),
  },
  't2-approach1': {
    main: mainT2Approach1,
    refit: (sample, best) => ({ ...refitT2Approach1(sample, best as unknown as T2Approach1Constants) }),
  },
  't2-two-stage': {
    main: mainT2TwoStage,
    refit: (sample, best) => ({ ...refitT2Approach2(sample, best as unknown as T2Approach2Constants) }),
  },
};

const fitOf = (kind: FitKind): FitImplementation => FITS[constantFamily(kind).fitMethod];

/** The main fit of `runs` for `kind` (the fit its family declares). Progress and cancellation through `opts`. */
export function mainFit(kind: FitKind, runs: readonly Run[], s: MainFitSettings, opts: FitOptions): MainFit {
  return fitOf(kind).main(runs, s, opts);
}

/** Refits a bootstrap resample, warm-started at the main fit's constants `best`. */
export function refit(
  kind: FitKind,
  sample: readonly Run[],
  best: Record<string, number>,
  seed: number,
): Record<string, number> {
  return fitOf(kind).refit(sample, best, seed);
}
