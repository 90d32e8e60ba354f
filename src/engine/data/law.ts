/**
 * The selected quality model as one interface: quality at (N, D, k), the best design at two budgets, and the
 * Chinchilla constants used for the "Chinchilla choice". The law itself is the model's factory in the quality-model
 * registry (src/domain/quality-models.ts); this adds the set's display info and the memo key.
 */
import type { ChinchillaConstants } from '../../domain/constants-types';
import { qualityModel, type LawDesign } from '../../domain/quality-models';
import { resolveConstantSet, type UserConstantSet } from '../../domain/registry';
import type { QualityModel } from '../../domain/scenario';
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
  /** +1 when higher quality is better, −1 for losses: score = sign·quality. */
  sign: 1 | -1;
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
export function makeLaw(model: QualityModel, setId: string, user?: UserConstantSet): QualityLaw {
  const resolved = resolveConstantSet(model, setId, user);
  const set = setInfo(resolved.set);
  const key = `${model}|${JSON.stringify(resolved.set.constants)}`;
  const spec = qualityModel(model);
  const core = spec.law(resolved);
  return {
    model, info: { ...spec.quality }, set, key, chinchilla: core.chinchilla, sign: spec.quality.higherIsBetter ? 1 : -1,
    quality: core.quality, optimumAt: core.optimumAt,
  };
}
