/**
 * The cost commands (money and time): `cost`, a design's training, serving and total dollars and GPU-hours, and
 * `cost-optimum`, the least lifetime cost reaching a loss against the equal-loss Chinchilla-style model. Flags mirror
 * Sardana et al.'s cost_optimal.py (beyond-chinchilla) so the two can be run side by side; `--decode-model mfu` is
 * that peer's utilisation-based decode model, the default `roofline` ours (src/domain/cost/serving.ts).
 */
import {
  DTYPES,
  DEFAULT_UTILISATION,
  GPU_IDS,
  ROOFLINE_DEFAULTS,
  defaultPrice,
  gpuSpec,
  type Dtype,
} from '../../domain/cost/hardware';
import { costOptimum, designCost, type CostSetup, type DesignCost } from '../../domain/cost/lifetime-cost';
import type { DecodeModel } from '../../domain/cost/serving';
import { numberFlag, textFlag } from '../flags';
import { CliUsageError, type CommandSpec, type FlagSpec, type FlagValues } from '../types';
import { chinchillaConstantsFlag, chinchillaConstantsFrom } from './chinchilla';

const gpuList = GPU_IDS.join(', ');
const DEFAULTS = {
  requests: 1e10,
  input: 70,
  output: 215,
  gpu: 'h100',
  trainDtype: 'bf16',
  inferenceDtype: 'fp8',
  decode: 'roofline',
} as const;

/** Hardware, utilisation, price and demand flags shared by both commands. */
const setupFlags: FlagSpec[] = [
  {
    name: 'inference-requests',
    kind: 'nonnegative',
    metavar: 'R',
    required: false,
    defaultText: '1e10',
    help: "requests served over the model's life",
  },
  {
    name: 'input-tokens',
    kind: 'nonnegative',
    metavar: 'T',
    required: false,
    defaultText: '70',
    help: 'prompt tokens per request (prefilled once, shared by the k samples)',
  },
  {
    name: 'output-tokens',
    kind: 'nonnegative',
    metavar: 'T',
    required: false,
    defaultText: '215',
    help: 'answer tokens per sample',
  },
  {
    name: 'samples',
    kind: 'positive',
    metavar: 'K',
    required: false,
    defaultText: '1',
    help: 'samples per request k (each decodes its own answer)',
  },
  {
    name: 'train-gpu',
    kind: 'text',
    metavar: 'GPU',
    required: false,
    defaultText: DEFAULTS.gpu,
    help: `training GPU: ${gpuList}`,
  },
  {
    name: 'inference-gpu',
    kind: 'text',
    metavar: 'GPU',
    required: false,
    defaultText: DEFAULTS.gpu,
    help: `serving GPU: ${gpuList}`,
  },
  {
    name: 'train-dtype',
    kind: 'text',
    metavar: 'DTYPE',
    required: false,
    defaultText: DEFAULTS.trainDtype,
    help: `training number format: ${DTYPES.join(', ')}`,
  },
  {
    name: 'inference-dtype',
    kind: 'text',
    metavar: 'DTYPE',
    required: false,
    defaultText: DEFAULTS.inferenceDtype,
    help: `serving number format: ${DTYPES.join(', ')}`,
  },
  {
    name: 'train-mfu',
    kind: 'positive',
    metavar: 'U',
    required: false,
    defaultText: String(DEFAULT_UTILISATION.training),
    help: 'training model FLOP utilisation (Epoch AI median 0.375; the peer defaults to 0.5)',
  },
  {
    name: 'prefill-mfu',
    kind: 'positive',
    metavar: 'U',
    required: false,
    defaultText: String(DEFAULT_UTILISATION.prefill),
    help: 'prefill FLOP utilisation (also the compute roof of decode)',
  },
  {
    name: 'generation-mfu',
    kind: 'positive',
    metavar: 'U',
    required: false,
    defaultText: String(DEFAULT_UTILISATION.generation),
    help: 'decode FLOP utilisation, used by --decode-model mfu',
  },
  {
    name: 'train-price',
    kind: 'positive',
    metavar: '$',
    required: false,
    defaultText: "the GPU's preset",
    help: 'training $ per GPU-hour',
  },
  {
    name: 'inference-price',
    kind: 'positive',
    metavar: '$',
    required: false,
    defaultText: "the GPU's preset",
    help: 'serving $ per GPU-hour',
  },
  {
    name: 'decode-model',
    kind: 'text',
    metavar: 'MODEL',
    required: false,
    defaultText: DEFAULTS.decode,
    help: "roofline (memory-bandwidth bound) or mfu (the peer's fixed utilisation)",
  },
  {
    name: 'batch-size',
    kind: 'positive-count',
    metavar: 'B',
    required: false,
    defaultText: String(ROOFLINE_DEFAULTS.batchSize),
    help: 'sequences decoded together (roofline)',
  },
  {
    name: 'bandwidth-utilisation',
    kind: 'positive',
    metavar: 'U',
    required: false,
    defaultText: String(ROOFLINE_DEFAULTS.bandwidthUtilisation),
    help: 'share of peak memory bandwidth in decode (roofline)',
  },
  {
    name: 'kv-fraction',
    kind: 'positive',
    metavar: 'F',
    required: false,
    defaultText: String(ROOFLINE_DEFAULTS.kvFraction),
    help: 'share of heads with their own K and V (1 = multi-head attention)',
  },
];

