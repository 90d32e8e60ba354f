/**
 * Per-question answer log-probabilities of every shipped zoo model on every task, by teacher forcing with the app's
 * own runtime (src/inference, onnxruntime-web under Node): log p(answer + eos | prompt) for each of the 200 held-out
 * problems of each task. Written to tools/zoo/results/answer-logprobs.json, the input of the T² Approach 1 fit
 * (fit.ts: per-question pass@k = 1 − (1 − p)^k). Run: `npm run zoo:probs` (about a minute on one core).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerNll } from '../../src/inference/generate';
import { loadShipped, readZoo, shippedModels } from './zoo-fixture';
import type { AnswerLogprobs } from './fit/types';

export const ANSWER_LOGPROBS_PATH = fileURLToPath(new URL('./results/answer-logprobs.json', import.meta.url));

/** Rounds to 1e-4 (the file's precision); −0 becomes 0. */
export const round4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;

async function main(): Promise<void> {
  const t0 = Date.now();
  const { manifest, tasks, tokenizer } = readZoo();
  const n = manifest.evaluation.problemsPerTask;
  const out: AnswerLogprobs = {
    version: 1,
    createdBy: 'tools/zoo/answer-probs.ts',
    definition:
      'log p(answer + eos | prompt) in nats by teacher forcing (src/inference/generate.ts answerNll), int8 ONNX models in onnxruntime-web (WASM, 1 thread), rounded to 1e-4; per model id and task, one number per problem in tasks.json order',
    problemsPerTask: n,
    tasks: tasks.tasks.map((t) => t.id),
    models: {},
  };
  const items = tasks.tasks.flatMap((task) =>
    task.problems
      .slice(0, n)
      .map((p) => ({ prompt: tokenizer.encodePrompt(p.prompt), target: tokenizer.encodeAnswer(p.answer) })),
  );
  for (const entry of shippedModels()) {
    const lm = await loadShipped(entry);
    const { nll } = await answerNll(lm, items, tokenizer.pad, { batchSize: items.length });
    const perTask: Record<string, number[]> = {};
    tasks.tasks.forEach((task, t) => {
      perTask[task.id] = nll.slice(t * n, (t + 1) * n).map((v) => round4(-v));
    });
    out.models[entry.id] = perTask;
  }
  const seconds = (Date.now() - t0) / 1000;
  mkdirSync(dirname(ANSWER_LOGPROBS_PATH), { recursive: true });
  // Compact: one line per model.
  const lines = Object.entries(out.models).map(([id, v]) => `  ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  const head = JSON.stringify({ ...out, models: undefined }, null, 1).replace(/\n}$/, '');
  writeFileSync(ANSWER_LOGPROBS_PATH, `${head},\n "models": {\n${lines.join(',\n')}\n }\n}\n`);
  console.log(
    `answer log-probs: ${Object.keys(out.models).length} models x ${out.tasks.length} tasks x ${n} problems in ${seconds.toFixed(1)} s -> ${ANSWER_LOGPROBS_PATH}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
