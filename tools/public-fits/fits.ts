/**
 * Fitting steps shared by the public-data modules, all through the domain's own fitting code (src/domain/fit):
 * stage 1 / the k = 1 slice by Chinchilla Approach 3 (fitChinchilla, Hoffmann's 4,500-start grid), μ(L̂) by fitMu
 * (floor 0 = the T² form; floor > 0 = our chance-floor extension), their warm-started refits (bootstrap resamples) and
 * the metrics reported beside them.
 */
import { chinchillaObjective, fitChinchilla, type ChinchillaPoint } from '../../src/domain/fit/fit-chinchilla';
import { fitMu, muOfLoss, type MuConstants, type MuPoint } from '../../src/domain/fit/fit-mu';
import { goodnessOfFit } from '../../src/domain/fit/goodness';
import { lbfgs, LbfgsWorkspace } from '../../src/domain/optim/lbfgs';
import type { ChinchillaConstants } from '../../src/domain/constants-types';

/** One run with what the fits need: N, D, a loss (nats per token) and, when measured, an accuracy (0–1) at k = 1. */
export interface RunPoint {
  id: string;
  params: number;
  tokens: number;
  loss: number;
  accuracy?: number;
}

/** Chinchilla loss E + A/N^α + B/D^β (laws.md §1). */
export const chinchillaLoss = (c: ChinchillaConstants, params: number, tokens: number) =>
  c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta;

const chinchillaPoints = (runs: readonly RunPoint[]): ChinchillaPoint[] =>
  runs.map((r) => ({ params: r.params, tokens: r.tokens, loss: r.loss }));

const stage1Memo = new Map<string, ChinchillaConstants>();

/**
 * Stage 1 / k = 1 slice: the domain's Approach 3 fit from Hoffmann's full grid. Deterministic, so fits of the same
 * (N, D, loss) list are computed once per process (the tasks of one split share their stage 1).
 */
export function fitStage1(runs: readonly RunPoint[]): ChinchillaConstants {
  const key = runs.map((r) => `${r.params},${r.tokens},${r.loss}`).join(';');
  let c = stage1Memo.get(key);
  if (!c) {
    c = fitChinchilla(chinchillaPoints(runs), { grid: 'hoffmann' }).constants;
    stage1Memo.set(key, c);
  }
  return { ...c };
}

const ws5 = new LbfgsWorkspace(5, 10);

const finiteConstants = (c: ChinchillaConstants) => [c.E, c.A, c.B, c.alpha, c.beta].every(Number.isFinite);

/**
 * Stage 1 refitted by one L-BFGS run (same objective as fitChinchilla) from `start` (bootstrap resamples). Where that
 * run leaves the finite numbers (it can on a resample that lost most sizes), the domain's fit is run instead from
 * `start` plus its small grid (108 starts); null when that too gives non-finite constants (e.g. α → ∞ with A
 * overflowing, on a resample left with too few sizes): the caller counts the resample as failed.
 */
export function warmStage1(runs: readonly RunPoint[], start: ChinchillaConstants): ChinchillaConstants | null {
  const objective = chinchillaObjective(
    Float64Array.from(runs, (r) => Math.log(r.params)),
    Float64Array.from(runs, (r) => Math.log(r.tokens)),
    Float64Array.from(runs, (r) => Math.log(r.loss)),
  );
  const r = lbfgs(
    objective,
    [Math.log(start.A), Math.log(start.B), Math.log(start.E), start.alpha, start.beta],
    { maxIterations: 1000 },
    ws5,
  );
  const x = r.x;
  const c = { E: Math.exp(x[2]!), A: Math.exp(x[0]!), B: Math.exp(x[1]!), alpha: x[3]!, beta: x[4]! };
  if (Number.isFinite(r.value) && finiteConstants(c)) return c;
  const c2 = fitChinchilla(chinchillaPoints(runs), { grid: 'small', initial: [start] }).constants;
  return finiteConstants(c2) ? c2 : null;
}

const muPoints = (runs: readonly RunPoint[], stage1: ChinchillaConstants): MuPoint[] =>
  runs.map((r) => {
    if (r.accuracy === undefined) throw new Error(`run ${r.id} has no accuracy`);
    return { loss: chinchillaLoss(stage1, r.params, r.tokens), accuracy: r.accuracy };
  });

/** μ(L̂) fitted on the runs' accuracies at their stage-1 losses L̂ (grid of starts, or warm from `start`). */
export function fitStage2(
  runs: readonly RunPoint[],
  stage1: ChinchillaConstants,
  floor: number,
  start?: MuConstants,
): MuConstants {
  return fitMu(muPoints(runs, stage1), { floor, ...(start ? { initial: [start] } : {}) }).constants;
}

/** Predicted accuracy at k = 1: μ(L̂(N, D)). */
export const predictAccuracy = (stage1: ChinchillaConstants, mu: MuConstants, r: Pick<RunPoint, 'params' | 'tokens'>) =>
  muOfLoss(mu, chinchillaLoss(stage1, r.params, r.tokens));

/** R², RMSE (unit of the data) and mean relative error of a fit on its own runs. */
export interface Goodness {
  r2: number;
  rmse: number;
  meanRelativeError: number;
  n: number;
}

export function lossGoodness(runs: readonly RunPoint[], stage1: ChinchillaConstants): Goodness {
  return goodnessOfFit(
    runs.map((r) => r.loss),
    runs.map((r) => chinchillaLoss(stage1, r.params, r.tokens)),
  );
}

/** Goodness of μ on accuracy (R², RMSE over every run; relative error only over runs with accuracy > 0). */
export function accuracyGoodness(runs: readonly RunPoint[], stage1: ChinchillaConstants, mu: MuConstants): Goodness {
  const obs = runs.map((r) => r.accuracy!);
  const pred = runs.map((r) => predictAccuracy(stage1, mu, r));
  const g = goodnessOfFit(
    obs.map((v) => v + 1),
    pred.map((v) => v + 1),
  );
  const pos = obs.map((v, i) => [v, pred[i]!] as const).filter(([v]) => v > 0);
  const rel = pos.length ? pos.reduce((s, [v, p]) => s + Math.abs(p - v) / v, 0) / pos.length : 0;
  return { r2: g.r2, rmse: g.rmse, meanRelativeError: rel, n: runs.length };
}
