/**
 * The readouts: the design's quality, what the optimum saves at the same quality, tokens per parameter, the lifetime
 * split of compute (laws.md §0), and warnings when N, D or k lies outside the set's fitted range.
 */
import { isLifetimeAccounting, MODEL_ROLES, qualityModel } from '../../domain/quality-models';
import { formatExcessFactor, RANGE_DIMENSIONS, rangeExcess } from '../../domain/fitted-range';
import { DomainError } from '../../domain/errors';
import { formatQuantity } from '../../domain/quantity';
import { defaultConstantSet, resolveT2Approach1Set, resolveT2Approach2Set } from '../../domain/registry';
import { strategyLifetimeOptimum } from '../../domain/strategies/optimum';
import {
  DEFAULT_STRATEGY,
  encodeStrategy,
  isOracle,
  strategySpec,
  type StrategyChoice,
} from '../../domain/strategies/registry';
import type { Scenario } from '../../domain/scenario';
import { t2LifetimeOptimum } from '../../domain/t2-lifetime';
import type { DesignPoint, LifetimeSplit, ReadoutData, Savings, SetInfo } from '../explorer-data-types';
import { readoutMarks } from './extrapolation';
import type { QualityLaw } from './law';
import { Memo } from './memo';

/** Bisection steps on ln(factor): 30 steps over ln 1e15 ≈ 34.5 leave an error below 4e-8 in ln (readouts show 2 digits). */
const BISECTION_STEPS = 30;
/** Largest saving factor searched. */
const MAX_FACTOR = 1e15;

/** Tolerance when comparing qualities (relative). */
function atLeast(law: QualityLaw, value: number, target: number): boolean {
  return law.sign * (value - target) >= -1e-12 * Math.max(1, Math.abs(target));
}

/**
 * The largest factor s in [1, sMax] such that `quality(s)` is still at least as good as `target`, for a quality that
 * worsens as s grows (budgets divided by s). Returns 1 when even s = 1 falls short.
 */
export function largestFactor(law: QualityLaw, target: number, quality: (s: number) => number, sMax: number): number {
  if (!(sMax > 1) || !atLeast(law, quality(1), target)) return 1;
  if (atLeast(law, quality(sMax), target)) return sMax;
  let lo = 0;
  let hi = Math.log(sMax);
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = 0.5 * (lo + hi);
    if (atLeast(law, quality(Math.exp(mid)), target)) lo = mid;
    else hi = mid;
  }
  return Math.exp(lo);
}

function twoBudgetSavings(law: QualityLaw, design: DesignPoint): Savings | null {
  const ct = design.trainFlops;
  const ci = design.inferenceFlops;
  const best = (train: number, inf: number) => law.optimumAt(train, inf).quality;
  // C_inf/s ≥ 4 keeps one sample of a 2-parameter model affordable (the optimiser needs N ≥ 1 with room).
  const infMax = Math.min(MAX_FACTOR, ci / 4);
  const both = largestFactor(law, design.quality, (s) => best(ct / s, ci / s), infMax);
  if (both <= 1 + 1e-9) return null;
  return {
    mode: 'two-budget',
    both,
    training: largestFactor(law, design.quality, (s) => best(ct / s, ci), MAX_FACTOR),
    inference: largestFactor(law, design.quality, (s) => best(ct, ci / s), infMax),
  };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 1;
}

/** Training and lifetime inference compute of a design serving `tokensServed` tokens (laws.md §0). */
export function lifetimeSplit(p: DesignPoint, tokensServed: number): LifetimeSplit {
  const trainFlops = p.trainFlops;
  const inferenceFlops = p.inferenceFlops * tokensServed;
  const total = trainFlops + inferenceFlops;
  return { trainFlops, inferenceFlops, trainShare: trainFlops / total, inferenceShare: inferenceFlops / total };
}

/**
 * One sentence per recorded dimension (N, D, D/N, k, C) in which the scenario's design leaves the set's fitted range,
 * with the factor (src/domain/fitted-range.ts); k only under the T² models (the Chinchilla laws ignore it).
 */
export function rangeWarnings(set: SetInfo, scenario: Scenario): string[] {
  const t2 = qualityModel(scenario.qualityModel).usesSamples;
  const point = t2
    ? { params: scenario.params, tokens: scenario.tokens, samples: scenario.samples }
    : { params: scenario.params, tokens: scenario.tokens };
  return rangeExcess(set.range, point).map((e) => {
    const span = `${formatQuantity(e.range[0])}–${formatQuantity(e.range[1])} ${RANGE_DIMENSIONS.find((d) => d.key === e.dimension)!.noun}`;
    return `${e.symbol} = ${formatQuantity(e.value)} lies outside the range ${set.name} was fitted on (${span}), ${formatExcessFactor(e.factor)} ${e.direction} it: the law extrapolates.`;
  });
}

const t2LifetimeMemo = new Memo<string>(16);

/**
 * The lifetime view's T² line (laws.md §0, §2; domain/t2-lifetime.ts): the T² Approach 1 optimum (N, D, k) of the
 * model's default T² set for the same lifetime compute as the design (6ND + 2NkT) and the same tokens served, so
 * Sardana et al.'s Chinchilla-based answer can be compared with one that also spends compute on samples. Null when
 * no tokens are served; a sentence saying why when the budget cannot serve them. Under a test-time strategy other
 * than the oracle a second sentence follows it (t2StrategyLifetimeLine): Approach 1 models the NLL of pass@k and has no
 * per-question distribution a strategy can act on, so the strategy's optimum comes from Approach 2.
 */
