/**
 * Reads the repeated-sampling counts of Pythia checkpoints on GSM8K and MATH from a LOCAL snapshot of
 * RylanSchaeffer/KoyejoLab-Large-How-Do-Language-Monkey-Power-Get-Their-Power (Schaeffer et al. 2025, "How Do Large
 * Language Monkeys Get Their Power (Laws)?", ICML 2025, openreview QqVZ28qems), files
 * data/raw_data/large_language_monkeys/{gsm8k,math}_pass_at_k.parquet. That repository has NO licence: its files are
 * never copied into this project or committed; this module reads them from the git snapshot at fit time only
 * (`git --git-dir=<mirror> show <commit>:<path>`), by hand, never in CI. Only fitted constants and a few aggregate
 * values, with citation, are committed (tools/public-fits/transplant.json).
 *
 * Each file has one row per (checkpoint, problem, k) with the problem's sample count n ("Num. Samples") and correct
 * count c ("Num. Samples Correct"); n and c do not depend on k, so one (n, c) per (checkpoint, problem) is kept. The
 * file's own pass@k column is NOT used: it is wrong for k > n (laws.md §3); pass@k is recomputed with Chen et al.'s
 * unbiased estimator where k ≤ n.
 */
import { execFileSync } from 'node:child_process';
import { parquetReadObjects } from 'hyparquet';
import architecture from './pythia-architecture.json';
import { nonEmbeddingParams, pythiaSizes } from './pythia-data';

/** Where `fetch github:RylanSchaeffer/KoyejoLab-…` puts the snapshot; override with REPEATED_SAMPLING_MIRROR. */
export const DEFAULT_MIRROR =
  '/work/.mirror/RylanSchaeffer+KoyejoLab-Large-How-Do-Language-Monkey-Power-Get-Their-Power/repo';
/** The snapshot commit the shipped constants were fitted on. */
export const MIRROR_COMMIT = 'cd078aef2a13e4310fab204860b99c4c39c25d40';
export const REPO = 'RylanSchaeffer/KoyejoLab-Large-How-Do-Language-Monkey-Power-Get-Their-Power';

/** Checkpoint nicknames' token labels → Pythia training step (data/raw_data/gpt4_gsm8k/models_pythia.csv of the repo). */
export const STEP_OF_LABEL: Readonly<Record<string, number>> = {
  '2M': 1,
  '64M': 32,
  '512M': 256,
  '2B': 1000,
  '6B': 3000,
  '20B': 10000,
  '60B': 30000,
  '200B': 100000,
  '300B': 143000,
};

export type Benchmark = 'gsm8k' | 'math';

/** One checkpoint's counts on one benchmark. */
export interface SampledCheckpoint {
  benchmark: Benchmark;
  nickname: string;
  sizeLabel: string;
  step: number;
  params: number;
  nonEmbeddingParams: number;
  tokens: number;
  warmup: boolean;
  counts: { n: number; c: number }[];
}

function readBlob(path: string, mirror: string, commit: string): ArrayBuffer {
  const buf = execFileSync('git', ['--git-dir', mirror, 'show', `${commit}:${path}`], { maxBuffer: 1 << 28 });
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** All checkpoints of one benchmark, sorted by size then step. Throws when the snapshot is missing or malformed. */
export async function readSampledCheckpoints(
  benchmark: Benchmark,
  mirror = process.env.REPEATED_SAMPLING_MIRROR ?? DEFAULT_MIRROR,
  commit = MIRROR_COMMIT,
): Promise<SampledCheckpoint[]> {
  const file = readBlob(`data/raw_data/large_language_monkeys/${benchmark}_pass_at_k.parquet`, mirror, commit);
  const rows = await parquetReadObjects({
    file,
    columns: ['Model Nickname', 'prompt_idx', 'Num. Samples', 'Num. Samples Correct'],
  });
  const sizes = new Map(pythiaSizes().map((s) => [s.label, s]));
  const byCheckpoint = new Map<string, Map<string, { n: number; c: number }>>();
  for (const r of rows as Record<string, unknown>[]) {
    const nick = String(r['Model Nickname']);
    const n = Number(r['Num. Samples']),
      c = Number(r['Num. Samples Correct']);
    const problems = byCheckpoint.get(nick) ?? new Map<string, { n: number; c: number }>();
    byCheckpoint.set(nick, problems);
    const key = String(r.prompt_idx);
    const prev = problems.get(key);
    if (prev && (prev.n !== n || prev.c !== c))
      throw new Error(`${benchmark}: ${nick} problem ${key} has two different (n, c)`);
    problems.set(key, { n, c });
  }
  const out: SampledCheckpoint[] = [];
  for (const [nickname, problems] of byCheckpoint) {
    const m = /^Pythia_([0-9.]+[MB])_([0-9]+[MB])$/.exec(nickname);
    if (!m) throw new Error(`${benchmark}: unexpected checkpoint ${nickname}`);
    const size = sizes.get(m[1]!.toLowerCase());
    const step = STEP_OF_LABEL[m[2]!];
    if (!size || step === undefined) throw new Error(`${benchmark}: no size or step for ${nickname}`);
    out.push({
      benchmark,
      nickname,
      sizeLabel: size.label,
      step,
      params: size.totalParams,
      nonEmbeddingParams: nonEmbeddingParams(size.layers, size.dModel),
      tokens: step * architecture.tokensPerStep,
      warmup: step < architecture.warmupSteps,
      counts: [...problems.values()],
    });
  }
  const order = [...sizes.keys()];
  return out.sort((a, b) => order.indexOf(a.sizeLabel) - order.indexOf(b.sizeLabel) || a.step - b.step);
}
