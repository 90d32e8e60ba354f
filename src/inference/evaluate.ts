/**
 * Runs a zoo model on the first `problems` problems of a task, `samples` samples each (one batch per problem), and
 * measures what the model lab plots: per-problem correct counts, pass@k by Chen et al.'s unbiased estimator for every
 * k ≤ samples (laws.md §3, src/domain/passk.ts), mean answer NLL (−log p(answer + eos | prompt), nats), prefill and
 * decode tokens per second with a warm-up pass excluded, wall time, and FLOPs spent at 2N per token processed.
 * An answer is correct when the sample ended with eos and its decoded text equals the problem's answer exactly.
 */
import { meanPassAtKEstimate } from '../domain/passk';
import { CancelledError, answerNll, sampleAnswers, throwIfCancelled } from './generate';
import type { LanguageModel } from './lm';
import type { Task } from './manifest';
import { streamSeed } from './sampling';
import type { CharTokenizer } from './tokenizer';

export interface EvaluateOptions {
  /** N, all parameters, for the FLOPs count. */
  params: number;
  /** How many problems (the task's first ones); default all. */
  problems?: number;
  /** Samples per problem, n (the batch size). */
  samples: number;
  /** ks to report; default 1, 2, 4, … ≤ samples. Each must be ≤ samples. */
  ks?: readonly number[];
  /** Sampling temperature; 0 = greedy. */
  temperature: number;
  seed: number;
  /** New tokens per sample, eos included; default task.maxAnswerTokens (as tools/zoo counts it: answer + eos). */
  maxNewTokens?: number;
  useKvCache?: boolean;
  /** Score the correct answers by teacher forcing (default true). */
  computeNll?: boolean;
  /** Run untimed warm-up first (default true): one pass, repeated until `warmupMs` has passed. */
  warmup?: boolean;
  /**
   * Minimum warm-up time, ms (default 0: one pass). V8 runs onnxruntime's wasm on baseline code for the first
   * seconds and tiers it up meanwhile; 2000–3000 ms keeps that out of the measured tokens per second.
   */
  warmupMs?: number;
  onProgress?: (progress: EvaluationProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export interface EvaluationProgress {
  phase: 'warmup' | 'sampling' | 'nll';
  /** Problems done in this phase. */
  done: number;
  total: number;
}

export interface ProblemOutcome {
  index: number;
  level: number;
  /** Samples whose answer matched exactly. */
  correct: number;
  samples: number;
  /** The decoded answer of the first sample, for display. */
  firstAnswer: string;
  /** −log p(answer + eos | prompt), nats; null when NLL was not computed. */
  nll: number | null;
}

export interface EvaluationResult {
  taskId: string;
  problems: number;
  samplesPerProblem: number;
  temperature: number;
  seed: number;
  perProblem: ProblemOutcome[];
  /** Mean pass@k over problems, keyed by k. */
  passAtK: Record<string, number>;
  /** Mean over problems of the answer NLL (nats), or null. */
  meanNll: number | null;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  /** Whole call, warm-up included, ms. */
  wallMs: number;
  tokens: { prefill: number; decode: number; nll: number; processed: number };
  /** 2N × tokens processed (sampling and NLL scoring; warm-up excluded). */
  flops: number;
  usedKvCache: boolean;
}

export const DEFAULT_KS = (n: number): number[] => {
  const ks: number[] = [];
  for (let k = 1; k <= n; k *= 2) ks.push(k);
  return ks;
};

/** A seed per (evaluation seed, task, problem index), so a problem's samples do not depend on which others ran. */
export function problemSeed(seed: number, taskId: string, index: number): number {
  let h = 0;
  for (const ch of taskId) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return streamSeed(seed, h, index);
}

/** Lets queued messages (a cancel from the UI) through between problems. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function evaluateTask(
  lm: LanguageModel,
  tokenizer: CharTokenizer,
  task: Task,
  opts: EvaluateOptions,
): Promise<EvaluationResult> {
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const count = Math.min(opts.problems ?? task.problems.length, task.problems.length);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`need at least one problem (got ${opts.problems})`);
  const n = opts.samples;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`samples per problem must be a positive integer (got ${n})`);
  const ks = opts.ks ?? DEFAULT_KS(n);
  for (const k of ks)
    if (!Number.isInteger(k) || k < 1 || k > n)
      throw new RangeError(`k = ${k} needs 1 ≤ k ≤ samples per problem (${n}) for the unbiased estimator`);
  const maxNewTokens = opts.maxNewTokens ?? task.maxAnswerTokens;
  const useKvCache = opts.useKvCache ?? lm.hasKvCache;
  const problems = task.problems.slice(0, count);
  const prompts = problems.map((p) => tokenizer.encodePrompt(p.prompt));
  const progress = (phase: EvaluationProgress['phase'], done: number, total: number) =>
    opts.onProgress?.({ phase, done, total });

  if (opts.warmup ?? true) {
    progress('warmup', 0, 1);
    const warmStart = now();
    do {
      await sampleAnswers(lm, prompts[0]!, tokenizer.eos, {
        count: n,
        temperature: opts.temperature,
        maxNewTokens: 2,
        seed: 0,
        useKvCache,
        signal: opts.signal,
        now,
      });
      await yieldToEventLoop();
    } while (now() - warmStart < (opts.warmupMs ?? 0));
    progress('warmup', 1, 1);
  }

  const perProblem: ProblemOutcome[] = [];
  const totals = { prefillTokens: 0, prefillMs: 0, decodeTokens: 0, decodeMs: 0, processed: 0 };
  for (let i = 0; i < count; i++) {
    throwIfCancelled(opts.signal);
    const problem = problems[i]!;
    const result = await sampleAnswers(lm, prompts[i]!, tokenizer.eos, {
      count: n,
      temperature: opts.temperature,
      maxNewTokens,
      seed: problemSeed(opts.seed, task.id, i),
      useKvCache,
      signal: opts.signal,
      now,
    });
    const answers = result.tokens.map((t, r) => (result.finished[r] ? tokenizer.decode(t) : null));
    perProblem.push({
      index: i,
      level: problem.level,
      samples: n,
      nll: null,
      correct: answers.filter((a) => a === problem.answer).length,
      firstAnswer: tokenizer.decode(result.tokens[0]!),
    });
    totals.prefillTokens += result.prefillTokens;
    totals.prefillMs += result.prefillMs;
    totals.decodeTokens += result.decodeTokens;
    totals.decodeMs += result.decodeMs;
    totals.processed += result.processedTokens;
    progress('sampling', i + 1, count);
    await yieldToEventLoop();
  }

  let meanNll: number | null = null;
  let nllTokens = 0;
  if (opts.computeNll ?? true) {
    const items = problems.map((p, i) => ({ prompt: prompts[i]!, target: tokenizer.encodeAnswer(p.answer) }));
    const scored = await answerNll(lm, items, tokenizer.pad, { signal: opts.signal });
    scored.nll.forEach((v, i) => (perProblem[i]!.nll = v));
    meanNll = scored.nll.reduce((s, v) => s + v, 0) / scored.nll.length;
    nllTokens = scored.processedTokens;
    progress('nll', count, count);
  }

  const counts = perProblem.map((p) => ({ n: p.samples, c: p.correct }));
  const passAtK: Record<string, number> = {};
  for (const k of ks) passAtK[String(k)] = meanPassAtKEstimate(counts, k);
  const processed = totals.processed + nllTokens;
  return {
    taskId: task.id,
    problems: count,
    samplesPerProblem: n,
    temperature: opts.temperature,
    seed: opts.seed,
    perProblem,
    passAtK,
    meanNll,
    prefillTokensPerSecond: rate(totals.prefillTokens, totals.prefillMs),
    decodeTokensPerSecond: rate(totals.decodeTokens, totals.decodeMs),
    wallMs: now() - start,
    tokens: { prefill: totals.prefillTokens, decode: totals.decodeTokens, nll: nllTokens, processed },
    flops: 2 * opts.params * processed,
    usedKvCache: useKvCache,
  };
}

/** Tokens per second; 0 when nothing was timed (never NaN or Infinity). */
function rate(tokens: number, ms: number): number {
  return ms > 0 ? (tokens * 1000) / ms : 0;
}

export { CancelledError };
