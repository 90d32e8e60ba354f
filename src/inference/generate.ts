/**
 * Sampling answers from a zoo model and scoring answers by teacher forcing.
 *
 * - {@link sampleAnswers}: the `count` samples of one prompt run as ONE batch. With a KV cache the prompt is
 *   prefilled once (batch 1) and its cache tiled to every row; each decode step then feeds one token per unfinished
 *   row, and rows that emitted eos leave the batch. Without a cache (or with `useKvCache: false`, for the benchmark)
 *   every step is a full forward pass over prompt + tokens so far.
 * - {@link answerNll}: −log p(answer + eos | prompt) for many problems, right-padded into batches (safe: attention is
 *   causal, so padding after a row's end cannot change its earlier logits).
 */
import { LanguageModel, selectCacheRows, type KvCache } from './lm';
import { Prng, logProb, sampleToken, streamSeed } from './sampling';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface SampleOptions {
  /** Number of samples (batch rows). */
  count: number;
  /** 0 means greedy. */
  temperature: number;
  /** Stop a row after this many new tokens (eos included) when it has not emitted eos. */
  maxNewTokens: number;
  /** Seed of this prompt's streams; row r draws from stream (seed, firstSample + r). */
  seed: number;
  firstSample?: number;
  /** Default true when the graph has a KV cache. */
  useKvCache?: boolean;
  signal?: AbortSignal;
  /** Milliseconds clock; default performance.now. */
  now?: () => number;
}

export interface SampleStats {
  /** Tokens fed through the network in the prefill pass. */
  prefillTokens: number;
  prefillMs: number;
  /** New tokens produced by decode passes (the first token of each row comes from the prefill pass). */
  decodeTokens: number;
  decodeMs: number;
  /** Every token position fed through the network (prefill + decode; without a cache, each step's whole prefix). */
  processedTokens: number;
  forwardPasses: number;
}

