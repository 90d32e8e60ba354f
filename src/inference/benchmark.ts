/**
 * Decode-throughput measurement of one model in four ways: k samples per prompt as one batch or one sample at a time,
 * each with the KV cache or with a full forward pass per step. Every way draws the same samples (per-row random
 * streams), so all generate the same tokens and only the time differs. The first prompt is run once untimed as warm-up.
 */
import { sampleAnswers, type SampleResult } from './generate';
import type { LanguageModel } from './lm';

export type DecodeMode = 'batched-cache' | 'single-cache' | 'batched-nocache' | 'single-nocache';
export const DECODE_MODES: readonly DecodeMode[] = ['batched-cache', 'single-cache', 'batched-nocache', 'single-nocache'];

export interface DecodeBenchOptions {
  /** Samples per prompt. */
  k: number;
  temperature: number;
  maxNewTokens: number;
  seed: number;
  /** Timed repetitions; the fastest is reported (least disturbed by other load). Default 1. */
  repeats?: number;
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

async function runMode(lm: LanguageModel, prompt: readonly number[], eos: number, mode: DecodeMode, opts: DecodeBenchOptions, seed: number): Promise<SampleResult[]> {
  const useKvCache = mode.endsWith('-cache');
  const base = { temperature: opts.temperature, maxNewTokens: opts.maxNewTokens, seed, useKvCache, now: opts.now };
  if (mode.startsWith('batched')) return [await sampleAnswers(lm, prompt, eos, { ...base, count: opts.k })];
  const out: SampleResult[] = [];
  for (let r = 0; r < opts.k; r++) out.push(await sampleAnswers(lm, prompt, eos, { ...base, count: 1, firstSample: r }));
  return out;
}

/** Runs `mode` over every prompt (token ids) `repeats` times after one warm-up; returns the fastest repetition. */
export async function benchmarkDecode(lm: LanguageModel, prompts: readonly (readonly number[])[], eos: number, mode: DecodeMode, opts: DecodeBenchOptions): Promise<DecodeBenchResult> {
  await runMode(lm, prompts[0]!, eos, mode, opts, opts.seed ^ 0x5bd1e995);
  let best: DecodeBenchResult | undefined;
  for (let i = 0; i < (opts.repeats ?? 1); i++) {
    const r = await timeOnce(lm, prompts, eos, mode, opts);
    if (!best || r.decodeTokensPerSecond > best.decodeTokensPerSecond) best = r;
  }
  return best!;
}

async function timeOnce(lm: LanguageModel, prompts: readonly (readonly number[])[], eos: number, mode: DecodeMode, opts: DecodeBenchOptions): Promise<DecodeBenchResult> {
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
