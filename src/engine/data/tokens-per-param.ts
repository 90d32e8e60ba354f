/**
 * Chart 2 data: optimal tokens per parameter D/N against the training budget.
 * - Two-budget models: one line per inference budget (the scenario's C_inf and two decades either side), from the
 *   selected law's optimum, and Chinchilla's inference-blind line (Hoffmann Eq. 4 with the set's E, A, B, α, β).
 * - Lifetime view: at each training budget, the loss of Chinchilla's optimum there; then Sardana et al.'s lifetime
 *   optimum for that loss with k·T for three values of tokens served T (the scenario's and two decades either side).
 */
import { isLifetimeAccounting, qualityModel } from '../../domain/quality-models';
import { chinchillaOptimum } from '../../domain/chinchilla';
import { DomainError } from '../../domain/errors';
import { lifetimeOptimum } from '../../domain/sardana';
import type { Scenario } from '../../domain/scenario';
import type { Series, TokensPerParamData } from '../explorer-data-types';
import { formatFlopsPlain } from './text';
import { logspace } from './grid';
import { fittedRegionTokensPerParam, markOf } from './extrapolation';
import type { QualityLaw } from './law';
import { Memo } from './memo';

/** Points per line. */
export const TOKENS_PER_PARAM_POINTS = 36;
/** Multipliers of the scenario's inference budget (or tokens served) giving the lines. */
export const LINE_FACTORS = [1e-2, 1, 1e2];

const memo = new Memo<Series[]>(8);

/** Empties this module's cache (benchmarks and tests). */
export function clearTokensPerParamCache(): void {
  memo.clear();
}

function chinchillaSeries(law: QualityLaw, x: Float64Array): Series {
  const y = x.map((c) => chinchillaOptimum(law.chinchilla, c).tokensPerParam);
  return { id: 'chinchilla', label: 'Chinchilla (inference ignored)', kind: 'chinchilla', x, y };
}

function lifetimeRatio(law: QualityLaw, flops: number, served: number): number {
  const loss = chinchillaOptimum(law.chinchilla, flops).loss;
  try {
    const life = lifetimeOptimum(law.chinchilla, loss, served);
    return life.tokens / life.params;
  } catch (error) {
    if (error instanceof DomainError) return Number.NaN;
    throw error;
  }
}

function compute(law: QualityLaw, scenario: Scenario, x: Float64Array): Series[] {
  const series: Series[] = [];
  if (isLifetimeAccounting(law.model)) {
    for (const f of LINE_FACTORS) {
      const served = scenario.tokensServed * f;
      const y = x.map((c) => lifetimeRatio(law, c, served * scenario.samples));
      series.push({
        id: `lifetime-${f}`,
        label: `Lifetime optimum, T = ${formatFlopsPlain(served)} tokens served, k = ${formatFlopsPlain(scenario.samples)}`,
        kind: 'lifetime',
        x,
        y,
      });
    }
  } else {
    for (const f of LINE_FACTORS) {
      const ci = scenario.inferenceFlops * f;
      if (ci < 2) continue; // cannot run one sample of even a 1-parameter model
      const y = x.map((c) => {
        const o = law.optimumAt(c, ci);
        return o.tokens / o.params;
      });
      series.push({
        id: `optimum-${f}`,
        label: `${qualityModel(law.model).notes.optimumSeries}, C_inf = ${formatFlopsPlain(ci)} FLOPs/token`,
        kind: 't2',
        x,
        y,
      });
    }
  }
  series.push(chinchillaSeries(law, x));
  return series;
}

function cloneSeries(s: Series): Series {
  return { ...s, x: s.x.slice(), y: s.y.slice() };
}

/** The chart's lines over the training budgets of the frontier's window [10^lo, 10^hi]. */
export function buildTokensPerParam(law: QualityLaw, scenario: Scenario, window: [number, number]): TokensPerParamData {
  const dependsOn = isLifetimeAccounting(law.model)
    ? `${scenario.tokensServed * scenario.samples}`
    : `${scenario.inferenceFlops}`;
  const key = `${law.key}|${window.join(',')}|${dependsOn}|${JSON.stringify(law.set.range ?? null)}`;
  const series = memo
    .get(key, () => compute(law, scenario, logspace(window[0], window[1], TOKENS_PER_PARAM_POINTS)))
    .map(cloneSeries);
  const current = isLifetimeAccounting(law.model)
    ? null
    : (() => {
        const o = law.optimumAt(scenario.trainFlops, scenario.inferenceFlops);
        const withSamples = qualityModel(law.model).usesSamples;
        return {
          trainFlops: scenario.trainFlops,
          tokensPerParam: o.tokens / o.params,
          extrapolation: markOf(law.set, o, withSamples),
        };
      })();
  const note = qualityModel(law.model).notes.tokensPerParam;
  const fittedRegion = law.set.range ? fittedRegionTokensPerParam(law.set.range, window) : null;
  return {
    key: current ? `${key}|${scenario.trainFlops}` : key,
    series,
    reference: 20,
    current,
    note,
    fittedRegion,
  };
}
