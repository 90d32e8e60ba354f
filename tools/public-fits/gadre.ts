/**
 * The Gadre et al. 2024 module of the public fits (arXiv:2403.08540; data/public/gadre-2024, MIT): tidy tables of
 * its 104 models (./gadre-data.ts says what each raw field is) and the T² sets fitted on them (./gadre-fit.ts).
 */
import {
  GADRE_LOSS_EVALS,
  GADRE_TRAINING_SETS,
  readGadreModels,
  type GadreModel,
  type GadreTrainingSet,
} from './gadre-data';
import { fitGadre } from './gadre-fit';
import type { PublicFitModule, TidyTable } from './types';

/** Short file tags of the training sets. */
export const TRAINING_SET_TAG: Record<GadreTrainingSet, string> = { c4_original: 'c4', rpj: 'rpj', rw_original: 'rw' };

/**
 * Tidy tables: one wide table of every model (C4-eval loss as `loss`, then every loss and accuracy), and per training
 * set a Chinchilla / Approach 1 table (C4-eval loss) and an Approach 2 table (`nll` = the C4-eval per-token loss used
 * as the stage-1 target, `passk` = LAMBADA greedy accuracy at k = 1).
 */
export function gadreTables(models: readonly GadreModel[] = readGadreModels()): TidyTable[] {
  const lossKeys = GADRE_LOSS_EVALS.map((e) => e.key);
  const tasks = Object.keys(models[0]!.accuracy).sort();
  const wide: TidyTable = {
    file: 'gadre-2024-models.csv',
    columns: [
      'params',
      'tokens',
      'samples',
      'loss',
      'model',
      'training_set',
      'params_no_embed',
      'tokens_per_param',
      ...lossKeys.map((k) => `loss_${k}`),
      ...tasks.map((t) => `acc_${t}`),
    ],
    rows: models.map((m) => [
      m.params,
      m.tokens,
      1,
      m.losses.c4_eval!,
      m.name,
      m.dataset,
      m.paramsNoEmbed,
      m.tokensPerParam,
      ...lossKeys.map((k) => m.losses[k]!),
      ...tasks.map((t) => m.accuracy[t]!),
    ]),
  };
  const out = [wide];
  for (const ts of Object.keys(GADRE_TRAINING_SETS) as GadreTrainingSet[]) {
    const own = models.filter((m) => m.dataset === ts);
    out.push(
      {
        file: `gadre-2024-${TRAINING_SET_TAG[ts]}-c4eval-loss.csv`,
        columns: ['params', 'tokens', 'samples', 'loss', 'model', 'training_set', 'tokens_per_param'],
        rows: own.map((m) => [m.params, m.tokens, 1, m.losses.c4_eval!, m.name, m.dataset, m.tokensPerParam]),
      },
      {
        file: `gadre-2024-${TRAINING_SET_TAG[ts]}-lambada.csv`,
        columns: [
          'params',
          'tokens',
          'samples',
          'nll',
          'passk',
          'model',
          'training_set',
          'tokens_per_param',
          'nll_is',
          'passk_is',
        ],
        rows: own.map((m) => [
          m.params,
          m.tokens,
          1,
          m.losses.c4_eval!,
          m.accuracy.lambada_openai!,
          m.name,
          m.dataset,
          m.tokensPerParam,
          'C4-eval per-token loss (not an answer NLL)',
          'LAMBADA greedy accuracy (0-shot; not a sampled pass@1)',
        ]),
      },
    );
  }
  return out;
}

export const gadreModule: PublicFitModule = {
  id: 'gadre-2024',
  tidy: () => gadreTables(),
  fit: (opts) => fitGadre(readGadreModels(), opts),
};
