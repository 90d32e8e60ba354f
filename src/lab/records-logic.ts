/**
 * Pure logic of measured lab runs: a run record from the per-task evaluations, the points the charts draw
 * (6ND, 2Nk; laws.md §0), the rows a T² refit takes, and the prediction of a constant set at a run.
 */
import { constantFamily } from '../domain/constant-families';
import type { T2Approach1Constants, T2Approach2Constants } from '../domain/constants-types';
import type { MeasuredPoint } from '../domain/scenario';
import type { Run } from '../byod/types';
import type { DeviceInfo, LabRun, TaskMeasurement } from './types';

/** What the record needs from a run besides the per-task measurements. */
export interface RunMeta {
  id: string;
  createdAt: string;
  modelId: string;
  params: number;
  tokens: number;
  problems: number;
  samples: number;
  k: number;
  temperature: number;
  seed: number;
  usedKvCache: boolean;
  device: DeviceInfo;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Combined rate of several timed parts: total tokens over total time (0 when nothing was timed). */
function combinedRate(parts: { tokens: number; rate: number }[]): number {
  let tokens = 0,
    seconds = 0;
  for (const p of parts)
    if (p.rate > 0) {
      tokens += p.tokens;
      seconds += p.tokens / p.rate;
    }
  return seconds > 0 ? tokens / seconds : 0;
}

/** The record of a finished run; pass@k and NLL are macro means over tasks. @throws RangeError when k > n. */
export function buildRun(meta: RunMeta, perTask: TaskMeasurement[]): LabRun {
  if (perTask.length === 0) throw new RangeError('a run needs at least one task');
  if (!(Number.isInteger(meta.k) && meta.k >= 1 && meta.k <= meta.samples)) {
    throw new RangeError(`k = ${meta.k} needs 1 ≤ k ≤ samples per problem (${meta.samples})`);
  }
  const ks = Object.keys(perTask[0]!.passAtK).filter((k) => perTask.every((t) => k in t.passAtK));
  const passAtKAll = Object.fromEntries(ks.map((k) => [k, mean(perTask.map((t) => t.passAtK[k]!))]));
  const atK = passAtKAll[String(meta.k)];
  if (atK === undefined) throw new RangeError(`pass@${meta.k} was not measured (measured: ${ks.join(', ')})`);
  const nlls = perTask.map((t) => t.nll);
  return {
    ...meta,
    tasks: perTask.map((t) => t.taskId),
    passAtK: atK,
    passAtKAll,
    nll: nlls.every((v): v is number => v !== null) ? mean(nlls) : null,
    prefillTokensPerSecond: combinedRate(
      perTask.map((t) => ({ tokens: t.tokens.prefill, rate: t.prefillTokensPerSecond })),
    ),
    decodeTokensPerSecond: combinedRate(
      perTask.map((t) => ({ tokens: t.tokens.decode, rate: t.decodeTokensPerSecond })),
    ),
    wallMs: perTask.reduce((s, t) => s + t.wallMs, 0),
    flops: perTask.reduce((s, t) => s + t.flops, 0),
    perTask,
  };
}

/** The chart point of a run: (N, D, k) with its pass@k and NLL. */
export function pointOf(run: LabRun): MeasuredPoint {
  return { params: run.params, tokens: run.tokens, samples: run.k, passAtK: run.passAtK, nll: run.nll };
}

/** Training compute 6ND and inference compute per token 2Nk of a point (laws.md §0). */
export function chartCoordinates(p: Pick<MeasuredPoint, 'params' | 'tokens' | 'samples'>): {
  trainFlops: number;
  inferenceFlops: number;
} {
  return { trainFlops: 6 * p.params * p.tokens, inferenceFlops: 2 * p.params * p.samples };
}

/**
 * Rows for a T² Approach 2 refit (src/engine fit job): one row per run and measured k, with the run's answer NLL
 * (stage 1 takes a checkpoint's smallest k) and its macro pass@k. Runs without an NLL are left out.
 */
export function refitRows(runs: readonly LabRun[]): Run[] {
  const rows: Run[] = [];
  for (const r of runs) {
    if (r.nll === null) continue;
    for (const [k, pass] of Object.entries(r.passAtKAll)) {
      rows.push({
        line: rows.length + 1,
        params: r.params,
        tokens: r.tokens,
        samples: Number(k),
        nll: r.nll,
        passAtK: pass,
      });
    }
  }
  return rows;
}

/** Distinct checkpoints (N, D) among the runs: T² Approach 2 needs at least 5 to fit its stage 1. */
export function checkpointCount(runs: readonly LabRun[]): number {
  return new Set(runs.map((r) => `${r.params}|${r.tokens}`)).size;
}

/** A constant set the lab can predict with: T² Approach 2 (pass@k) or Approach 1 (NLL at k). */
export type PredictionSet =
  | { family: 't2-2'; id: string; name: string; constants: T2Approach2Constants }
  | { family: 't2-1'; id: string; name: string; constants: T2Approach1Constants }
  /** The mean of per-task Approach 2 sets: the prediction of a run's macro pass@k over a subset of the tasks. */
  | { family: 't2-2-mean'; id: string; name: string; parts: T2Approach2Constants[] };

/** The set's prediction at a run and what it is compared with (pass@k for Approach 2, NLL for Approach 1). */
export function predictAt(
  set: PredictionSet,
  run: Pick<LabRun, 'params' | 'tokens' | 'k' | 'passAtK' | 'nll'>,
): { predicted: number; measured: number | null; quantity: 'pass@k' | 'NLL' } | null {
  // A family's own law and observed column (src/domain/constant-families.ts); the mean of per-task Approach 2 sets
  // predicts with each part's law and compares with pass@k like them.
  const family = constantFamily(set.family === 't2-2-mean' ? 't2-2' : set.family);
  const predict = (c: T2Approach1Constants | T2Approach2Constants) =>
    family.predict(c as unknown as Record<string, number>, run.params, run.tokens, run.k);
  const v =
    set.family === 't2-2-mean'
      ? set.parts.reduce((s, c) => s + predict(c), 0) / set.parts.length
      : predict(set.constants);
  if (!Number.isFinite(v)) return null;
  return family.observed === 'nll'
    ? { predicted: v, measured: run.nll, quantity: 'NLL' }
    : { predicted: v, measured: run.passAtK, quantity: 'pass@k' };
}
