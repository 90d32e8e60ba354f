/**
 * What serving costs per request (issue: money and time): prefill is compute-bound, decode is either memory-bandwidth
 * bound (a roofline: every decode step reads the weights once per batch and each sequence's KV cache) or, as in Sardana
 * et al. 2024's cost_optimal.py, a fixed utilisation of the peak FLOP rate (decode model 'mfu', for like-for-like
 * comparison with that peer). Units: N parameters, tokens, dollars, seconds.
 *
 * Assumptions (stated in the README and on screen): the k samples of a request share one prefill of its prompt (a
 * shared KV-cache prefix), each sample decodes its own answer and reads its own KV cache; the model shape follows
 * N ≈ 12·n_layer·d_model² with d_model / n_layer = aspectRatio; interconnect, failures, queueing and quantisation
 * error are not modelled; the GPU count cancels out of the cost (a replica of G GPUs is G times as fast and G times as
 * dear), so memory only decides how many GPUs one replica needs (reported, not charged beyond that).
 */
import { DomainError, assertPositive } from '../errors';
import { BYTES_PER_VALUE, assertUtilisation, dollarsPerFlop, peakFlops, type Dtype, type GpuSpec } from './hardware';

/** 'roofline': decode time from the roofline; 'mfu': decode at a fixed share of peak FLOPs (Sardana et al.'s model). */
export type DecodeModel = 'roofline' | 'mfu';

/** The serving hardware and how it is used. */
export interface ServingSetup {
  gpu: GpuSpec;
  dtype: Dtype;
  dollarsPerGpuHour: number;
  /** Share of peak FLOPs reached in prefill (and in compute-bound decode steps under the roofline). */
  prefillMfu: number;
  /** Share of peak FLOPs reached in decode, used by decode model 'mfu' only. */
  generationMfu: number;
  decodeModel: DecodeModel;
  /** Sequences decoded together per model replica (roofline only). */
  batchSize: number;
  /** Share of peak memory bandwidth a decode step reaches (roofline only). */
  bandwidthUtilisation: number;
  /** d_model / n_layer of the model shape (roofline only: sizes the KV cache). */
  aspectRatio: number;
  /** Share of attention heads with their own K and V (1 = multi-head; grouped-query attention less). */
  kvFraction: number;
}

/** One request: prompt tokens, answer tokens per sample, and samples k. */
export interface RequestShape {
  inputTokens: number;
  outputTokens: number;
  samples: number;
}

/** Bytes of KV cache one token of context takes: 2 (K and V) · n_layer · d_model · bytes · kvFraction. */
export function kvBytesPerToken(params: number, s: Pick<ServingSetup, 'dtype' | 'aspectRatio' | 'kvFraction'>): number {
  const dModel = Math.cbrt((s.aspectRatio * params) / 12);
  const layersTimesWidth = (dModel * dModel) / s.aspectRatio;
  return 2 * layersTimesWidth * BYTES_PER_VALUE[s.dtype] * s.kvFraction;
}

/** The cost of serving one request, split into prefill and decode, and what a replica needs. */
export interface RequestCost {
  /** Dollars to prefill the prompt once. */
  prefill: number;
  /** Dollars to decode k answers. */
  decode: number;
  /** Seconds of one GPU per decoded token (the roofline's step time per sequence, or the utilisation model's). */
  decodeGpuSecondsPerToken: number;
  /** Which roofline limit binds decode: 'memory' or 'compute' ('compute' under the utilisation model). */
  decodeBound: 'memory' | 'compute';
  /** GPUs one replica needs to hold the weights and the batch's KV caches. */
  gpusPerReplica: number;
}

function assertServing(s: ServingSetup): void {
  assertPositive('price per GPU-hour', s.dollarsPerGpuHour);
  assertUtilisation('prefill MFU', s.prefillMfu);
  assertUtilisation('generation MFU', s.generationMfu);
  assertUtilisation('bandwidth utilisation', s.bandwidthUtilisation);
  assertUtilisation('KV fraction', s.kvFraction);
  assertPositive('aspect ratio', s.aspectRatio);
  if (!(Number.isInteger(s.batchSize) && s.batchSize >= 1))
    throw new DomainError(`batch size must be a whole number ≥ 1 (got ${s.batchSize})`);
}

/** Cost of one request of shape `r` on a model of `params` parameters. */
export function requestCost(params: number, r: RequestShape, s: ServingSetup): RequestCost {
  assertPositive('params', params);
  assertServing(s);
  for (const [name, v] of [
    ['input tokens', r.inputTokens],
    ['output tokens', r.outputTokens],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new DomainError(`${name} must be a non-negative number (got ${v})`);
  }
  assertPositive('samples', r.samples);
  const prefill = 2 * params * r.inputTokens * dollarsPerFlop(s.gpu, s.dtype, s.dollarsPerGpuHour, s.prefillMfu);
  const decodedTokens = r.samples * r.outputTokens;
  const kv = kvBytesPerToken(params, s);
  const weights = params * BYTES_PER_VALUE[s.dtype];
  const gpusPerReplica = Math.max(
    1,
    Math.ceil((weights + s.batchSize * kv * (r.inputTokens + r.outputTokens)) / s.gpu.memoryBytes),
  );
  let seconds: number;
  let bound: 'memory' | 'compute';
  if (s.decodeModel === 'mfu') {
    seconds = (2 * params) / (peakFlops(s.gpu, s.dtype) * s.generationMfu);
    bound = 'compute';
  } else {
    const meanContext = r.inputTokens + r.outputTokens / 2;
    const compute = (2 * params) / (peakFlops(s.gpu, s.dtype) * s.prefillMfu);
    const memory =
      (weights / s.batchSize + kv * meanContext) / (s.gpu.bandwidthBytesPerSecond * s.bandwidthUtilisation);
    seconds = Math.max(compute, memory);
    bound = memory >= compute ? 'memory' : 'compute';
  }
  const decode = (decodedTokens * seconds * s.dollarsPerGpuHour) / 3600;
  return { prefill, decode, decodeGpuSecondsPerToken: seconds, decodeBound: bound, gpusPerReplica };
}