export function t2LifetimeLine(lifetimeFlops: number, tokensServed: number, strategy?: StrategyChoice): string | null {
  if (!(tokensServed > 0) || !(lifetimeFlops > 0) || !Number.isFinite(lifetimeFlops)) return null;
  const head = t2Approach1LifetimeLine(lifetimeFlops, tokensServed);
  return isOracle(strategy) ? head : `${head} ${t2StrategyLifetimeLine(lifetimeFlops, tokensServed, strategy!)}`;
}

/**
 * The T² Approach 2 lifetime optimum under `strategy` (src/domain/strategies/optimum.ts strategyLifetimeOptimum) next
 * to the oracle's (pass@k) for the same lifetime compute and tokens served, with the default Approach 2 set.
 */
export function t2StrategyLifetimeLine(lifetimeFlops: number, tokensServed: number, strategy: StrategyChoice): string {
  const set = resolveT2Approach2Set(defaultConstantSet(MODEL_ROLES.strategyReadout));
  const id = encodeStrategy(strategy);
  return t2LifetimeMemo.get(`a2|${set.id}|${id}|${lifetimeFlops}|${tokensServed}`, () => {
    const label = strategySpec(strategy.id).label;
    const head = `Under ${label} (${id}; Approach 2, ${set.name}, since Approach 1 has no per-question distribution a strategy can act on)`;
    try {
      const o = strategyLifetimeOptimum(set.constants, strategy, lifetimeFlops, tokensServed);
      const p = strategyLifetimeOptimum(set.constants, DEFAULT_STRATEGY, lifetimeFlops, tokensServed);
      return (
        `${head}: N = ${formatQuantity(o.params)}, D/N ≈ ${formatQuantity(o.tokensPerParam)}, k = ${formatQuantity(o.samples)} samples, ` +
        `accuracy ${(100 * o.value).toFixed(1)} %, ${(100 * o.trainFraction).toFixed(1)} % on training; with the oracle verifier (pass@k): ` +
        `N = ${formatQuantity(p.params)}, k = ${formatQuantity(p.samples)}, accuracy ${(100 * p.value).toFixed(1)} %.`
      );
    } catch (error) {
      if (error instanceof DomainError) return `${head}: none (${error.message}).`;
      throw error;
    }
  });
}

function t2Approach1LifetimeLine(lifetimeFlops: number, tokensServed: number): string {
  const set = resolveT2Approach1Set(defaultConstantSet(MODEL_ROLES.lifetimeReadout));
  return t2LifetimeMemo.get(`${set.id}|${lifetimeFlops}|${tokensServed}`, () => {
    const head = `T² lifetime optimum (Approach 1, ${set.name}) for the same ${formatQuantity(lifetimeFlops)} FLOPs over ${formatQuantity(tokensServed)} tokens served`;
    try {
      const o = t2LifetimeOptimum(1, set.constants, lifetimeFlops, tokensServed);
      return (
        `${head}: N = ${formatQuantity(o.params)}, D = ${formatQuantity(o.tokens)} (D/N ≈ ${formatQuantity(o.tokensPerParam)}), ` +
        `k = ${formatQuantity(o.samples)} samples, task NLL ${o.value.toFixed(3)} nats, ${(100 * o.trainFraction).toFixed(1)} % of it on training.`
      );
    } catch (error) {
      if (error instanceof DomainError) return `${head}: none (${error.message}).`;
      throw error;
    }
  });
}

/** The readouts of `scenario`: `optimum` is the optimum at the scenario's budgets, `lifetime` Sardana's (or null). */
export function buildReadouts(
  law: QualityLaw,
  scenario: Scenario,
  design: DesignPoint,
  optimum: DesignPoint | null,
  chinchillaTokensPerParam: number | null,
  lifetime: DesignPoint | null,
): ReadoutData {
  const served = scenario.tokensServed;
  const designSplit = lifetimeSplit(design, served);
  let savings: Savings | null;
  let optimumSplit: LifetimeSplit | null;
  if (isLifetimeAccounting(law.model)) {
    optimumSplit = lifetime ? lifetimeSplit(lifetime, served) : null;
    savings = optimumSplit
      ? {
          mode: 'lifetime',
          both: ratio(
            designSplit.trainFlops + designSplit.inferenceFlops,
            optimumSplit.trainFlops + optimumSplit.inferenceFlops,
          ),
          training: ratio(designSplit.trainFlops, optimumSplit.trainFlops),
          inference: ratio(designSplit.inferenceFlops, optimumSplit.inferenceFlops),
        }
      : null;
  } else {
    optimumSplit = optimum ? lifetimeSplit(optimum, served) : null;
    savings = twoBudgetSavings(law, design);
  }
  return {
    quality: design.quality,
    optimumQuality: optimum ? optimum.quality : null,
    savings,
    tokensPerParam: {
      design: design.tokensPerParam,
      optimum: isLifetimeAccounting(law.model) ? (lifetime?.tokensPerParam ?? null) : (optimum?.tokensPerParam ?? null),
      chinchilla: chinchillaTokensPerParam,
    },
    tokensServed: served,
    lifetime: { design: designSplit, optimum: optimumSplit },
    rangeWarnings: rangeWarnings(law.set, scenario),
    extrapolation: readoutMarks(law, design, isLifetimeAccounting(law.model) ? lifetime : optimum),
    t2Lifetime: isLifetimeAccounting(law.model)
      ? t2LifetimeLine(designSplit.trainFlops + designSplit.inferenceFlops, served, scenario.strategy)
      : null,
  };
}
