/**
 * Reading Gadre et al. 2024 ("Language models scale reliably with over-training and on downstream tasks",
 * arXiv:2403.08540; data/public/gadre-2024, MIT, mlfoundations/scaling @ a003c49) into one record per model.
 *
 * What the raw fields are (exp_data/models/<name>.json and exp_data/evals/evaluation_<name>_heavy.json):
 * - `hyperparameters.params`: total parameters N, embeddings included (laws.md's N); `params_no_embed`: without the
 *   input embedding; `tokens`: training tokens D; `chinchilla_multiplier` M = D/(20N) (so D/N = 20·M, 5 to 640).
 * - `dataset_name`: the training set: c4_original (C4), rpj (RedPajama), rw_original (RefinedWeb).
 * - `results[i]`: next-token cross-entropy of the final checkpoint on eight held-out text sets (nats per token, mean
 *   over tokens, with 95 % intervals over sequences and tokens), told apart by `val_data`: OpenLM's validation shard,
 *   C4 validation ("C4 eval", 174 M tokens, the loss the paper fits), Paloma's C4-en, Dolma-100-programming-languages,
 *   Falcon-RefinedWeb, PTB and RedPajama subsets, and a German–English text set. These are per-token text losses, NOT
 *   the T² paper's task NLL (the NLL of an answer span).
 * - evals `eval_metrics.icl.<task>`: LLM-Foundry "heavy" gauntlet accuracies in [0, 1] (exp_data/heavy.yaml gives the
 *   shots and task type, exp_data/eval_metadata.csv the random baseline in %). lambada_openai is 0-shot
 *   language-modelling accuracy (greedy: the whole target word must be the argmax continuation; chance 0); multiple-
 *   choice tasks (arc_easy 10-shot, 4 choices) score the choice of highest likelihood (chance = 1/choices). None is a
 *   sampled pass@1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/domain/csv';

export const GADRE_DIR = fileURLToPath(new URL('../../data/public/gadre-2024/exp_data/', import.meta.url));

/** The eight evaluation losses, keyed by a short name, recognised by the folder of their `val_data` path. */
export const GADRE_LOSS_EVALS: readonly { key: string; match: RegExp; label: string }[] = [
  { key: 'openlm', match: /\/val_tok_mult\/openlm\//, label: 'OpenLM validation shard' },
  { key: 'c4_eval', match: /\/c4_val\//, label: 'C4 validation ("C4 eval")' },
  { key: 'paloma_c4_en', match: /\/paloma_c4_en\//, label: 'Paloma C4-en' },
  {
    key: 'paloma_dolma_code',
    match: /\/paloma_dolma_100_programing_languages\//,
    label: 'Paloma Dolma-100 programming languages',
  },
  { key: 'paloma_refinedweb', match: /\/paloma_falcon-refinedweb\//, label: 'Paloma Falcon-RefinedWeb' },
  { key: 'paloma_ptb', match: /\/paloma_ptb\//, label: 'Paloma PTB' },
  { key: 'paloma_redpajama', match: /\/paloma_redpajama\//, label: 'Paloma RedPajama' },
  { key: 'de_en', match: /\/de-en\//, label: 'German–English text' },
];

/** Training sets, by dataset_name. */
export const GADRE_TRAINING_SETS = { c4_original: 'C4', rpj: 'RedPajama', rw_original: 'RefinedWeb' } as const;
export type GadreTrainingSet = keyof typeof GADRE_TRAINING_SETS;

/** One Gadre et al. model (final checkpoint). */
export interface GadreModel {
  name: string;
  dataset: GadreTrainingSet;
  /** Total parameters N (embeddings included). */
  params: number;
  paramsNoEmbed: number;
  /** Training tokens D. */
  tokens: number;
  /** D/N. */
  tokensPerParam: number;
  /** Evaluation loss per GADRE_LOSS_EVALS key (nats per token). */
  losses: Record<string, number>;
  /** Downstream accuracy per task (0–1). */
  accuracy: Record<string, number>;
  /** Tokens seen during the learning-rate warmup: warmup steps × global batch × SEQUENCE_LENGTH. */
  warmupTokens: number;
}

/**
 * Training sequence length (tokens): not stored in the model JSON; open_lm's default seq_len, and what every stored
 * evaluation result implies (its `tokens`/`sequences` = 2048, checked in pieces.test.ts).
 */
export const SEQUENCE_LENGTH = 2048;

/** Random baseline (chance accuracy, 0–1) per downstream task, from eval_metadata.csv. */
export function gadreChance(dir = GADRE_DIR): Record<string, number> {
  const t = parseCsv(readFileSync(`${dir}eval_metadata.csv`, 'utf8'));
  const iTask = t.header.indexOf('eval task'),
    iBase = t.header.indexOf('random baseline');
  if (iTask < 0 || iBase < 0) throw new Error('eval_metadata.csv: no "Eval Task" or "Random baseline" column');
  const out: Record<string, number> = {};
  for (const r of t.records) {
    const v = Number(r.fields[iBase]);
    if (Number.isFinite(v)) out[r.fields[iTask]!.trim()] = v / 100;
  }
  return out;
}

const positive = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !(Number.isFinite(v) && v > 0))
    throw new Error(`Gadre et al.: ${what} = ${String(v)} is not a positive number`);
  return v;
};

/** All 104 models, sorted by training set, N, D. Throws on a missing or malformed field. */
export function readGadreModels(dir = GADRE_DIR): GadreModel[] {
  const files = readdirSync(`${dir}models`)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const models = files.map((f): GadreModel => {
    const m = JSON.parse(readFileSync(`${dir}models/${f}`, 'utf8')) as {
      name: string;
      dataset_name: string;
      hyperparameters: Record<string, unknown>;
      results: { loss: number; val_data: string[] }[];
    };
    if (!(m.dataset_name in GADRE_TRAINING_SETS))
      throw new Error(`Gadre et al. ${f}: unknown dataset ${m.dataset_name}`);
    const h = m.hyperparameters;
    const params = positive(h.params, `${f} params`);
    const tokens = positive(h.tokens, `${f} tokens`);
    const losses: Record<string, number> = {};
    for (const ev of GADRE_LOSS_EVALS) {
      const hits = m.results.filter((r) => ev.match.test(r.val_data[0] ?? ''));
      if (hits.length !== 1) throw new Error(`Gadre et al. ${f}: ${hits.length} results for ${ev.key}`);
      losses[ev.key] = positive(hits[0]!.loss, `${f} ${ev.key} loss`);
    }
    const ev = JSON.parse(readFileSync(`${dir}evals/evaluation_${m.name}_heavy.json`, 'utf8')) as {
      eval_metrics: { icl: Record<string, number> };
    };
    const accuracy: Record<string, number> = {};
    for (const [task, v] of Object.entries(ev.eval_metrics.icl)) {
      if (!(typeof v === 'number' && v >= 0 && v <= 1))
        throw new Error(`Gadre et al. ${m.name}: ${task} accuracy ${String(v)} outside [0, 1]`);
      accuracy[task] = v;
    }
    return {
      name: m.name,
      dataset: m.dataset_name as GadreTrainingSet,
      params,
      paramsNoEmbed: positive(h.params_no_embed, `${f} params_no_embed`),
      tokens,
      tokensPerParam: tokens / params,
      losses,
      accuracy,
      warmupTokens: positive(h.warmup, `${f} warmup`) * positive(h.global_bs, `${f} global_bs`) * SEQUENCE_LENGTH,
    };
  });
  return models.sort((a, b) => a.dataset.localeCompare(b.dataset) || a.params - b.params || a.tokens - b.tokens);
}
