/** Test fixtures of the lab (not shipped code paths). */
import type { DeviceInfo, TaskMeasurement } from './types';
import type { RunMeta } from './records-logic';

export const DEVICE: DeviceInfo = {
  backend: 'wasm',
  adapter: null,
  threads: 4,
  browser: 'Chromium 140',
  crossOriginIsolated: true,
  fallbackReason: null,
};

export function taskMeasurement(
  taskId: string,
  pass: Record<string, number>,
  nll: number | null,
  extra: Partial<TaskMeasurement> = {},
): TaskMeasurement {
  return {
    taskId,
    problems: 4,
    passAtK: pass,
    nll,
    prefillTokensPerSecond: 1000,
    decodeTokensPerSecond: 2000,
    wallMs: 500,
    flops: 1e9,
    tokens: { prefill: 100, decode: 400, processed: 600 },
    ...extra,
  };
}

export function meta(over: Partial<RunMeta> = {}): RunMeta {
  return {
    id: 'r1',
    createdAt: '2026-11-22T11:00:00.000Z',
    modelId: 'n29k-d139k-s0',
    params: 28672,
    tokens: 139264,
    problems: 4,
    samples: 4,
    k: 4,
    temperature: 1,
    seed: 4242,
    usedKvCache: true,
    device: DEVICE,
    ...over,
  };
}
