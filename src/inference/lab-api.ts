/**
 * The model lab's worker API (exposed by workers/inference.worker.ts; the worker imports this module, and so
 * onnxruntime-web, only when the lab panel opens): probe the backend, run a zoo model on chosen tasks, cancel.
 * Errors come back as a kind and a message for a person, never as a crash; earlier results are the caller's.
 */
import { CancelledError } from './generate';
import { evaluateTask, type EvaluationResult } from './evaluate';
import { ModelRunError, type LanguageModel } from './lm';
import { ZooFormatError, type ModelEntry } from './manifest';
import { ChecksumError } from './checksum';
import { CharTokenizer, TokenizerError } from './tokenizer';
import { configureWasm, loadZooModel, ModelLoadError, wasmThreads } from './session';
import {
  browserName,
  chooseBackend,
  describeAdapter,
  fallbackAfterWebGpuFailure,
  type AdapterInfoLike,
  type BackendChoice,
  type BackendFacts,
} from './lab-backend';
import { fetchModelBytes, loadZooIndex, type ModelSource } from './lab-zoo';
import type { BackendPreference, DeviceInfo, LabProgress, LabRunRequest, TaskMeasurement } from './lab-types';

export type LabErrorKind = 'missing' | 'checksum' | 'load' | 'format' | 'memory' | 'run';

export type LabOutcome =
  | {
      status: 'done';
      device: DeviceInfo;
      perTask: TaskMeasurement[];
      temperature: number;
      seed: number;
      usedKvCache: boolean;
      source: ModelSource;
      model: { id: string; params: number; tokens: number };
    }
  | { status: 'cancelled' }
  | { status: 'error'; kind: LabErrorKind; message: string };

interface GpuProbe {
  facts: BackendFacts;
  adapter: string | null;
}

type NavigatorWithGpu = {
  gpu?: {
    requestAdapter(): Promise<null | {
      info?: AdapterInfoLike & { isFallbackAdapter?: boolean };
      isFallbackAdapter?: boolean;
    }>;
  };
};

async function probeGpu(preference: BackendPreference): Promise<GpuProbe> {
  const nav = (typeof navigator === 'undefined' ? {} : navigator) as NavigatorWithGpu & {
    hardwareConcurrency?: number;
  };
  const base = {
    preference,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: nav.hardwareConcurrency ?? 1,
  };
  if (preference === 'wasm') return { facts: { ...base, gpu: 'none' }, adapter: null };
  if (!nav.gpu) return { facts: { ...base, gpu: 'none' }, adapter: null };
  try {
    const adapter = await nav.gpu.requestAdapter();
    if (!adapter) return { facts: { ...base, gpu: 'no-adapter' }, adapter: null };
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const name = describeAdapter(adapter.info, fallback);
    return { facts: { ...base, gpu: 'adapter', gpuFallbackAdapter: fallback, gpuAdapterName: name }, adapter: name };
  } catch (e) {
    return {
      facts: { ...base, gpu: 'no-adapter', gpuError: e instanceof Error ? e.message : String(e) },
      adapter: null,
    };
  }
}

function deviceOf(choice: BackendChoice, adapter: string | null, coi: boolean): DeviceInfo {
  return {
    backend: choice.backend,
    adapter: choice.backend === 'webgpu' ? adapter : null,
    threads: wasmThreads() ?? choice.threads,
    browser: browserName(typeof navigator === 'undefined' ? '' : navigator.userAgent),
    crossOriginIsolated: coi,
    fallbackReason: choice.fallbackReason,
  };
}

let threadsSet = false;
let controller: AbortController | null = null;
let loaded: { key: string; lm: LanguageModel } | null = null;

async function sessionFor(
  req: LabRunRequest,
  entry: ModelEntry,
  bytes: Uint8Array,
  choice: BackendChoice,
): Promise<LanguageModel> {
  const key = `${req.zooUrl}|${entry.id}|${entry.sha256}|${choice.backend}`;
  if (loaded?.key === key) return loaded.lm;
  loaded = null;
  const lm = await loadZooModel(entry, bytes, { executionProviders: [choice.backend] });
  loaded = { key, lm };
  return lm;
}

/** An error of a run as the panel reports it: its kind and a message for a person (exported for tests). */
export function classify(e: unknown): LabOutcome {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof CancelledError) return { status: 'cancelled' };
  if (e instanceof ChecksumError) return { status: 'error', kind: 'checksum', message };
  if (e instanceof ZooFormatError) return { status: 'error', kind: 'format', message };
  if (e instanceof ModelLoadError)
    return { status: 'error', kind: /HTTP 404|missing/.test(message) ? 'missing' : 'load', message };
  if (
    /out of memory|allocation failed|failed to allocate/i.test(message) ||
    /\bOOM\b/.test(message) ||
    (e instanceof RangeError && /buffer|memory/i.test(message))
  ) {
    return {
      status: 'error',
      kind: 'memory',
      message: `out of memory: ${message} — try fewer samples per problem or a smaller model`,
    };
  }
  if (e instanceof ModelRunError || e instanceof TokenizerError || e instanceof RangeError)
    return { status: 'error', kind: 'run', message };
  return { status: 'error', kind: 'run', message };
}

