/**
 * CI checks that the runtime's evaluation agrees with the testbed's recorded results: answer NLL by teacher forcing
 * for every model and task (deterministic, so tight), and pass@1 of the smallest and largest models from fresh samples (within
 * sampling error of both evaluations).
 */
import { describe, expect, it } from 'vitest';
import { evaluateTask } from '../../src/inference/evaluate';
import { answerNll } from '../../src/inference/generate';
import { loadShipped, readZoo, shippedModels, zooShipped, zooSuite } from './zoo-fixture';

/** Mean answer NLL of the same file in two runtimes: float32 rounding only (measured ≤ 1e-7 nats on the first model). */
const NLL_TOLERANCE_NATS = 1e-3;
const SAMPLES = 8;

describe.skipIf(!zooShipped)(zooSuite('shipped zoo: evaluation agrees with the manifest'), () => {
  const models = shippedModels();

  it.each(models.map((m) => [m.id, m] as const))(
    '%s: mean answer NLL per task matches the manifest',
    async (_id, entry) => {
      const { manifest, tasks, tokenizer } = readZoo();
      const lm = await loadShipped(entry);
      for (const task of tasks.tasks) {
        const problems = task.problems.slice(0, manifest.evaluation.problemsPerTask);
        const items = problems.map((p) => ({
          prompt: tokenizer.encodePrompt(p.prompt),
          target: tokenizer.encodeAnswer(p.answer),
        }));
        const { nll } = await answerNll(lm, items, tokenizer.pad, { batchSize: 64 });
        const mean = nll.reduce((s, v) => s + v, 0) / nll.length;
        const expected = entry.results[task.id]!.nll;
        expect(
          Math.abs(mean - expected),
          `${entry.id}/${task.id}: runtime ${mean}, manifest ${expected}`,
        ).toBeLessThanOrEqual(NLL_TOLERANCE_NATS);
      }
    },
    120_000,
  );

  const ends = models.length > 1 ? [models[0]!, models[models.length - 1]!] : models;
  it.each(ends.map((m) => [m.id, m] as const))(
    '%s (smallest/largest): pass@1 from fresh samples matches the manifest within sampling error',
    async (_id, entry) => {
      const { manifest, tasks, tokenizer } = readZoo();
      const lm = await loadShipped(entry);
      const n0 = manifest.evaluation.samplesPerProblem;
      for (const task of tasks.tasks) {
        const r = await evaluateTask(lm, tokenizer, task, {
          params: entry.params,
          problems: manifest.evaluation.problemsPerTask,
          samples: SAMPLES,
          ks: [1],
          temperature: manifest.evaluation.temperature,
          seed: manifest.evaluation.seed,
          computeNll: false,
          warmup: false,
        });
        const variance =
          r.perProblem.reduce((s, p) => {
            const q = p.correct / p.samples;
            return s + Math.max(q * (1 - q), 0.05) * (1 / SAMPLES + 1 / n0);
          }, 0) /
          r.problems ** 2;
        const expected = entry.results[task.id]!.passAtK['1']!;
        expect(
          Math.abs(r.passAtK['1']! - expected),
          `${entry.id}/${task.id}: runtime ${r.passAtK['1']}, manifest ${expected}`,
        ).toBeLessThanOrEqual(4 * Math.sqrt(variance));
      }
    },
    300_000,
  );
});