function choice<T extends string>(flags: FlagValues, name: string, allowed: readonly T[], fallback: T): T {
  const v = flags.has(name) ? textFlag(flags, name) : fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new CliUsageError(`--${name} must be one of ${allowed.join(', ')} (got ${v.slice(0, 40)})`);
  return v as T;
}

/** The cost setup the flags describe (domain validation does the rest and says what is wrong). */
export function setupFrom(flags: FlagValues): CostSetup {
  const trainGpu = gpuSpec(choice(flags, 'train-gpu', GPU_IDS, DEFAULTS.gpu));
  const inferenceGpu = gpuSpec(choice(flags, 'inference-gpu', GPU_IDS, DEFAULTS.gpu));
  return {
    train: {
      gpu: trainGpu,
      dtype: choice<Dtype>(flags, 'train-dtype', DTYPES, DEFAULTS.trainDtype),
      dollarsPerGpuHour: numberFlag(flags, 'train-price', defaultPrice(trainGpu.id).dollarsPerGpuHour),
      mfu: numberFlag(flags, 'train-mfu', DEFAULT_UTILISATION.training),
    },
    serve: {
      gpu: inferenceGpu,
      dtype: choice<Dtype>(flags, 'inference-dtype', DTYPES, DEFAULTS.inferenceDtype),
      dollarsPerGpuHour: numberFlag(flags, 'inference-price', defaultPrice(inferenceGpu.id).dollarsPerGpuHour),
      prefillMfu: numberFlag(flags, 'prefill-mfu', DEFAULT_UTILISATION.prefill),
      generationMfu: numberFlag(flags, 'generation-mfu', DEFAULT_UTILISATION.generation),
      decodeModel: choice<DecodeModel>(flags, 'decode-model', ['roofline', 'mfu'], DEFAULTS.decode),
      batchSize: numberFlag(flags, 'batch-size', ROOFLINE_DEFAULTS.batchSize),
      bandwidthUtilisation: numberFlag(flags, 'bandwidth-utilisation', ROOFLINE_DEFAULTS.bandwidthUtilisation),
      aspectRatio: ROOFLINE_DEFAULTS.aspectRatio,
      kvFraction: numberFlag(flags, 'kv-fraction', ROOFLINE_DEFAULTS.kvFraction),
    },
    requests: numberFlag(flags, 'inference-requests', DEFAULTS.requests),
    request: {
      inputTokens: numberFlag(flags, 'input-tokens', DEFAULTS.input),
      outputTokens: numberFlag(flags, 'output-tokens', DEFAULTS.output),
      samples: numberFlag(flags, 'samples', 1),
    },
  };
}

