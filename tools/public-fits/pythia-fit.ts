/**
 * T² fits on Pythia (Biderman et al. 2023, arXiv:2304.01373; laws.md §2, §8): stage 1 (Chinchilla L̂) on LAMBADA task
 * NLL = ln(perplexity) of the standard-Pile suite, with the total parameter count; μ (stage 2 at k = 1) on LAMBADA
 * accuracy. Deterministic: the CI test (pythia.test.ts) reruns every function here and compares with the shipped JSON.
 *
 * Which checkpoints enter a fit:
 * - always out: step 0 (D = 0) and the learning-rate warm-up (steps < 1,430: 1, 2, …, 512, 1000), where the loss is
 *   still that of a barely trained model (LAMBADA perplexity up to 4e6).
 * - the late-training rises (rule 'cut-late-rises', the shipped one): 70 M and 160 M get WORSE on LAMBADA late in
 *   training (70 M: NLL 4.55 at step 53,000, 4.96 at 143,000). The Chinchilla form is monotone in D and cannot
 *   follow that; Pythia's checkpoints share one cosine schedule, so the rise is a property of those runs, not noise
 *   (it is 10× the standard error). For each size, when a later checkpoint's NLL exceeds the size's minimum by more
 *   than 2 standard errors of that minimum (delta method, ppl_stderr/ppl), every checkpoint after the minimum is
 *   left out. The report also gives the fit on every post-warm-up checkpoint ('post-warmup') and without the two
 *   smallest sizes ('from-410m').
 * - all checkpoints of one size come from ONE run with one cosine schedule (not separate runs per D, as Chinchilla
 *   fits assume): intermediate checkpoints are not annealed, so their loss is above what a run stopped there would
 *   reach. This biases B, β (the D term) upwards; the report states it, nothing here corrects it.
 */
import { fitChinchilla, type ChinchillaPoint } from '../../src/domain/fit/fit-chinchilla';
import { fitMu, muOfLoss, type MuConstants } from '../../src/domain/fit/fit-mu';
import { goodnessOfFit, type GoodnessOfFit } from '../../src/domain/fit/goodness';
import type { ChinchillaConstants } from '../../src/domain/constants-types';
import type { PythiaCheckpoint } from './pythia-data';

export type Stage1Rule = 'post-warmup' | 'cut-late-rises' | 'from-410m';
export type ParamCount = 'total' | 'non-embedding';

/** The shipped choice (set a priori, not by the extrapolation results). */
export const PRIMARY_RULE: Stage1Rule = 'cut-late-rises';

export const paramsOf = (c: PythiaCheckpoint, kind: ParamCount = 'total') =>
  kind === 'total' ? c.size.totalParams : c.size.nonEmbeddingParams;

export const stage1Loss = (k: ChinchillaConstants, params: number, tokens: number) =>
  k.E + k.A / params ** k.alpha + k.B / tokens ** k.beta;

/** Checkpoints after each size's LAMBADA minimum, for the sizes whose NLL later rises significantly (see above). */
export function lateRiseCheckpoints(cps: readonly PythiaCheckpoint[]): Set<PythiaCheckpoint> {
  const out = new Set<PythiaCheckpoint>();
  const bySize = new Map<string, PythiaCheckpoint[]>();
  for (const c of cps) {
    if (c.warmup) continue;
    const key = `${c.suite}/${c.size.label}`;
    bySize.set(key, [...(bySize.get(key) ?? []), c]);
  }
  for (const list of bySize.values()) {
    const best = list.reduce((m, c) => (c.lambadaNll < m.lambadaNll ? c : m));
    const rises = list.some((c) => c.step > best.step && c.lambadaNll > best.lambadaNll + 2 * best.lambadaNllSe);
    if (rises) for (const c of list) if (c.step > best.step) out.add(c);
  }
  return out;
}

/** Post-warm-up checkpoints kept by a rule, in input order. */
export function selectStage1(cps: readonly PythiaCheckpoint[], rule: Stage1Rule): PythiaCheckpoint[] {
  const post = cps.filter((c) => !c.warmup);
  if (rule === 'post-warmup') return post;
  if (rule === 'from-410m') return post.filter((c) => c.size.totalParams >= 4e8);
  const late = lateRiseCheckpoints(cps);
  return post.filter((c) => !late.has(c));
}

export const stage1Points = (cps: readonly PythiaCheckpoint[], kind: ParamCount = 'total'): ChinchillaPoint[] =>
  cps.map((c) => ({ params: paramsOf(c, kind), tokens: c.tokens, loss: c.lambadaNll }));

/** Full Approach 3 fit (Hoffmann grid, laws.md §1) on LAMBADA NLL. */
export function fitStage1(cps: readonly PythiaCheckpoint[], kind: ParamCount = 'total'): ChinchillaConstants {
  return fitChinchilla(stage1Points(cps, kind)).constants;
}

/** Warm refit for bootstrap resamples: the full-data constants plus one seeded random start. */
export function refitStage1(
  cps: readonly PythiaCheckpoint[],
  start: ChinchillaConstants,
  seed: number,
  kind: ParamCount = 'total',
): ChinchillaConstants {
  return fitChinchilla(stage1Points(cps, kind), { initial: [start], grid: 1, seed }).constants;
}

/** μ(L̂) on LAMBADA accuracy (floor 0: an open-ended last-word task has no chance floor). */
export function fitLambadaMu(
  cps: readonly PythiaCheckpoint[],
  stage1: ChinchillaConstants,
  start?: MuConstants,
): MuConstants {
  const points = cps.map((c) => ({ loss: stage1Loss(stage1, paramsOf(c), c.tokens), accuracy: c.lambadaAcc }));
  return fitMu(points, start ? { initial: [start] } : {}).constants;
}

/** Goodness of stage 1 on NLL (nats) and of μ on accuracy, over the given checkpoints. */
export function stage1Goodness(
  cps: readonly PythiaCheckpoint[],
  stage1: ChinchillaConstants,
  kind: ParamCount = 'total',
): GoodnessOfFit {
  return goodnessOfFit(
    cps.map((c) => c.lambadaNll),
    cps.map((c) => stage1Loss(stage1, paramsOf(c, kind), c.tokens)),
  );
}

export function muGoodness(
  cps: readonly PythiaCheckpoint[],
  stage1: ChinchillaConstants,
  mu: MuConstants,
): GoodnessOfFit {
  return goodnessOfFit(
    cps.map((c) => c.lambadaAcc),
    cps.map((c) => muOfLoss(mu, stage1Loss(stage1, paramsOf(c), c.tokens))),
  );
}

/** [min, max] of a list. */
export const span = (v: readonly number[]): [number, number] => [Math.min(...v), Math.max(...v)];

/** The fitted box of a set of checkpoints: N, D, D/N, C = 6ND. */
export function rangeOf(cps: readonly PythiaCheckpoint[]) {
  return {
    params: span(cps.map((c) => paramsOf(c))),
    tokens: span(cps.map((c) => c.tokens)),
    tokensPerParam: span(cps.map((c) => c.tokens / paramsOf(c))),
    trainFlops: span(cps.map((c) => 6 * paramsOf(c) * c.tokens)),
  };
}
