/**
 * Decode-throughput measurement of one model in four ways: k samples per prompt as one batch or one sample at a time,
 * each with the KV cache or with a full forward pass per step. Every way draws the same samples (per-row random
 * streams), so all generate the same tokens and only the time differs.
 *
 * Warm-up matters more than it seems: V8 first runs onnxruntime's wasm on its baseline compiler and swaps in optimised
 * code seconds later, so whichever mode ran first looked several times slower. {@link benchmarkDecodeModes} therefore
 * runs untimed work for `warmupMs` first and then times the modes round-robin, keeping each mode's fastest round.
 */
import { sampleAnswers, type SampleResult } from './generate';
import type { LanguageModel } from './lm';

export type DecodeMode = 'batched-cache' | 'single-cache' | 'batched-nocache' | 'single-nocache';
export const DECODE_MODES: readonly DecodeMode[] = [
  'batched-cache',
  'single-cache',
  'batched-nocache',
  'single-nocache',
];

export interface DecodeBenchOptions {
  /** Samples per prompt. */
  k: number;
  temperature: number;
  maxNewTokens: number;
  seed: number;
  /** Timed rounds; each mode's fastest is reported (least disturbed by other load). Default 1. */
  repeats?: number;
  /** Untimed work before the first timed round, ms (wasm tier-up). Default 0. */
  warmupMs?: number;
  now?: () => number;
}

export interface DecodeBenchResult {
  mode: DecodeMode;
  /** New tokens from decode passes per second of decode time. */
  decodeTokensPerSecond: number;
  /** All new tokens (first one from prefill included) per second of total time. */
  endToEndTokensPerSecond: number;
  generatedTokens: number;
  decodeMs: number;
  totalMs: number;
  forwardPasses: number;
}

async function runMode(
  lm: LanguageModel,
  prompt: readonly number[],
  eos: number,
  mode: DecodeMode,
  opts: DecodeBenchOptions,
  seed: number,
): Promise<SampleResult[]> {
  const useKvCache = mode.endsWith('-cache');
  const base = { temperature: opts.temperature, maxNewTokens: opts.maxNewTokens, seed, useKvCache, now: opts.now };
  if (mode.startsWith('batched')) return [await sampleAnswers(lm, prompt, eos, { ...base, count: opts.k })];
  const out: SampleResult[] = [];
  for (let r = 0; r < opts.k; r++)
    out.push(await sampleAnswers(lm, prompt, eos, { ...base, count: 1, firstSample: r }));
  return out;
}

/**
 * Times every mode in `modes` over all prompts (token ids): untimed warm-up (each mode once, then batched work until
 * `warmupMs` has passed), then `repeats` round-robin rounds; returns each mode's fastest round, in `modes` order.
 */
export async function benchmarkDecodeModes(
  lm: LanguageModel,
  prompts: readonly (readonly number[])[],
  eos: number,
  modes: readonly DecodeMode[],
  opts: DecodeBenchOptions,
): Promise<DecodeBenchResult[]> {
  const now = opts.now ?? (() => performance.now());
  const start = now();
  for (const mode of modes) await runMode(lm, prompts[0]!, eos, mode, opts, opts.seed ^ 0x5bd1e995);
  for (let i = 0; now() - start < (opts.warmupMs ?? 0); i++)
    await runMode(lm, prompts[i % prompts.length]!, eos, modes[0]!, opts, opts.seed ^ i);
  const best = new Map<DecodeMode, DecodeBenchResult>();
  for (let round = 0; round < (opts.repeats ?? 1); round++) {
    for (const mode of modes) {
      const r = await timeOnce(lm, prompts, eos, mode, opts);
      const prev = best.get(mode);
      if (!prev || r.decodeTokensPerSecond > prev.decodeTokensPerSecond) best.set(mode, r);
    }
  }
  return modes.map((m) => best.get(m)!);
}

async function timeOnce(
  lm: LanguageModel,
  prompts: readonly (readonly number[])[],
  eos: number,
  mode: DecodeMode,
  opts: DecodeBenchOptions,
): Promise<DecodeBenchResult> {
  const now = opts.now ?? (() => performance.now());
  let generated = 0;
  let decodeTokens = 0;
  let decodeMs = 0;
  let passes = 0;
  const start = now();
  for (const [i, prompt] of prompts.entries()) {
    for (const r of await runMode(lm, prompt, eos, mode, opts, opts.seed + i)) {
      generated += r.tokens.reduce((s, t) => s + t.length, 0) + r.finished.filter(Boolean).length;
      decodeTokens += r.decodeTokens;
      decodeMs += r.decodeMs;
      passes += r.forwardPasses;
    }
  }
  const totalMs = now() - start;
  return {
    mode,
    decodeTokensPerSecond: decodeMs > 0 ? (decodeTokens * 1000) / decodeMs : 0,
    endToEndTokensPerSecond: totalMs > 0 ? (generated * 1000) / totalMs : 0,
    generatedTokens: generated,
    decodeMs,
    totalMs,
    forwardPasses: passes,
  };
}
