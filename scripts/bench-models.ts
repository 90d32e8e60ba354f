/**
 * Decode throughput of the smallest and largest zoo models on onnxruntime-web WASM under Node, with 1 and 2 threads:
 * k = 16 samples per prompt as one batch vs one sample at a time, with vs without the KV cache.
 * Goal (issue 5): batched ≥ 5× one-at-a-time tokens per second for the smallest model.
 *
 *   npm run bench:models [-- --problems 4 --k 16 --threads 1,2 --repeats 3 --warmup-ms 3000 --models-dir public/models]
 *
 * After `--warmup-ms` (default 3000) of untimed work (V8 tiers the wasm up meanwhile), the modes run round-robin
 * `repeats` times and each mode's fastest round is reported, so load from other processes distorts it less.
 *
 * ORT reads its thread count once per process, so each thread count runs in a child process of this script.
 * Prints progress to stderr and one JSON summary to stdout.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECODE_MODES, benchmarkDecodeModes, type DecodeBenchResult } from '../src/inference/benchmark';
import { parseManifest, parseTaskFile, type ModelEntry } from '../src/inference/manifest';
import { configureWasm, loadZooModel } from '../src/inference/session';
import { CharTokenizer } from '../src/inference/tokenizer';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const MODELS_DIR = arg('models-dir', fileURLToPath(new URL('../public/models/', import.meta.url)));

interface ChildReport {
  threads: number;
  models: { id: string; params: number; results: DecodeBenchResult[] }[];
}

function pickModels(models: ModelEntry[]): ModelEntry[] {
  const sorted = [...models].sort((a, b) => a.params - b.params);
  return sorted.length === 1 ? sorted : [sorted[0]!, sorted[sorted.length - 1]!];
}

async function child(threads: number): Promise<ChildReport> {
  configureWasm(threads);
  const manifest = parseManifest(JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')));
  const tasks = parseTaskFile(JSON.parse(readFileSync(join(MODELS_DIR, 'tasks.json'), 'utf8'))).tasks;
  const tokenizer = new CharTokenizer(manifest.vocab, manifest.specialTokens);
  const perTask = Number(arg('problems', '4'));
  const k = Number(arg('k', '16'));
  const prompts = tasks.flatMap((t) => t.problems.slice(0, perTask).map((p) => tokenizer.encodePrompt(p.prompt)));
  const maxNewTokens = Math.max(...tasks.map((t) => t.maxAnswerTokens));
  const report: ChildReport = { threads, models: [] };
  for (const entry of pickModels(manifest.models)) {
    const lm = await loadZooModel(entry, new Uint8Array(readFileSync(join(MODELS_DIR, entry.file))));
    const results = await benchmarkDecodeModes(lm, prompts, tokenizer.eos, DECODE_MODES, {
      k,
      temperature: manifest.evaluation.temperature,
      maxNewTokens,
      seed: manifest.evaluation.seed,
      repeats: Number(arg('repeats', '3')),
      warmupMs: Number(arg('warmup-ms', '3000')),
    });
    for (const r of results) {
      process.stderr.write(
        `threads ${threads} ${entry.id} ${r.mode}: ${r.decodeTokensPerSecond.toFixed(0)} decode tok/s, ${r.endToEndTokensPerSecond.toFixed(0)} end-to-end tok/s\n`,
      );
    }
    report.models.push({ id: entry.id, params: entry.params, results });
  }
  return report;
}

function parent(): void {
  const threadCounts = arg('threads', '1,2').split(',').map(Number);
  const reports: ChildReport[] = [];
  for (const threads of threadCounts) {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, ...process.argv.slice(2), '--child', String(threads)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
    );
    if (run.status !== 0) throw new Error(`benchmark with ${threads} thread(s) failed (exit ${run.status})`);
    reports.push(JSON.parse(run.stdout) as ChildReport);
  }
  const rate = (r: ChildReport['models'][number], mode: string) =>
    r.results.find((x) => x.mode === mode)!.decodeTokensPerSecond;
  const rows = reports.flatMap((rep) =>
    rep.models.map((m) => ({
      threads: rep.threads,
      model: m.id,
      params: m.params,
      decodeTokensPerSecond: Object.fromEntries(m.results.map((r) => [r.mode, Math.round(r.decodeTokensPerSecond)])),
      endToEndTokensPerSecond: Object.fromEntries(
        m.results.map((r) => [r.mode, Math.round(r.endToEndTokensPerSecond)]),
      ),
      batchedOverSingle: round2(rate(m, 'batched-cache') / rate(m, 'single-cache')),
      cacheOverNoCache: round2(rate(m, 'batched-cache') / rate(m, 'batched-nocache')),
    })),
  );
  const smallest = rows.filter((r) => r.params === Math.min(...rows.map((x) => x.params)));
  const summary = {
    runtime: 'onnxruntime-web (wasm) under Node',
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    k: Number(arg('k', '16')),
    problemsPerTask: Number(arg('problems', '4')),
    repeats: Number(arg('repeats', '3')),
    warmupMs: Number(arg('warmup-ms', '3000')),
    results: rows,
    goal: {
      statement: 'batched k=16 ≥ 5× one-at-a-time decode tokens/s for the smallest model',
      met: smallest.every((r) => r.batchedOverSingle >= 5),
      ratios: smallest.map((r) => ({ threads: r.threads, ratio: r.batchedOverSingle })),
    },
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const report = await child(Number(process.argv[childIndex + 1]));
  process.stdout.write(JSON.stringify(report));
} else {
  parent();
}
