/**
 * CI checks that every shipped model runs in onnxruntime-web under Node: it loads, its greedy answers and first
 * logits match the references the pipeline recorded (onnxruntime on the exported file), incremental decoding with the
 * KV cache matches a full forward pass, batching does not change a row, and a damaged file gives a clear error.
 */
import { describe, expect, it } from 'vitest';
import { ChecksumError } from '../../src/inference/checksum';
import { sampleAnswers } from '../../src/inference/generate';
import { ModelLoadError, createSession, loadZooModel } from '../../src/inference/session';
import { loadShipped, readModelBytes, readZoo, shippedModels, zooShipped, zooSuite } from './zoo-fixture';

/**
 * Float32 logits of the same file in two runtimes (Python onnxruntime CPU vs onnxruntime-web WASM): only summation
 * order differs (measured ≤ 5e-7 on the first shipped model).
 */
const LOGIT_TOLERANCE = 2e-4;
/** Same runtime, same file, different but equivalent graph paths (cache vs none, batch 1 vs 4). */
const CACHE_TOLERANCE = 1e-4;

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe.skipIf(!zooShipped)(zooSuite('shipped zoo: models'), () => {
  const models = shippedModels();

  it.each(models.map((m) => [m.id, m] as const))(
    '%s: greedy answers and first logits match the references',
    async (_id, entry) => {
      const { tasks, tokenizer } = readZoo();
      const lm = await loadShipped(entry);
      expect(lm.hasKvCache).toBe(true);
      for (const ref of entry.reference.greedy) {
        const task = tasks.tasks.find((t) => t.id === ref.task)!;
        const out = await sampleAnswers(lm, tokenizer.encodePrompt(ref.prompt), tokenizer.eos, {
          count: 1,
          temperature: 0,
          maxNewTokens: task.maxAnswerTokens,
          seed: 0,
        });
        expect(tokenizer.decode(out.tokens[0]!), `${entry.id} on ${ref.task} ${JSON.stringify(ref.prompt)}`).toBe(
          ref.output,
        );
      }
      const ids = tokenizer.encodePrompt(entry.reference.logits.prompt);
      const { logits } = await lm.forward(ids, 1, ids.length);
      const V = entry.architecture.vocabSize;
      const last = logits.subarray(
        (ids.length - 1) * V,
        (ids.length - 1) * V + entry.reference.logits.lastPosition.length,
      );
      expect(maxAbsDiff(last, entry.reference.logits.lastPosition)).toBeLessThan(LOGIT_TOLERANCE);
    },
    60_000,
  );

  it.each(models.map((m) => [m.id, m] as const))(
    '%s: KV-cache decoding matches a full forward pass, batched or not',
    async (_id, entry) => {
      const { tasks, tokenizer } = readZoo();
      const lm = await loadShipped(entry);
      const V = entry.architecture.vocabSize;
      for (const task of tasks.tasks) {
        const problem = task.problems[0]!;
        const prompt = tokenizer.encodePrompt(problem.prompt);
        const seq = [...prompt, ...tokenizer.encodeAnswer(problem.answer)].slice(0, -1);
        const full = await lm.forward(seq, 1, seq.length);
        let step = await lm.forward(prompt, 1, prompt.length);
        expect(maxAbsDiff(step.logits, full.logits.subarray(0, prompt.length * V))).toBeLessThan(CACHE_TOLERANCE);
        for (let t = prompt.length; t < seq.length; t++) {
          step = await lm.forward([seq[t]!], 1, 1, step.present!);
          expect(
            maxAbsDiff(step.logits, full.logits.subarray(t * V, (t + 1) * V)),
            `${task.id} position ${t}`,
          ).toBeLessThan(CACHE_TOLERANCE);
        }
        expect(step.present!.length).toBe(seq.length);
        const batched = await lm.forward([...seq, ...seq, ...seq, ...seq], 4, seq.length);
        for (let b = 0; b < 4; b++) {
          expect(
            maxAbsDiff(batched.logits.subarray(b * seq.length * V, (b + 1) * seq.length * V), full.logits),
          ).toBeLessThan(CACHE_TOLERANCE);
        }
      }
    },
    60_000,
  );

  it('a truncated, corrupted or wrong model file gives a clear error, not a crash', async () => {
    const entry = models[0]!;
    const bytes = readModelBytes(entry);
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expect(loadZooModel(entry, truncated)).rejects.toThrow(
      new RegExp(`${entry.file}: expected ${entry.bytes} bytes, got ${truncated.length}`),
    );
    await expect(loadZooModel({ ...entry, bytes: truncated.length }, truncated)).rejects.toBeInstanceOf(ChecksumError);
    await expect(createSession(entry.file, truncated)).rejects.toBeInstanceOf(ModelLoadError);
    await expect(createSession(entry.file, truncated)).rejects.toThrow(/could not load the model/);
    const flipped = bytes.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    await expect(loadZooModel(entry, flipped)).rejects.toThrow(/checksum mismatch/);
    const other = models[models.length - 1]!;
    if (other.sha256 !== entry.sha256)
      await expect(loadZooModel(entry, readModelBytes(other))).rejects.toThrow(entry.file);
  }, 60_000);
});
