/**
 * The money view of one scenario (issue: money and time): its budgets in dollars and GPU-hours, the lifetime cost of
 * the design and of the optimum, and — on the Chinchilla law of the current set — the cost-optimal design at the
 * design's loss against the FLOP-optimal one (Sardana et al. 2024's cost-optimal view, with k). Pure, from the domain.
 */
import { DomainError } from '../../domain/errors';
import { gpuSpec } from '../../domain/cost/hardware';
import { costOptimum, designCost } from '../../domain/cost/lifetime-cost';
import { costChoiceOf, costSetupFor, dollarsPerBudgetFlop, priceOf } from '../../domain/cost/scenario-cost';
import { chinchillaLoss } from '../../domain/chinchilla';
import { lifetimeOptimum } from '../../domain/sardana';
import type { Scenario } from '../../domain/scenario';
import type { CostData } from '../explorer-data-types';
import type { QualityLaw } from './law';
import type { DesignPoint } from '../explorer-data-types';

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/** The money view of `scenario`: `optimum` is the two-budget (or lifetime) optimum the readouts show. */
export function buildCost(
  law: QualityLaw,
  scenario: Scenario,
  design: DesignPoint,
  optimum: DesignPoint | null,
): CostData {
  const choice = costChoiceOf(scenario);
  const perFlop = dollarsPerBudgetFlop(choice);
  const setup = (k: number) => costSetupFor(choice, k, scenario.tokensServed);
  const designCostNow = attempt(() => designCost(design.params, design.tokens, setup(design.samples)));
  const optimumCost = optimum
    ? attempt(() => designCost(optimum.params, optimum.tokens, setup(optimum.samples)))
    : null;
  // The cost-optimal and FLOP-optimal designs at the design's Chinchilla loss, both sampled k times.
  const loss = chinchillaLoss(law.chinchilla, design.params, design.tokens);
  const byCost = attempt(() => costOptimum(law.chinchilla, loss, setup(design.samples)));
  const byFlops = attempt(() => lifetimeOptimum(law.chinchilla, loss, scenario.tokensServed, design.samples));
  const flopOptimalCost = byFlops
    ? attempt(() => designCost(byFlops.params, byFlops.tokens, setup(design.samples)))
    : null;
  const train = priceOf(choice.trainGpu, choice.trainPrice);
  const serve = priceOf(choice.serveGpu, choice.servePrice);
  return {
    units: scenario.costUnits ?? 'flops',
    train: {
      gpu: gpuSpec(choice.trainGpu).name,
      dollarsPerGpuHour: train.dollarsPerGpuHour,
      priceSource: train.source,
      mfu: choice.trainMfu,
    },
    serve: {
      gpu: gpuSpec(choice.serveGpu).name,
      dollarsPerGpuHour: serve.dollarsPerGpuHour,
      priceSource: serve.source,
      decodeModel: choice.decodeModel,
    },
    dollarsPerTrainFlop: perFlop.train,
    dollarsPerInferenceFlop: perFlop.inference,
    budgets: {
      trainDollars: scenario.trainFlops * perFlop.train,
      trainGpuHours: (scenario.trainFlops * perFlop.train) / train.dollarsPerGpuHour,
      inferenceDollarsPerMillionTokens: scenario.inferenceFlops * perFlop.inference * 1e6,
    },
    design: designCostNow,
    optimum: optimumCost,
    costOptimal:
      byCost && byFlops && flopOptimalCost
        ? {
            loss,
            params: byCost.params,
            tokens: byCost.tokens,
            totalCost: byCost.cost.totalCost,
            trainingShare: byCost.cost.trainingShare,
            flopOptimal: { params: byFlops.params, tokens: byFlops.tokens, totalCost: flopOptimalCost.totalCost },
          }
        : null,
  };
}
