/**
 * Inference scaling laws (Wu et al. 2024, "Inference Scaling Laws", arXiv:2408.00724; laws.md §6): the compute-optimal
 * model size for a given inference budget, fitted on Pythia models on GSM8K, log10 C = 1.19·log10 N + 2.03, and the
 * paper's example of a small model with smarter search Pareto-dominating a larger one.
 */
import { assertPositive } from './errors';
import type { Flops, Params } from './units';

/** Slope and intercept of log10 C = 1.19·log10 N + 2.03 (Wu et al. 2024, Pythia on GSM8K; laws.md §6). */
export const WU_FIT = Object.freeze({
  slope: 1.19,
  intercept: 2.03,
  source:
    'Wu et al. 2024 (arXiv:2408.00724), compute-optimal model size vs inference compute, Pythia on GSM8K; laws.md §6',
});

/**
 * The compute-optimal model size for an inference budget: N = 10^((log10 C − 2.03)/1.19) (Wu et al. 2024; laws.md §6).
 * Fitted on Pythia (up to 12 B parameters) on GSM8K; elsewhere it extrapolates.
 * @param inferenceFlops C, the inference compute budget in FLOPs, as Wu et al. count it (> 0).
 */
export function wuOptimalParams(inferenceFlops: Flops): Params {
  assertPositive('inference FLOPs', inferenceFlops);
  return 10 ** ((Math.log10(inferenceFlops) - WU_FIT.intercept) / WU_FIT.slope);
}

/** The inverse: the inference budget (FLOPs) for which N is compute-optimal, C = 10^(1.19·log10 N + 2.03). */
export function wuInferenceFlops(params: Params): Flops {
  assertPositive('params', params);
  return 10 ** (WU_FIT.slope * Math.log10(params) + WU_FIT.intercept);
}

/** A measured (model, method) point of Wu et al.: inference FLOPs per problem and accuracy. */
export interface WuPoint {
  model: string;
  method: string;
  samples: number;
  inferenceFlops: Flops;
  accuracy: number;
}

/**
 * Wu et al.'s MATH500 example (laws.md §6): Llemma-7B with REBASE at 32 samples (1.48e14 FLOPs, 46.8 %) against
 * Llemma-34B with sampling at 64 samples (12.1e14 FLOPs, 46.7 %): the smaller model with smarter search uses ~8× less
 * compute for the same accuracy. Provenance: laws.md §6; WU_PROVENANCE says what else was checked and what was not.
 */
export const WU_MATH500_EXAMPLE: readonly WuPoint[] = Object.freeze([
  { model: 'Llemma-7B', method: 'REBASE', samples: 32, inferenceFlops: 1.48e14, accuracy: 0.468 },
  { model: 'Llemma-34B', method: 'sampling', samples: 64, inferenceFlops: 12.1e14, accuracy: 0.467 },
]);

/**
 * What could be checked of Wu et al.'s tables here (issue 15, step 1), stated so the UI can say it. The search of the
 * stored sources (2026-12-03) found the paper's arXiv HTML (v2, v3) but only its opening (abstract, introduction); the
 * authors' repositories (thu-wyz/inference_scaling at 0fe7da9, thu-wyz/rebase) hold code and no result tables. A
 * third-party explainer (anthonywest.co.uk, "Smaller models with smarter inference beat bigger models", 2026-04-09)
 * repeats the two MATH500 points of WU_MATH500_EXAMPLE, attributes them to the paper's Table 1 (FLOPs in units of
 * 1e14, REBASE aggregated by weighted voting) and lists the models studied as Pythia 410 M–12 B, Llemma 7 B and 34 B,
 * Mistral-7B and Llama3-8B. The paper's v1 abstract (ar5iv) states its own headline, 2× less FLOPs for Llemma-7B to match
 * Llemma-34B on MATH500; the 8.2× of wuSearchVsScale is only the ratio of the two rows. That is a secondary source: the table's other rows (Mistral-7B, the other budgets) and the
 * exact statement of Theorem 2 were NOT found and are not shipped.
 */
export const WU_PROVENANCE = Object.freeze({
  table:
    'Table 1 of Wu et al. (MATH500; FLOPs in units of 1e14), as attributed by a secondary explainer (anthonywest.co.uk, 2026-04-09); the two rows match laws.md §6',
  studiedPythia: Object.freeze([410e6, 12e9]) as readonly [Params, Params],
  studiedPythiaSource:
    'Pythia 410 M–12 B, as a secondary explainer (anthonywest.co.uk) lists the models studied; not checked against the paper',
  headline:
    'the paper\'s own headline is "2× less FLOPs" for Llemma-7B to match Llemma-34B on MATH500 (abstract of v1, ar5iv.labs.arxiv.org/html/2408.00724; the explainer repeats it); the 8.2× shown here is only the ratio of these two rows (our arithmetic), at 32 against 64 samples',
  notFound:
    "the other MATH500 rows (Mistral-7B, other sample budgets) and Theorem 2's exact statement: only the paper's opening was readable here",
});

/**
 * Model sizes over which the compute-optimal line is drawn solid: the Pythia sizes Wu et al. studied, 410 M to 12 B
 * parameters, as WU_PROVENANCE.studiedPythia records them (a secondary source; the paper's own list was not readable
 * here). Pythia's 70 M and 160 M models are left out of the solid span: nothing says the fit used them, and the
 * narrower span claims less. Beyond it the line is an extrapolation and is drawn dashed.
 */
export const WU_FIT_PARAMS_RANGE: readonly [Params, Params] = WU_PROVENANCE.studiedPythia;

/**
 * The "small model with search against a 5× larger model sampling" comparison of Wu et al.'s MATH500 example
 * (laws.md §6): accuracy difference (small − large, in points of accuracy) and the compute ratio large/small.
 */
export function wuSearchVsScale(): { small: WuPoint; large: WuPoint; accuracyGap: number; computeRatio: number } {
  const [small, large] = WU_MATH500_EXAMPLE as [WuPoint, WuPoint];
  return {
    small,
    large,
    accuracyGap: small.accuracy - large.accuracy,
    computeRatio: large.inferenceFlops / small.inferenceFlops,
  };
}
