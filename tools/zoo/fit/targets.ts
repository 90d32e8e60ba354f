/**
 * Fit targets of the testbed (tools/zoo/fit.ts), one row per shipped checkpoint, per task or macro-averaged.
 *
 * T² Approach 1 (Roberts et al. 2026, arXiv:2604.01411; laws.md §2) models E_i[−log pass@k_i], the mean over
 * questions of the negative log of per-question pass@k. Sampled correctness makes per-question pass@k 0 for most
 * questions of weak checkpoints (−log 0 = ∞), so we use the model's own answer likelihood instead (our reading of the
 * paper, documented in tools/zoo/README.md "Fits"): p_i = exp(log p(answer + eos | prompt)) by teacher forcing,
 * pass@k_i = 1 − (1 − p_i)^k, target = mean_i −log(1 − (1 − p_i)^k). At k = 1 it is the mean answer NLL.
 * Approach 2 uses the measured pass@k (unbiased estimator from 64 samples, manifest) and, for stage 1, the mean
 * answer NLL of the manifest. Macro rows average the per-task targets over tasks (each task weighs the same).
 */
import type { Manifest, ModelSuite } from '../../../src/inference/manifest';
import type { AnswerLogprobs } from './types';

/** One checkpoint's fit targets for one scope (a task, or the macro average over tasks). */
export interface CheckpointRow {
  id: string;
  params: number;
  tokens: number;
  suite: ModelSuite;
  /** Samples per question k, ascending (the manifest's ks). */
  ks: number[];
  /** Approach 1 target per k: mean over problems of −log(1 − (1 − p_i)^k), nats. */
  nllAtK: number[];
  /** Measured pass@k per k (unbiased estimator), in [0, 1]. */
  passAtK: number[];
  /** Mean answer NLL from the manifest (stage 1 of Approach 2), nats. */
  nll: number;
}

/** The macro scope: targets averaged over tasks. */
export const MACRO = 'macro';

/**
 * −log(1 − (1 − p)^k) for p = exp(logp), computed without cancellation: x = k·log(1 − p) and −log(1 − e^x) via
 * log1p(−e^x) when x < −ln 2, else log(−expm1(x)). Returns +∞ for p = 0 (logp = −∞) and 0 for p = 1.
 */
export function negLogPassAtK(logp: number, k: number): number {
  if (!(logp <= 0)) throw new RangeError(`log-probability must be ≤ 0 (got ${logp})`);
  const p = Math.exp(logp);
  const x = k * Math.log1p(-p);
  return x < -Math.LN2 ? -Math.log1p(-Math.exp(x)) : -Math.log(-Math.expm1(x));
}

/** Mean over problems of −log(1 − (1 − p_i)^k) (the Approach 1 target), nats. */
export function meanNegLogPassAtK(logprobs: readonly number[], k: number): number {
  if (logprobs.length === 0) throw new RangeError('no problems');
  let s = 0;
  for (const lp of logprobs) s += negLogPassAtK(lp, k);
  return s / logprobs.length;
}

/** Rows of one task, or of the macro average when `scope` is MACRO, in manifest order. */
export function checkpointRows(manifest: Manifest, logprobs: AnswerLogprobs, scope: string): CheckpointRow[] {
  const tasks = scope === MACRO ? logprobs.tasks : [scope];
  if (!logprobs.tasks.includes(tasks[0]!)) throw new Error(`unknown task ${scope}`);
  const ks = [...manifest.evaluation.ks].sort((a, b) => a - b);
  const mean = (f: (task: string) => number) => tasks.reduce((s, t) => s + f(t), 0) / tasks.length;
  return manifest.models.map((m) => {
    const probs = logprobs.models[m.id];
    if (!probs) throw new Error(`answer-logprobs.json has no model ${m.id}: rerun npm run zoo:probs`);
    const result = (task: string) => {
      const r = m.results[task];
      if (!r) throw new Error(`manifest: model ${m.id} has no results for task ${task}`);
      return r;
    };
    const lps = (task: string) => {
      const v = probs[task];
      if (!v || v.length !== logprobs.problemsPerTask)
        throw new Error(`answer-logprobs.json: ${m.id}/${task} is missing or short`);
      return v;
    };
    return {
      id: m.id,
      params: m.params,
      tokens: m.tokens,
      suite: m.suite,
      ks,
      nllAtK: ks.map((k) => mean((t) => meanNegLogPassAtK(lps(t), k))),
      passAtK: ks.map((k) =>
        mean((t) => {
          const v = result(t).passAtK[String(k)];
          if (v === undefined) throw new Error(`manifest: ${m.id}/${t} has no pass@${k}`);
          return v;
        }),
      ),
      nll: mean((t) => result(t).nll),
    };
  });
}
