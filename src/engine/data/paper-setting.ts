/**
 * The T² paper's headline setting (Roberts et al. 2026, laws.md §2): C_train = 2.56e19 FLOPs (its largest isoFLOP
 * level) and C_inf = 2e9 FLOPs per token served. Its Table 1 compares, at that setting, the Chinchilla-optimal model
 * with over-trained smaller ones sampled more often, and finds the over-trained ones win. This readout makes the same
 * comparison under the current T² constant set, so a user can see whether the set agrees with the paper's direction:
 * - the best over-trained design: the T² optimum with both budgets binding (D = C_train/6N, k = C_inf/2N, k ≥ 1);
 * - the Chinchilla-optimal design: Hoffmann's closed form (Eq. 4) on the set's k = 1 law (stage 1 for Approach 2;
 *   E + G + A/N^α + B/D^β for Approach 1, laws.md §2), sampled as often as the inference budget allows (k = C_inf/2N);
 * each with N, D/N, k, its quality and pass@k (Approach 2: the Beta-model accuracy; Approach 1: exp(−L), the
 * geometric-mean pass@k the task NLL implies), and whether it lies outside the set's fitted data.
 */
import { qualityModel } from '../../domain/quality-models';
import { chinchillaOptimum } from '../../domain/chinchilla';
import type { DesignPoint, PaperSettingData } from '../explorer-data-types';
import { markOf } from './extrapolation';
import type { QualityLaw } from './law';
import { Memo } from './memo';
import { designPoint } from './points';

/** The paper's training budget (FLOPs) and inference budget (FLOPs per token served). */
export const PAPER_TRAIN_FLOPS = 2.56e19;
export const PAPER_INFERENCE_FLOPS = 2e9;

/** The optimum must have at most this fraction of Chinchilla's parameters to count as "smaller" (a 5 % margin). */
export const AGREE_RATIO = 0.95;

const memo = new Memo<PaperSettingData>(8);

/** Empties this module's cache (benchmarks and tests). */
export function clearPaperSettingCache(): void {
  memo.clear();
}

function passAtK(law: QualityLaw, p: DesignPoint): number {
  return qualityModel(law.model).passAtK!(p.quality);
}

function compute(law: QualityLaw): PaperSettingData {
  const best = designPoint(law.optimumAt(PAPER_TRAIN_FLOPS, PAPER_INFERENCE_FLOPS));
  // law.chinchilla: stage 1 (Approach 2) or E, A, B, α, β of Approach 1. Hoffmann's N_opt and D_opt do not depend on
  // E, so this is the optimum of the k = 1 law E + G + A/N^α + B/D^β too.
  const chin = chinchillaOptimum(law.chinchilla, PAPER_TRAIN_FLOPS);
  const samples = PAPER_INFERENCE_FLOPS / (2 * chin.params);
  // Below one sample the Chinchilla model cannot be served within C_inf: it is shown at k = 1 and flagged.
  const affordable = samples >= 1;
  const k = affordable ? samples : 1;
  const chinchilla = designPoint({
    params: chin.params,
    tokens: chin.tokens,
    samples: k,
    quality: law.quality(chin.params, chin.tokens, k),
  });
  const better = law.sign * (best.quality - chinchilla.quality) > 0;
  // Table 1's direction, with a margin so that a set whose optimum merely ties with Chinchilla's does not "agree".
  const agrees =
    best.params < AGREE_RATIO * chinchilla.params &&
    best.tokensPerParam > chinchilla.tokensPerParam &&
    best.samples > chinchilla.samples &&
    better;
  return {
    trainFlops: PAPER_TRAIN_FLOPS,
    inferenceFlops: PAPER_INFERENCE_FLOPS,
    overtrained: { point: best, passAtK: passAtK(law, best), extrapolation: markOf(law.set, best) },
    chinchilla: { point: chinchilla, passAtK: passAtK(law, chinchilla), extrapolation: markOf(law.set, chinchilla) },
    chinchillaAffordable: affordable,
    agreesWithPaper: agrees,
  };
}

/** The comparison at the paper's setting under `law` (T² models only; null for the Chinchilla and lifetime views). */
export function buildPaperSetting(law: QualityLaw): PaperSettingData | null {
  if (!qualityModel(law.model).paperSetting || !qualityModel(law.model).passAtK) return null;
  return memo.get(`${law.key}|${JSON.stringify(law.set.range ?? null)}`, () => compute(law));
}