/** Evaluates every task; progress is the overall fraction over tasks. */
async function evaluateAll(
  lm: LanguageModel,
  tok: CharTokenizer,
  req: LabRunRequest,
  entry: ModelEntry,
  tasks: import('./manifest').Task[],
  ev: { temperature: number; seed: number },
  signal: AbortSignal,
  onProgress?: (p: LabProgress) => void,
): Promise<EvaluationResult[]> {
  const out: EvaluationResult[] = [];
  for (const [i, task] of tasks.entries()) {
    out.push(
      await evaluateTask(lm, tok, task, {
        params: entry.params,
        problems: req.problems,
        samples: req.samples,
        temperature: ev.temperature,
        seed: ev.seed,
        signal,
        warmupMs: i === 0 ? 1000 : 0,
        onProgress: (p) => {
          const within =
            p.phase === 'warmup'
              ? 0.05 * (p.done / p.total)
              : p.phase === 'sampling'
                ? 0.05 + 0.85 * (p.done / p.total)
                : 1;
          onProgress?.({
            phase: p.phase,
            fraction: (i + within) / tasks.length,
            detail: `${task.name}: ${p.phase} ${p.done}/${p.total}`,
          });
        },
      }),
    );
  }
  return out;
}

function measurement(r: EvaluationResult): TaskMeasurement {
  return {
    taskId: r.taskId,
    problems: r.problems,
    passAtK: r.passAtK,
    nll: r.meanNll,
    prefillTokensPerSecond: r.prefillTokensPerSecond,
    decodeTokensPerSecond: r.decodeTokensPerSecond,
    wallMs: r.wallMs,
    flops: r.flops,
    tokens: { prefill: r.tokens.prefill, decode: r.tokens.decode, processed: r.tokens.processed },
  };
}

export const labApi = {
  /** The backend a run would use now, and the device facts the panel shows. */
  async probe(preference: BackendPreference): Promise<DeviceInfo> {
    const gpu = await probeGpu(preference);
    return deviceOf(chooseBackend(gpu.facts), gpu.adapter, gpu.facts.crossOriginIsolated);
  },

  /** Runs `req`; `onProgress` is a Comlink.proxy on the page. One run at a time (a new run cancels the old one). */
  async run(req: LabRunRequest, onProgress?: (p: LabProgress) => void): Promise<LabOutcome> {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    try {
      onProgress?.({ phase: 'loading', fraction: 0, detail: 'reading the zoo manifest' });
      const { manifest, tasks: taskFile } = await loadZooIndex(req.zooUrl);
      const entry = manifest.models.find((m) => m.id === req.modelId);
      if (!entry)
        return { status: 'error', kind: 'missing', message: `model ${req.modelId} is not in the zoo manifest` };
      const tasks = req.taskIds.map((id) => taskFile.tasks.find((t) => t.id === id));
      const unknown = req.taskIds.filter((_, i) => !tasks[i]);
      if (unknown.length > 0)
        return { status: 'error', kind: 'format', message: `unknown task(s): ${unknown.join(', ')}` };
      const gpu = await probeGpu(req.backend);
      let choice = chooseBackend(gpu.facts);
      if (!threadsSet) {
        configureWasm(choice.threads);
        threadsSet = true;
      }
      onProgress?.({ phase: 'loading', fraction: 0, detail: `loading ${entry.file}` });
      const { bytes, source } = await fetchModelBytes(req.zooUrl, entry);
      const tok = new CharTokenizer(manifest.vocab, manifest.specialTokens);
      const ev = { temperature: manifest.evaluation.temperature, seed: manifest.evaluation.seed };
      let results: EvaluationResult[];
      let lm: LanguageModel;
      try {
        lm = await sessionFor(req, entry, bytes, choice);
        results = await evaluateAll(
          lm,
          tok,
          req,
          entry,
          tasks as import('./manifest').Task[],
          ev,
          ctrl.signal,
          onProgress,
        );
      } catch (e) {
        if (choice.backend !== 'webgpu' || e instanceof CancelledError || e instanceof ChecksumError) throw e;
        choice = fallbackAfterWebGpuFailure(choice, e);
        lm = await sessionFor(req, entry, bytes, choice);
        results = await evaluateAll(
          lm,
          tok,
          req,
          entry,
          tasks as import('./manifest').Task[],
          ev,
          ctrl.signal,
          onProgress,
        );
      }
      return {
        status: 'done',
        device: deviceOf(choice, gpu.adapter, gpu.facts.crossOriginIsolated),
        perTask: results.map(measurement),
        temperature: ev.temperature,
        seed: ev.seed,
        usedKvCache: results.every((r) => r.usedKvCache),
        source,
        model: { id: entry.id, params: entry.params, tokens: entry.tokens },
      };
    } catch (e) {
      return classify(e);
    } finally {
      if (controller === ctrl) controller = null;
    }
  },

  /** Stops the run in progress (it resolves as cancelled). */
  cancel(): void {
    controller?.abort();
  },

  ping(): 'pong' {
    return 'pong';
  },
};

export type LabApi = typeof labApi;
