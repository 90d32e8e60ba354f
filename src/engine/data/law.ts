/**
 * The selected quality model as one interface: quality at (N, D, k), the best design at two budgets, and the
 * Chinchilla constants used for the "Chinchilla choice". The law itself is the model's factory in the quality-model
 * registry (src/domain/quality-models.ts); this adds the set's display info and the memo key. Under a test-time strategy
 * other than the oracle (src/domain/strategies, T² Approach 2 only) the strategy's accuracy and optimum replace the
 * model's, so every chart follows it.
 */
import type { ChinchillaConstants } from '../../domain/constants-types';
import { qualityModel, type LawDesign } from '../../domain/quality-models';
import { resolveConstantSet, type UserConstantSet } from '../../domain/registry';
import type { QualityModel } from '../../domain/scenario';
import type { T2Approach2Constants } from '../../domain/constants-types';
import { isOracle, strategySpec, type StrategyChoice } from '../../domain/strategies/registry';
import { STRATEGY_VALUE_TOLERANCE, strategyAccuracy, strategyOptimum } from '../../domain/strategies/optimum';
import type { QualityInfo, SetInfo } from '../explorer-data-types';

/** A design and its quality. */
export type LawPoint = LawDesign;

export interface QualityLaw {
  model: QualityModel;
  info: QualityInfo;
  set: SetInfo;
  /** A string that changes whenever the law or its constants change (memo keys). */
  key: string;
  /** Stage-1 / Chinchilla constants: E, A, B, α, β of the set. */
  chinchilla: ChinchillaConstants;
  /** Quality at (N, D, k). */
  quality(params: number, tokens: number, samples: number): number;
  /** Best design with 6ND = C_train and 2Nk = C_inf, k ≥ 1. */
  optimumAt(trainFlops: number, inferenceFlops: number): LawPoint;
  /**
   * The optimum for a chart cell, where a law can find it for less than optimumAt (a test-time strategy: Brent to
   * STRATEGY_VALUE_TOLERANCE, so the quality is within ~1e-7 and the design within ~0.1 % in flat stretches); absent:
   * optimumAt. The frontier map's cells (quality and fitted-range shading) and the target frontier use it; readouts and
   * markers keep optimumAt.
   */
  cellOptimumAt?(trainFlops: number, inferenceFlops: number): LawPoint;
  /** +1 when higher quality is better, −1 for losses: score = sign·quality. */
  sign: 1 | -1;
  /** The test-time strategy the quality follows (T² Approach 2 only); null for the oracle and the other models. */
  strategy: StrategyChoice | null;
}

function setInfo(s: SetInfo): SetInfo {
  const out: SetInfo = { id: s.id, name: s.name, kind: s.kind, source: s.source };
  if (s.range) out.range = s.range;
  if (s.note) out.note = s.note;
  return out;
}

/**
 * The law of `model` with the constant set `setId` (the model's default set when `setId` is not one of its sets);
 * `user` is the scenario's user-fitted set, used when `setId` names it.
 */
export function makeLaw(
  model: QualityModel,
  setId: string,
  user?: UserConstantSet,
  strategy?: StrategyChoice,
): QualityLaw {
  const resolved = resolveConstantSet(model, setId, user);
  const set = setInfo(resolved.set);
  const spec = qualityModel(model);
  const chosen = spec.strategyApplies && !isOracle(strategy) ? strategy! : null;
  const key = `${model}|${JSON.stringify(resolved.set.constants)}${chosen ? `|${JSON.stringify(chosen)}` : ''}`;
  const core = spec.law(resolved);
  if (chosen) {
    const c = resolved.set.constants as T2Approach2Constants;
    return {
      model,
      info: { ...spec.quality, label: strategySpec(chosen.id).quantity },
      set,
      key,
      chinchilla: core.chinchilla,
      sign: 1,
      strategy: chosen,
      quality: (n, d, k) => strategyAccuracy(c, chosen, n, d, k),
      optimumAt: (ct, ci) => {
        const o = strategyOptimum(c, chosen, ct, ci);
        return { params: o.params, tokens: ct / (6 * o.params), samples: ci / (2 * o.params), quality: o.value };
      },
      cellOptimumAt: (ct, ci) => {
        const o = strategyOptimum(c, chosen, ct, ci, { tolerance: STRATEGY_VALUE_TOLERANCE });
        return { params: o.params, tokens: ct / (6 * o.params), samples: ci / (2 * o.params), quality: o.value };
      },
    };
  }
  return {
    model,
    info: { ...spec.quality },
    set,
    key,
    chinchilla: core.chinchilla,
    sign: spec.quality.higherIsBetter ? 1 : -1,
    strategy: null,
    quality: core.quality,
    optimumAt: core.optimumAt,
  };
}
