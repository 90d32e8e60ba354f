/**
 * Which backend a lab run uses (pure): WebGPU when the browser offers a hardware adapter, else WASM, multi-threaded
 * when the page is cross-origin isolated (SharedArrayBuffer); the user may force either. A software fallback adapter
 * (isFallbackAdapter, e.g. SwiftShader in headless Chromium) is not chosen automatically: it emulates the GPU on the
 * CPU and ran a lab run ~40× slower than WASM (81 s against 2.2 s), so 'auto' takes WASM and says so; 'webgpu' still
 * forces it. Every fallback says why. Also the words the panel shows for the adapter and the browser.
 */
import type { BackendName, BackendPreference } from './lab-types';

/** What the inference worker found out about this browser. */
export interface BackendFacts {
  preference: BackendPreference;
  /** 'none': no navigator.gpu; 'no-adapter': requestAdapter gave null or threw (`gpuError`); 'adapter': one is there. */
  gpu: 'none' | 'no-adapter' | 'adapter';
  gpuError?: string;
  /** True when the adapter offered is a software fallback adapter (GPUAdapterInfo.isFallbackAdapter). */
  gpuFallbackAdapter?: boolean;
  /** How the panel names the adapter offered (describeAdapter), for the fallback reason. */
  gpuAdapterName?: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

export interface BackendChoice {
  backend: BackendName;
  /** WASM threads to configure before the first session. */
  threads: number;
  /** Why this is not WebGPU although WebGPU was asked for or preferred, or null. */
  fallbackReason: string | null;
}

/** Most WASM threads the lab asks for: tiny models gain nothing beyond this (thread hand-off costs more). */
export const MAX_WASM_THREADS = 4;

/** WASM threads: 1 without cross-origin isolation (no SharedArrayBuffer), else the cores, at most MAX_WASM_THREADS. */
export function wasmThreadCount(crossOriginIsolated: boolean, hardwareConcurrency: number): number {
  if (!crossOriginIsolated) return 1;
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency >= 1 ? Math.floor(hardwareConcurrency) : 1;
  return Math.max(1, Math.min(MAX_WASM_THREADS, cores));
}

export function chooseBackend(f: BackendFacts): BackendChoice {
  const threads = wasmThreadCount(f.crossOriginIsolated, f.hardwareConcurrency);
  if (f.preference === 'wasm') return { backend: 'wasm', threads, fallbackReason: null };
  if (f.gpu === 'adapter' && f.gpuFallbackAdapter === true && f.preference === 'auto') {
    const name = f.gpuAdapterName ? ` (${f.gpuAdapterName})` : '';
    return {
      backend: 'wasm',
      threads,
      fallbackReason: `The only WebGPU adapter is a software fallback${name}, which runs on the CPU far slower than WASM; ran on WASM (choose WebGPU to force it)`,
    };
  }
  if (f.gpu === 'adapter') return { backend: 'webgpu', threads, fallbackReason: null };
  const why =
    f.gpu === 'none'
      ? 'this browser has no WebGPU (navigator.gpu is missing)'
      : `no WebGPU adapter was offered${f.gpuError ? ` (${f.gpuError})` : ''}`;
  return { backend: 'wasm', threads, fallbackReason: `WebGPU unavailable: ${why}; ran on WASM` };
}

/** The choice after WebGPU failed while loading or running the model. */
export function fallbackAfterWebGpuFailure(choice: BackendChoice, error: unknown): BackendChoice {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    backend: 'wasm',
    threads: choice.threads,
    fallbackReason: `WebGPU failed (${detail.slice(0, 300)}); ran on WASM`,
  };
}

/** GPUAdapterInfo's fields the panel uses. */
export interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

/** "vendor architecture (description)", or "software adapter (…)" for a fallback adapter (e.g. SwiftShader). */
export function describeAdapter(info: AdapterInfoLike | undefined, isFallbackAdapter: boolean): string {
  const parts = [info?.vendor, info?.architecture, info?.device].filter((s): s is string => !!s && s.trim() !== '');
  const description = info?.description?.trim();
  const named = parts.join(' ') || description || 'unnamed adapter';
  const detail = parts.length > 0 && description ? `${named} (${description})` : named;
  return isFallbackAdapter ? `software adapter (${detail})` : detail;
}

/** Browser name and major version from a user-agent string. */
export function browserName(userAgent: string): string {
  const rules: [RegExp, string][] = [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
    [/Chrome\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* .*Safari\//, 'Safari'],
  ];
  for (const [re, name] of rules) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return userAgent.trim() === '' ? 'unknown browser' : userAgent.slice(0, 60);
}
