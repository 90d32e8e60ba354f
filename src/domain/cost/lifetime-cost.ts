/**
 * Lifetime cost of a language model in dollars (issue: money and time): training 6ND at a training MFU on a training
 * GPU, plus serving R requests (prefill, k sampled answers) on a serving GPU (./serving.ts), and the cost-optimal
 * design for a target loss — Sardana et al. 2024's cost-optimal view (arXiv:2401.00448 §3; their cost_optimal.py),
 * extended with k and with a roofline decode model. Units: N parameters, D tokens, dollars, GPU-hours.
 */
import { assertChinchillaConstants, chinchillaOptimumForLoss, isoLossParams } from '../chinchilla';
import { DomainError, assertPositive } from '../errors';
import { minimize1d, minimize1dGrid } from '../optim/minimize1d';
import type { ChinchillaConstants } from '../constants-types';
import { assertUtilisation, dollarsPerFlop, gpuHours, type Dtype, type GpuSpec } from './hardware';
import { requestCost, type RequestShape, type ServingSetup } from './serving';

/** The training hardware and its utilisation. */
export interface TrainingSetup {
  gpu: GpuSpec;
  dtype: Dtype;
  dollarsPerGpuHour: number;
  /** Model FLOP utilisation of training (Epoch AI's median over large runs: 0.375). */
  mfu: number;
}

/** Everything that turns a design into dollars: hardware, and the lifetime demand (requests of one shape). */
export interface CostSetup {
  train: TrainingSetup;
  serve: ServingSetup;
  /** Requests served over the model's life (≥ 0). */
  requests: number;
  request: RequestShape;
}

/** A design's lifetime cost. */
export interface DesignCost {
  trainCost: number;
  prefillCost: number;
  decodeCost: number;
  inferenceCost: number;
  totalCost: number;
  trainFlops: number;
  /** GPU-hours of training at the training MFU. */
  trainGpuHours: number;
  /** GPU-hours of serving (inference cost ÷ price). */
  inferenceGpuHours: number;
  /** Serving dollars per million answer tokens delivered (requests × output tokens; k samples each). */
  inferenceCostPerMillionTokens: number;
  /** trainCost / totalCost. */
  trainingShare: number;
  /** Which limit binds decode under the roofline ('compute' under the utilisation model). */
  decodeBound: 'memory' | 'compute';
  gpusPerServingReplica: number;
}

function assertSetup(s: CostSetup): void {
  if (!(Number.isFinite(s.requests) && s.requests >= 0))
    throw new DomainError(`requests must be a non-negative number (got ${s.requests})`);
  assertPositive('training price per GPU-hour', s.train.dollarsPerGpuHour);
  assertUtilisation('training MFU', s.train.mfu);
}

/** The lifetime cost of training N parameters on D tokens and serving `setup.requests` requests. */
export function designCost(params: number, tokens: number, setup: CostSetup): DesignCost {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  assertSetup(setup);
  const trainFlops = 6 * params * tokens;
  const trainCost =
    trainFlops * dollarsPerFlop(setup.train.gpu, setup.train.dtype, setup.train.dollarsPerGpuHour, setup.train.mfu);
  const r = requestCost(params, setup.request, setup.serve);
  const prefillCost = r.prefill * setup.requests;
  const decodeCost = r.decode * setup.requests;
  const inferenceCost = prefillCost + decodeCost;
  const totalCost = trainCost + inferenceCost;
  const answerTokens = setup.requests * setup.request.outputTokens;
  const out: DesignCost = {
    trainCost,
    prefillCost,
    decodeCost,
    inferenceCost,
    totalCost,
    trainFlops,
    trainGpuHours: gpuHours(trainFlops, setup.train.gpu, setup.train.dtype, setup.train.mfu),
    inferenceGpuHours: inferenceCost / setup.serve.dollarsPerGpuHour,
    inferenceCostPerMillionTokens: answerTokens > 0 ? (inferenceCost / answerTokens) * 1e6 : 0,
    trainingShare: totalCost > 0 ? trainCost / totalCost : 1,
    decodeBound: r.decodeBound,
    gpusPerServingReplica: r.gpusPerReplica,
  };
  if (!Object.values(out).every((v) => typeof v === 'string' || Number.isFinite(v))) {
    throw new DomainError('the cost overflows: a design, demand or price is out of range');
  }
  return out;
}

/** The cost-optimal design for a loss and the equal-loss Chinchilla-style model it is compared with. */
export interface CostOptimum {
  params: number;
  tokens: number;
  cost: DesignCost;
  /** The compute-optimal model with the same loss (Hoffmann Eq. 4 on the iso-loss curve), at the same demand. */
  chinchilla: { params: number; tokens: number; cost: DesignCost };
  paramsRatio: number;
  tokensRatio: number;
  /** cost.totalCost / chinchilla.cost.totalCost (≤ 1). */
  costRatio: number;
}

/** How far above the asymptote D_min = (B/(ℓ − E))^(1/β) the search over ln D reaches (nats of D). */
const LOG_D_SPAN = 100;

/**
 * Least lifetime cost reaching loss ℓ: a grid plus Brent search over ln D on the iso-loss curve N(D) of the Chinchilla
 * law (laws.md §4's method with dollars in place of FLOPs). Under the utilisation decode model with k = 1 it is the
 * minimum Sardana et al.'s cost_optimal.py finds by Newton's method on the same first-order condition.
 * @throws DomainError when ℓ ≤ E or an input is invalid.
 */
export function costOptimum(c: ChinchillaConstants, targetLoss: number, setup: CostSetup): CostOptimum {
  assertChinchillaConstants(c);
  assertSetup(setup);
  const reference = chinchillaOptimumForLoss(c, targetLoss); // throws on ℓ ≤ E
  const logDMin = (Math.log(c.B) - Math.log(targetLoss - c.E)) / c.beta;
  const total = (logD: number) => {
    const d = Math.exp(logD);
    const n = isoLossParams(c, targetLoss, d);
    if (n === null) return Number.POSITIVE_INFINITY;
    try {
      return Math.log(designCost(n, d, setup).totalCost);
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };
  const coarse = minimize1dGrid(total, logDMin + 1e-9, logDMin + LOG_D_SPAN, 128);
  const refined = minimize1d(total, coarse.x - 0.5, coarse.x + 0.5, 1e-13);
  const logD = refined.value <= coarse.value ? refined.x : coarse.x;
  const tokens = Math.exp(logD);
  const params = isoLossParams(c, targetLoss, tokens);
  if (params === null) throw new DomainError(`no model reaches loss ${targetLoss} within the searched range`);
  const cost = designCost(params, tokens, setup);
  const refCost = designCost(reference.params, reference.tokens, setup);
  return {
    params,
    tokens,
    cost,
    chinchilla: { params: reference.params, tokens: reference.tokens, cost: refCost },
    paramsRatio: params / reference.params,
    tokensRatio: tokens / reference.tokens,
    costRatio: cost.totalCost / refCost.totalCost,
  };
}
