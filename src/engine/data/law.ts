/**
 * The selected quality model as one interface: quality at (N, D, k), the best design at two budgets, and the
 * Chinchilla constants used for the "Chinchilla choice". Wraps the domain laws:
 * - 't2-1': T² Approach 1 task NLL (t2Loss), optimum t2Optimum(1, …);
 * - 't2-2': T² Approach 2 pass@k accuracy (t2Accuracy), optimum t2Optimum(2, …); under a test-time strategy other than
 *   the oracle (src/domain/strategies) the strategy's accuracy and optimum instead, so every chart follows it;
 * - 'chinchilla' and 'lifetime': Chinchilla loss (k does not change it); with two budgets the inference budget only
 *   caps N at C_inf/2 (one sample per question), so the optimum is Chinchilla's clipped to that cap (exact: the loss
 *   along C_train = 6ND is convex in log N).
 */
import { chinchillaLoss, chinchillaOptimum } from '../../domain/chinchilla';
import type { ChinchillaConstants } from '../../domain/constants-types';
import { DomainError } from '../../domain/errors';
import { resolveConstantSet, type UserConstantSet } from '../../domain/registry';
import type { QualityModel } from '../../domain/scenario';
import { t2Loss } from '../../domain/t2-approach1';
import { t2Accuracy } from '../../domain/t2-approach2';
import { t2Optimum } from '../../domain/t2-optimum';
import { isOracle, strategySpec, type StrategyChoice } from '../../domain/strategies/registry';
import { strategyAccuracy, strategyOptimum } from '../../domain/strategies/optimum';
import type { QualityInfo, SetInfo } from '../explorer-data-types';

/** A design and its quality. */
export interface LawPoint {
  params: number;
  tokens: number;
  samples: number;
  quality: number;
}

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
  /** +1 when higher quality is better, −1 for losses: score = sign·quality. */
  sign: 1 | -1;
  /** The test-time strategy the quality follows (T² Approach 2 only); null for the oracle and the other models. */
  strategy: StrategyChoice | null;
}

const LOSS_INFO: QualityInfo = { label: 'loss', unit: 'nats', higherIsBetter: false };
const NLL_INFO: QualityInfo = { label: 'task NLL', unit: 'nats', higherIsBetter: false };
const ACC_INFO: QualityInfo = { label: 'pass@k accuracy', unit: '', higherIsBetter: true };

function setInfo(s: SetInfo): SetInfo {
  const out: SetInfo = { id: s.id, name: s.name, kind: s.kind, source: s.source };
  if (s.range) out.range = s.range;
  if (s.note) out.note = s.note;
  return out;
}

function chinchillaPart(c: ChinchillaConstants): ChinchillaConstants {
  return { E: c.E, A: c.A, B: c.B, alpha: c.alpha, beta: c.beta };
}

function fromT2(params: number, trainFlops: number, inferenceFlops: number, quality: number): LawPoint {
  return { params, tokens: trainFlops / (6 * params), samples: inferenceFlops / (2 * params), quality };
}

/**
 * The law of `model` with the constant set `setId` (the model's default set when `setId` is not one of its sets);
 * `user` is the scenario's user-fitted set, used when `setId` names it.
 */
export function makeLaw(model: QualityModel, setId: string, user?: UserConstantSet, strategy?: StrategyChoice): QualityLaw {
  const resolved = resolveConstantSet(model, setId, user);
  const set = setInfo(resolved.set);
  const chosen = resolved.family === 't2-2' && !isOracle(strategy) ? strategy! : null;
  const key = `${model}|${JSON.stringify(resolved.set.constants)}${chosen ? `|${JSON.stringify(chosen)}` : ''}`;
  if (resolved.family === 't2-1') {
    const c = resolved.set.constants;
    return {
      model, info: NLL_INFO, set, key, chinchilla: chinchillaPart(c), sign: -1, strategy: null,
      quality: (n, d, k) => t2Loss(c, n, d, k),
      optimumAt: (ct, ci) => {
        const o = t2Optimum(1, c, ct, ci);
        return fromT2(o.params, ct, ci, o.value);
      },
    };
  }
  if (resolved.family === 't2-2') {
    const c = resolved.set.constants;
    if (chosen) {
      return {
        model, info: { ...ACC_INFO, label: strategySpec(chosen.id).quantity }, set, key, chinchilla: chinchillaPart(c), sign: 1,
        strategy: chosen,
        quality: (n, d, k) => strategyAccuracy(c, chosen, n, d, k),
        optimumAt: (ct, ci) => {
          const o = strategyOptimum(c, chosen, ct, ci);
          return fromT2(o.params, ct, ci, o.value);
        },
      };
    }
    return {
      model, info: ACC_INFO, set, key, chinchilla: chinchillaPart(c), sign: 1, strategy: null,
      quality: (n, d, k) => t2Accuracy(c, n, d, k),
      optimumAt: (ct, ci) => {
        const o = t2Optimum(2, c, ct, ci);
        return fromT2(o.params, ct, ci, o.value);
      },
    };
  }
  const c = resolved.set.constants;
  return {
    model, info: LOSS_INFO, set, key, chinchilla: chinchillaPart(c), sign: -1, strategy: null,
    quality: (n, d) => chinchillaLoss(c, n, d),
    optimumAt: (ct, ci) => {
      const cap = ci / 2;
      if (!(cap >= 1)) throw new DomainError(`inference budget ${ci} FLOPs per token cannot run even one sample`);
      const params = Math.min(chinchillaOptimum(c, ct).params, cap);
      const tokens = ct / (6 * params);
      return { params, tokens, samples: ci / (2 * params), quality: chinchillaLoss(c, params, tokens) };
    },
  };
}
