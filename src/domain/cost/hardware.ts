/**
 * GPU presets and prices for turning FLOPs into GPU-hours, wall-clock and dollars (issue: money and time). Figures
 * come from the vendors' datasheets (dense peaks, no sparsity) and from Sardana et al. 2024's cost calculator
 * (beyond-chinchilla, Apache-2.0); each preset carries its source in data/hardware.json. Pure lookups and arithmetic.
 */
import { DomainError, assertPositive } from '../errors';
import hardware from '../data/hardware.json';

/** Number formats a GPU computes in: the peak FLOP rate and the bytes per weight depend on it. */
export type Dtype = 'bf16' | 'fp16' | 'fp8' | 'int8';
export const DTYPES: readonly Dtype[] = ['bf16', 'fp16', 'fp8', 'int8'];

/** Bytes per stored weight (and KV-cache entry) in each format. */
export const BYTES_PER_VALUE: Readonly<Record<Dtype, number>> = { bf16: 2, fp16: 2, fp8: 1, int8: 1 };

/** One accelerator: dense peak FLOP/s per format, memory and bandwidth, from its datasheet. */
export interface GpuSpec {
  id: string;
  name: string;
  /** Dense peak (FLOP/s, or OP/s for int8) per supported format. */
  peakFlops: Partial<Record<Dtype, number>>;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  source: string;
}

/** A rental price per GPU-hour with its source and date. */
export interface GpuPrice {
  gpu: string;
  dollarsPerGpuHour: number;
  source: string;
  date: string;
}

export const GPUS: readonly GpuSpec[] = Object.freeze(hardware.gpus as GpuSpec[]);
export const GPU_IDS: readonly string[] = GPUS.map((g) => g.id);
export const GPU_PRICES: readonly GpuPrice[] = Object.freeze(hardware.prices as GpuPrice[]);

/** Default utilisations with their sources (training MFU, prefill MFU, the peer's generation MFU). */
export const DEFAULT_UTILISATION = Object.freeze({ ...hardware.mfu });
/** Defaults of the roofline decode model (batch, bandwidth utilisation, shape), each an editable, labelled assumption. */
export const ROOFLINE_DEFAULTS = Object.freeze({ ...hardware.roofline });

/** The preset with this id; throws a DomainError naming the known ids otherwise. */
export function gpuSpec(id: string): GpuSpec {
  const g = GPUS.find((x) => x.id === id);
  if (!g) throw new DomainError(`unknown GPU "${id.slice(0, 40)}" (expected one of ${GPU_IDS.join(', ')})`);
  return g;
}

/** The preset price per GPU-hour of a GPU (dollars). */
export function defaultPrice(id: string): GpuPrice {
  const p = GPU_PRICES.find((x) => x.gpu === gpuSpec(id).id);
  if (!p) throw new DomainError(`no price preset for GPU ${id}`);
  return p;
}

/** Dense peak FLOP/s of `gpu` in `dtype`; throws when the GPU has no such format (the A100 has no FP8). */
export function peakFlops(gpu: GpuSpec, dtype: Dtype): number {
  const v = gpu.peakFlops[dtype];
  if (v === undefined)
    throw new DomainError(`${gpu.name} has no ${dtype} peak (supported: ${Object.keys(gpu.peakFlops).join(', ')})`);
  return v;
}

/** Throws unless `u` is a utilisation in (0, 1]. */
export function assertUtilisation(name: string, u: number): void {
  if (!(Number.isFinite(u) && u > 0 && u <= 1)) throw new DomainError(`${name} must be in (0, 1] (got ${u})`);
}

/**
 * Dollars per FLOP actually done: price / (3600 · peak · utilisation). This is Sardana et al.'s cost_per_flop divided
 * by the MFU, as their cost() does.
 */
export function dollarsPerFlop(gpu: GpuSpec, dtype: Dtype, dollarsPerGpuHour: number, utilisation: number): number {
  assertPositive('price per GPU-hour', dollarsPerGpuHour);
  assertUtilisation('utilisation', utilisation);
  return dollarsPerGpuHour / (3600 * peakFlops(gpu, dtype) * utilisation);
}

/** GPU-hours to do `flops` at `utilisation` of the peak: flops / (3600 · peak · u). */
export function gpuHours(flops: number, gpu: GpuSpec, dtype: Dtype, utilisation: number): number {
  assertUtilisation('utilisation', utilisation);
  return flops / (3600 * peakFlops(gpu, dtype) * utilisation);
}