function costKeys(c: DesignCost) {
  return {
    trainCost: c.trainCost,
    prefillCost: c.prefillCost,
    decodeCost: c.decodeCost,
    inferenceCost: c.inferenceCost,
    totalCost: c.totalCost,
    trainFlops: c.trainFlops,
    trainGpuHours: c.trainGpuHours,
    inferenceGpuHours: c.inferenceGpuHours,
    inferenceCostPerMillionTokens: c.inferenceCostPerMillionTokens,
    trainingShare: c.trainingShare,
    decodeBound: c.decodeBound,
    gpusPerServingReplica: c.gpusPerServingReplica,
  };
}

const COST_OUTPUT =
  'trainCost, prefillCost, decodeCost, inferenceCost, totalCost ($), trainFlops, trainGpuHours, inferenceGpuHours, inferenceCostPerMillionTokens ($ per million answer tokens), trainingShare, decodeBound, gpusPerServingReplica';

const cost: CommandSpec = {
  name: 'cost',
  summary:
    'Lifetime dollars and GPU-hours of a design: training 6ND plus serving (prefill + k decoded answers per request)',
  flags: [
    { name: 'params', kind: 'positive', metavar: 'N', required: true, help: 'model parameters N, e.g. 7B' },
    { name: 'tokens', kind: 'positive', metavar: 'D', required: true, help: 'training tokens D, e.g. 2T' },
    {
      name: 'train-gpus',
      kind: 'positive-count',
      metavar: 'G',
      required: false,
      defaultText: '1',
      help: 'GPUs training runs on, for trainDays',
    },
    ...setupFlags,
  ],
  output: `${COST_OUTPUT}, trainDays (wall-clock on --train-gpus GPUs)`,
  example: 'cost --params 8B --tokens 15T --inference-requests 1e10 --train-gpu h100 --train-gpus 16000',
  run(flags) {
    const c = designCost(numberFlag(flags, 'params'), numberFlag(flags, 'tokens'), setupFrom(flags));
    return { ...costKeys(c), trainDays: c.trainGpuHours / numberFlag(flags, 'train-gpus', 1) / 24 };
  },
};

const optimum: CommandSpec = {
  name: 'cost-optimum',
  summary:
    "Least lifetime cost reaching a loss, vs the equal-loss Chinchilla-style model (Sardana et al. 2024's cost-optimal view, with k)",
  flags: [
    chinchillaConstantsFlag,
    {
      name: 'loss',
      kind: 'positive',
      metavar: 'L',
      required: true,
      help: "target loss in nats per token (must exceed the set's E)",
    },
    ...setupFlags,
  ],
  output: `params, tokens, trainCost, totalCost, paramsRatio, tokensRatio, costRatio, cost {${COST_OUTPUT}}, chinchilla {params, tokens, trainCost, totalCost}`,
  example: 'cost-optimum --constants sardana --loss 1.947 --train-mfu 0.5 --decode-model mfu',
  run(flags, io) {
    const o = costOptimum(chinchillaConstantsFrom(flags, io), numberFlag(flags, 'loss'), setupFrom(flags));
    return {
      params: o.params,
      tokens: o.tokens,
      trainCost: o.cost.trainCost,
      totalCost: o.cost.totalCost,
      paramsRatio: o.paramsRatio,
      tokensRatio: o.tokensRatio,
      costRatio: o.costRatio,
      cost: costKeys(o.cost),
      chinchilla: {
        params: o.chinchilla.params,
        tokens: o.chinchilla.tokens,
        trainCost: o.chinchilla.cost.trainCost,
        totalCost: o.chinchilla.cost.totalCost,
      },
    };
  },
};

/** The cost command group. */
export const costCommands: CommandSpec[] = [cost, optimum];
