/**
 * The explorer's money view (issue: money and time): the hardware, prices and utilisation a scenario carries, and
 * the cost setup they give for its design. The app keeps a few things fixed that the CLI exposes: BF16 on both sides,
 * Sardana et al.'s prefill and generation utilisations (0.5, 0.01), the roofline defaults of data/hardware.json, and
 * requests shaped like their LMSys averages (70 prompt tokens, 215 answer tokens), so the scenario's tokens served T
 * are answer tokens delivered: R = T / 215 requests, each sampled k times.
 */
import { DEFAULT_UTILISATION, ROOFLINE_DEFAULTS, defaultPrice, dollarsPerFlop, gpuSpec } from './hardware';
import type { CostSetup } from './lifetime-cost';
import type { Scenario } from '../scenario';
import type { DecodeModel } from './serving';

/** What the user chooses: GPUs, prices ($ per GPU-hour; 0 = the GPU's preset), training MFU, decode model. */
export interface CostChoice {
  trainGpu: string;
  serveGpu: string;
  trainPrice: number;
  servePrice: number;
  trainMfu: number;
  decodeModel: DecodeModel;
}

export const DEFAULT_COST_CHOICE: Readonly<CostChoice> = Object.freeze({
  trainGpu: 'h100',
  serveGpu: 'h100',
  trainPrice: 0,
  servePrice: 0,
  trainMfu: DEFAULT_UTILISATION.training,
  decodeModel: 'roofline',
});

/** A scenario's cost choice, each absent field at its default. */
export function costChoiceOf(s: Scenario): CostChoice {
  return {
    trainGpu: s.trainGpu ?? DEFAULT_COST_CHOICE.trainGpu,
    serveGpu: s.serveGpu ?? DEFAULT_COST_CHOICE.serveGpu,
    trainPrice: s.trainPrice ?? DEFAULT_COST_CHOICE.trainPrice,
    servePrice: s.servePrice ?? DEFAULT_COST_CHOICE.servePrice,
    trainMfu: s.trainMfu ?? DEFAULT_COST_CHOICE.trainMfu,
    decodeModel: s.decodeModel ?? DEFAULT_COST_CHOICE.decodeModel,
  };
}

/** Prompt and answer tokens per request in the app (Sardana et al.'s LMSys averages, cost_optimal.py defaults). */
export const APP_REQUEST = Object.freeze({ inputTokens: 70, outputTokens: 215 });

/** The price in use: the typed one, or the GPU's preset when 0. */
export function priceOf(gpu: string, typed: number): { dollarsPerGpuHour: number; source: string } {
  if (typed > 0) return { dollarsPerGpuHour: typed, source: 'your price' };
  const p = defaultPrice(gpu);
  return { dollarsPerGpuHour: p.dollarsPerGpuHour, source: `${p.source}` };
}

/** The cost setup of a choice, for designs sampled k times and T answer tokens served. */
export function costSetupFor(choice: CostChoice, samples: number, tokensServed: number): CostSetup {
  return {
    train: {
      gpu: gpuSpec(choice.trainGpu),
      dtype: 'bf16',
      dollarsPerGpuHour: priceOf(choice.trainGpu, choice.trainPrice).dollarsPerGpuHour,
      mfu: choice.trainMfu,
    },
    serve: {
      gpu: gpuSpec(choice.serveGpu),
      dtype: 'bf16',
      dollarsPerGpuHour: priceOf(choice.serveGpu, choice.servePrice).dollarsPerGpuHour,
      prefillMfu: DEFAULT_UTILISATION.prefill,
      generationMfu: DEFAULT_UTILISATION.generation,
      decodeModel: choice.decodeModel,
      batchSize: ROOFLINE_DEFAULTS.batchSize,
      bandwidthUtilisation: ROOFLINE_DEFAULTS.bandwidthUtilisation,
      aspectRatio: ROOFLINE_DEFAULTS.aspectRatio,
      kvFraction: ROOFLINE_DEFAULTS.kvFraction,
    },
    requests: tokensServed / APP_REQUEST.outputTokens,
    request: { ...APP_REQUEST, samples },
  };
}

/**
 * Dollars per FLOP of each budget, for reading FLOP budgets in money: training at the training MFU; inference at the
 * compute roof (prefill MFU), which is exact for compute-bound serving and a lower bound when decode is
 * memory-bound (the design's own serving cost, from the chosen decode model, is given separately).
 */
export function dollarsPerBudgetFlop(choice: CostChoice): { train: number; inference: number } {
  const s = costSetupFor(choice, 1, 0);
  return {
    train: dollarsPerFlop(s.train.gpu, s.train.dtype, s.train.dollarsPerGpuHour, s.train.mfu),
    inference: dollarsPerFlop(s.serve.gpu, s.serve.dtype, s.serve.dollarsPerGpuHour, s.serve.prefillMfu),
  };
}
