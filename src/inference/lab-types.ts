/**
 * Types shared by the model lab's inference worker (src/inference/lab-*.ts) and its panel (src/lab): backends, the
 * device a run ran on, one task's measurements, the run request and progress.
 */

export type BackendName = 'webgpu' | 'wasm';
export type BackendPreference = 'auto' | BackendName;

/** Where a run ran, as the panel shows it and exports it. */
export interface DeviceInfo {
  backend: BackendName;
  /** The WebGPU adapter ("software adapter" for a fallback adapter), or null on WASM. */
  adapter: string | null;
  /** WASM threads (1 when the page is not cross-origin isolated); on WebGPU the threads ORT would use for CPU ops. */
  threads: number;
  browser: string;
  crossOriginIsolated: boolean;
  /** Why the run is not on the backend that was asked for (e.g. WebGPU failed), or null. */
  fallbackReason: string | null;
}

/** One task's measurements within a run. */
export interface TaskMeasurement {
  taskId: string;
  problems: number;
  /** Mean pass@k over problems, keyed by k (every power of two ≤ n). */
  passAtK: Record<string, number>;
  nll: number | null;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  wallMs: number;
  flops: number;
  tokens: { prefill: number; decode: number; processed: number };
}

/** What the panel asks the inference worker to run. */
export interface LabRunRequest {
  /** Base URL of the zoo (ends with '/'), e.g. `${import.meta.env.BASE_URL}models/`. */
  zooUrl: string;
  modelId: string;
  taskIds: string[];
  problems: number;
  /** n, samples per problem. */
  samples: number;
  backend: BackendPreference;
}

export interface LabProgress {
  phase: 'loading' | 'warmup' | 'sampling' | 'nll';
  /** Overall fraction 0…1. */
  fraction: number;
  detail: string;
}