export interface SampleResult extends SampleStats {
  /** Per sample: generated token ids, eos excluded. */
  tokens: number[][];
  /** Per sample: true when it ended with eos (a complete answer). */
  finished: boolean[];
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Draws `count` answers to `prompt` (token ids, bos included if any) as one batch. */
export async function sampleAnswers(
  lm: LanguageModel,
  prompt: readonly number[],
  eos: number,
  opts: SampleOptions,
): Promise<SampleResult> {
  const { count, temperature, maxNewTokens, signal } = opts;
  const now = opts.now ?? (() => performance.now());
  const useCache = opts.useKvCache ?? lm.hasKvCache;
  if (useCache && !lm.hasKvCache) throw new Error('this model graph has no KV cache (past_kv/present_kv)');
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  if (prompt.length === 0) throw new RangeError('empty prompt');
  const maxNew = Math.min(maxNewTokens, lm.shape.context - prompt.length + 1);
  const rngs = Array.from({ length: count }, (_, r) => new Prng(streamSeed(opts.seed, (opts.firstSample ?? 0) + r)));
  const tokens: number[][] = Array.from({ length: count }, () => []);
  const finished = new Array<boolean>(count).fill(false);
  const stats: SampleStats = {
    prefillTokens: 0,
    prefillMs: 0,
    decodeTokens: 0,
    decodeMs: 0,
    processedTokens: 0,
    forwardPasses: 0,
  };
  const V = lm.shape.vocabSize;
  let active = Array.from({ length: count }, (_, r) => r);
  let cache: KvCache | null = null;

  /** Samples the next token of each active row from its logits row; drops rows that are done. */
  const step = (logits: Float32Array, rowStride: number, lastOffset: number): void => {
    const still: number[] = [];
    const keep: number[] = [];
    active.forEach((r, j) => {
      const t = sampleToken(logits, j * rowStride + lastOffset, V, temperature, rngs[r]!);
      if (t === eos) finished[r] = true;
      else tokens[r]!.push(t);
      if (!finished[r] && tokens[r]!.length < maxNew && prompt.length + tokens[r]!.length < lm.shape.context + 1) {
        still.push(r);
        keep.push(j);
      }
    });
    if (cache && keep.length !== active.length && keep.length > 0) cache = selectCacheRows(cache, keep, lm.shape);
    active = still;
  };

  throwIfCancelled(signal);
  let t0 = now();
  if (useCache) {
    const pre = await lm.forward(prompt, 1, prompt.length);
    cache = selectCacheRows(pre.present!, new Array<number>(count).fill(0), lm.shape);
    stats.processedTokens += prompt.length;
    const tiled = new Float32Array(count * V);
    for (let r = 0; r < count; r++) tiled.set(pre.logits.subarray((prompt.length - 1) * V, prompt.length * V), r * V);
    step(tiled, V, 0);
  } else {
    const pre = await lm.forward(repeatRows(prompt, count), count, prompt.length);
    stats.processedTokens += count * prompt.length;
    step(pre.logits, prompt.length * V, (prompt.length - 1) * V);
  }
  stats.forwardPasses++;
  stats.prefillTokens = stats.processedTokens;
  stats.prefillMs = now() - t0;

  t0 = now();
  while (active.length > 0) {
    throwIfCancelled(signal);
    const b = active.length;
    if (useCache) {
      const ids = active.map((r) => tokens[r]![tokens[r]!.length - 1]!);
      const out = await lm.forward(ids, b, 1, cache!);
      cache = out.present;
      stats.processedTokens += b;
      step(out.logits, V, 0);
    } else {
      const len = prompt.length + tokens[active[0]!]!.length;
      const ids: number[] = [];
      for (const r of active) ids.push(...prompt, ...tokens[r]!);
      const out = await lm.forward(ids, b, len);
      stats.processedTokens += b * len;
      step(out.logits, len * V, (len - 1) * V);
    }
    stats.forwardPasses++;
    stats.decodeTokens += b;
  }
  stats.decodeMs = now() - t0;
  return { tokens, finished, ...stats };
}

function repeatRows(row: readonly number[], count: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < count; r++) out.push(...row);
  return out;
}

export interface ScoredAnswer {
  /** Prompt ids (bos included if any). */
  prompt: readonly number[];
  /** Answer ids followed by eos. */
  target: readonly number[];
}

export interface NllResult {
  /** Per item: −log p(target | prompt) in nats. */
  nll: number[];
  processedTokens: number;
}

/**
 * −log p(target | prompt) for each item by teacher forcing: one forward pass over prompt + target minus its last
 * token, summing log-probabilities of the target tokens. Items run in right-padded batches of `batchSize`.
 */
export async function answerNll(
  lm: LanguageModel,
  items: readonly ScoredAnswer[],
  pad: number,
  opts: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<NllResult> {
  const batchSize = opts.batchSize ?? 32;
  const V = lm.shape.vocabSize;
  const nll: number[] = [];
  let processedTokens = 0;
  for (let start = 0; start < items.length; start += batchSize) {
    throwIfCancelled(opts.signal);
    const batch = items.slice(start, start + batchSize);
    const seqs = batch.map((it) => {
      if (it.prompt.length === 0 || it.target.length === 0) throw new RangeError('answerNll: empty prompt or target');
      return [...it.prompt, ...it.target].slice(0, -1);
    });
    const len = Math.max(...seqs.map((s) => s.length));
    const ids: number[] = [];
    for (const s of seqs) ids.push(...s, ...new Array<number>(len - s.length).fill(pad));
    const { logits } = await lm.forward(ids, batch.length, len);
    processedTokens += seqs.reduce((sum, s) => sum + s.length, 0);
    batch.forEach((it, b) => {
      let total = 0;
      it.target.forEach((tok, i) => {
        const pos = it.prompt.length - 1 + i;
        total -= logProb(logits, (b * len + pos) * V, V, tok);
      });
      nll.push(total);
    });
  }
  return { nll, processedTokens };
}
