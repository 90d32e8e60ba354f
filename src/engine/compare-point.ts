/**
 * One scenario's design summarised for the A/B comparison (issue 13, item 5): its N, D, k, the quality its own law,
 * constant set and test-time strategy give, its compute (6ND training FLOPs, 2Nk inference FLOPs per token, the
 * lifetime total 6ND + 2Nk·T, laws.md §0) and its money (src/domain/cost, at its own hardware and prices). The pinned
 * scenario A and the current scenario B go through this same function, so the difference table compares like with
 * like. Pure and cheap (one law evaluation); memoised by the scenario's content in ./api.ts.
 */
import { designCost } from '../domain/cost/lifetime-cost';
import { costChoiceOf, costSetupFor } from '../domain/cost/scenario-cost';
import { DomainError } from '../domain/errors';
import { qualityModel } from '../domain/quality-models';
import type { Scenario } from '../domain/scenario';
import { isOracle, strategySpec, type StrategyChoice } from '../domain/strategies/registry';
import { markOf } from './data/extrapolation';
import { makeLaw } from './data/law';
import type { QualityInfo, SetInfo } from './explorer-data-types';

/** The money of one design: dollars (US), at the scenario's GPUs, prices and utilisation. */
export interface ComparePointCost {
  /** Training, $ (6ND FLOPs at the training GPU, price and MFU). */
  train: number;
  /** Serving the scenario's tokens (T), $, k samples each. */
  inference: number;
  /** train + inference, $. */
  total: number;
}

/** One scenario's design, as a row of the comparison and a mark on the charts. */
export interface ComparePoint {
  /** Equal keys mean equal inputs (the charts keep the point's identity by it). */
  key: string;
  model: string;
  /** The quality model's name (registry). */
  modelName: string;
  set: SetInfo;
  quality: QualityInfo;
  /** The test-time strategy's name; null for the oracle (pass@k) or a model without samples. */
  strategy: string | null;
  params: number;
  tokens: number;
  samples: number;
  tokensPerParam: number;
  /** 6·N·D (FLOPs). */
  trainFlops: number;
  /** 2·N·k (FLOPs per token served). */
  inferenceFlops: number;
  /** Tokens served over the lifetime, T. */
  tokensServed: number;
  /** 6ND + 2Nk·T (FLOPs). */
  lifetimeFlops: number;
  /** The design's quality under its own law (the model's unit, `quality`). */
  value: number;
  /** The scenario's budgets (FLOPs; FLOPs per token). */
  budget: { trainFlops: number; inferenceFlops: number };
  /** Null when the cost model cannot price this design (a DomainError of src/domain/cost). */
  cost: ComparePointCost | null;
  /** "extrapolated: …" when the design lies outside its set's fitted data; null inside. */
  extrapolated: string | null;
}

/** The comparison the engine returns beside the charts: the pinned scenario A and the current one B. */
export interface CompareData {
  a: ComparePoint;
  b: ComparePoint;
}

/** The fields of a scenario a compare point depends on (the user set's heavy draws and runs are not among them). */
export function comparePointKey(s: Scenario): string {
  const { userSet, measured: _measured, planEarly: _planEarly, ...rest } = s;
  const user = userSet ? JSON.stringify(userSet.set.constants) : '';
  return `${JSON.stringify(rest)}|${user}`;
}

/** "Majority voting (wrong-answer agreement 0.3)": the strategy's label and its assumed parameters. */
function strategyName(choice: StrategyChoice): string {
  const spec = strategySpec(choice.id);
  const params = spec.params.map((p) => `${p.label} ${+(choice.params[p.key] ?? p.default).toPrecision(3)}`);
  return params.length ? `${spec.label} (${params.join(', ')})` : spec.label;
}

/** The design of `s` under its own law, compute and money. @throws DomainError on an unusable design. */
export function comparePoint(s: Scenario): ComparePoint {
  const law = makeLaw(s.qualityModel, s.constantSet, s.userSet, s.strategy);
  const spec = qualityModel(s.qualityModel);
  const value = law.quality(s.params, s.tokens, s.samples);
  if (!Number.isFinite(value)) throw new DomainError(`the design's quality is not finite (got ${value})`);
  let cost: ComparePointCost | null = null;
  try {
    const c = designCost(s.params, s.tokens, costSetupFor(costChoiceOf(s), s.samples, s.tokensServed));
    cost = { train: c.trainCost, inference: c.inferenceCost, total: c.totalCost };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
  }
  const trainFlops = 6 * s.params * s.tokens;
  const inferenceFlops = 2 * s.params * s.samples;
  return {
    key: comparePointKey(s),
    model: s.qualityModel,
    modelName: spec.name,
    set: law.set,
    quality: law.info,
    strategy: law.strategy && !isOracle(law.strategy) ? strategyName(law.strategy) : null,
    params: s.params,
    tokens: s.tokens,
    samples: s.samples,
    tokensPerParam: s.tokens / s.params,
    trainFlops,
    inferenceFlops,
    tokensServed: s.tokensServed,
    lifetimeFlops: trainFlops + inferenceFlops * s.tokensServed,
    value,
    budget: { trainFlops: s.trainFlops, inferenceFlops: s.inferenceFlops },
    cost,
    extrapolated: markOf(law.set, s, spec.usesSamples).text,
  };
}

/** True when A's quality is the same quantity as B's (same measure and unit), so one axis can show both. */
export function sameQuantity(a: ComparePoint, b: ComparePoint): boolean {
  return a.quality.label === b.quality.label && a.quality.unit === b.quality.unit;
}
