/**
 * Pythia (Biderman et al. 2023, arXiv:2304.01373; data/public/pythia-evals, Apache-2.0): the lm-evaluation-harness
 * results of 8 sizes (70 M–12 B) × 27 checkpoints, standard and deduplicated Pile, read from the committed JSON files.
 *
 * - Parameters: computed from the architecture (n_layers, d_model from the model table of README.upstream.md, padded
 *   vocabulary from ./pythia-architecture.json): non-embedding = L·(12d² + 13d) + 2d, total = that + 2·V·d (untied
 *   embedding and unembedding). Both are kept; the fits use the total (laws.md: N counts embeddings), and the report
 *   shows how α moves with the non-embedding count.
 * - Tokens: step × 2,097,152 (1024 sequences × 2048 tokens per step). Step 0 (D = 0, the initialisation) is left out
 *   of every table: a law in D cannot take D = 0.
 * - LAMBADA (OpenAI version): nll = ln(perplexity of the target word) = mean NLL of the target word, T²'s task NLL at
 *   k = 1; acc = greedy exact match of the last word (lm-eval's "acc": argmax, not a sampled pass@1).
 * - ARC-Easy and SciQ: lm-eval's multiple-choice "acc" (4 choices each: chance floor 0.25).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import architecture from './pythia-architecture.json';

export const PYTHIA_DIR = fileURLToPath(new URL('../../data/public/pythia-evals/', import.meta.url));

/** One model size as the Pythia README lists it, with parameter counts computed from the architecture. */
export interface PythiaSize {
  /** Size label as in the file names, lower-case: "70m", "1.4b", … */
  label: string;
  layers: number;
  dModel: number;
  vocab: number;
  /** All parameters, embeddings and unembedding included. */
  totalParams: number;
  nonEmbeddingParams: number;
}

/** One evaluated checkpoint. */
export interface PythiaCheckpoint {
  size: PythiaSize;
  suite: 'standard' | 'deduped';
  step: number;
  tokens: number;
  /** Still in the learning-rate warm-up (step < 1,430). */
  warmup: boolean;
  lambadaPpl: number;
  lambadaNll: number;
  /** Standard error of the NLL by the delta method: ppl_stderr / ppl (nats). */
  lambadaNllSe: number;
  lambadaAcc: number;
  arcEasyAcc: number;
  sciqAcc: number;
}

/** Non-embedding parameters of a GPT-NeoX model (Pythia): L·(12d² + 13d) + 2d. */
export function nonEmbeddingParams(layers: number, d: number): number {
  return layers * (12 * d * d + 13 * d) + 2 * d;
}

/** Sizes from the model table of README.upstream.md ("| 70M | 6 | 512 | …"), with computed parameter counts. */
export function pythiaSizes(readme = readFileSync(`${PYTHIA_DIR}README.upstream.md`, 'utf8')): PythiaSize[] {
  const vocab = architecture.vocabSize as Record<string, number>;
  const sizes: PythiaSize[] = [];
  for (const line of readme.split('\n')) {
    const m = /^\|\s*([0-9.]+[MB])\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/.exec(line);
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    const layers = Number(m[2]),
      dModel = Number(m[3]);
    const v = vocab[label];
    if (v === undefined) throw new Error(`pythia-architecture.json has no vocabulary size for ${label}`);
    const nonEmb = nonEmbeddingParams(layers, dModel);
    sizes.push({ label, layers, dModel, vocab: v, nonEmbeddingParams: nonEmb, totalParams: nonEmb + 2 * v * dModel });
  }
  if (sizes.length < 8) throw new Error(`README.upstream.md: found ${sizes.length} model rows, expected at least 8`);
  return sizes;
}

interface HarnessFile {
  results: Record<string, Record<string, number>>;
}

const num = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`Pythia evals: ${what} is not a finite number (${String(v)})`);
  return v;
};

/** Every checkpoint with step ≥ 1 of every size and suite, sorted by suite, size, step. */
export function pythiaCheckpoints(dir = PYTHIA_DIR): PythiaCheckpoint[] {
  const sizes = new Map(pythiaSizes().map((s) => [s.label, s]));
  const root = `${dir}evals/pythia-v1/`;
  const out: PythiaCheckpoint[] = [];
  for (const folder of readdirSync(root).sort()) {
    const m = /^pythia-([0-9.]+[mb])(-bf16)?(-deduped)?$/.exec(folder);
    if (!m) throw new Error(`Pythia evals: unexpected folder ${folder}`);
    const size = sizes.get(m[1]!);
    if (!size) throw new Error(`Pythia evals: no architecture for ${folder}`);
    const suite = m[3] ? 'deduped' : 'standard';
    for (const file of readdirSync(`${root}${folder}/zero-shot`)) {
      const step = Number(/_step(\d+)\.json$/.exec(file)?.[1]);
      if (!Number.isInteger(step)) throw new Error(`Pythia evals: unexpected file ${file}`);
      if (step === 0) continue;
      const r = (JSON.parse(readFileSync(`${root}${folder}/zero-shot/${file}`, 'utf8')) as HarnessFile).results;
      const where = `${folder}/${file}`;
      const ppl = num(r.lambada_openai?.ppl, `${where} lambada_openai.ppl`);
      out.push({
        size,
        suite,
        step,
        tokens: step * architecture.tokensPerStep,
        warmup: step < architecture.warmupSteps,
        lambadaPpl: ppl,
        lambadaNll: Math.log(ppl),
        lambadaNllSe: num(r.lambada_openai?.ppl_stderr, `${where} lambada_openai.ppl_stderr`) / ppl,
        lambadaAcc: num(r.lambada_openai?.acc, `${where} lambada_openai.acc`),
        arcEasyAcc: num(r.arc_easy?.acc, `${where} arc_easy.acc`),
        sciqAcc: num(r.sciq?.acc, `${where} sciq.acc`),
      });
    }
  }
  const order = [...sizes.keys()];
  return out.sort(
    (a, b) =>
      a.suite.localeCompare(b.suite) || order.indexOf(a.size.label) - order.indexOf(b.size.label) || a.step - b.step,
  );
}
