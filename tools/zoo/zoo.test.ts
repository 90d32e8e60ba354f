/** CI checks of the shipped zoo's files: manifest and tasks schema, tokenizer coverage, checksums, size budget. */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/inference/checksum';
import { readModelBytes, readZoo, shippedModels, zooFiles, zooShipped, zooSuite } from './zoo-fixture';

/** The contract's budget for everything in public/models: 30 MB (decimal). */
const ZOO_BUDGET_BYTES = 30_000_000;

describe.skipIf(!zooShipped)(zooSuite('shipped zoo: files'), () => {
  it('manifest.json and tasks.json follow the contract', () => {
    const { manifest, tasks } = readZoo();
    expect(manifest.models.length).toBeGreaterThan(0);
    expect(tasks.tasks.length).toBeGreaterThan(0);
  });

  it('every task has at least 200 held-out problems, encodable, unambiguous, with answers that fit', () => {
    const { manifest, tasks, tokenizer } = readZoo();
    for (const task of tasks.tasks) {
      expect(task.problems.length, task.id).toBeGreaterThanOrEqual(Math.max(200, manifest.evaluation.problemsPerTask));
      for (const p of task.problems) {
        expect(() => tokenizer.encode(p.prompt + p.answer), `${task.id}: ${p.prompt}`).not.toThrow();
        expect(tokenizer.encodeAnswer(p.answer).length, `${task.id}: ${p.prompt}${p.answer}`).toBeLessThanOrEqual(
          task.maxAnswerTokens,
        );
        expect(
          tokenizer.encodePrompt(p.prompt).length + task.maxAnswerTokens - 1,
          `${task.id}: context`,
        ).toBeLessThanOrEqual(manifest.context);
      }
      const answerOf = new Map<string, string>();
      for (const p of task.problems) {
        expect(
          answerOf.get(p.prompt) ?? p.answer,
          `${task.id}: prompt ${JSON.stringify(p.prompt)} has two answers`,
        ).toBe(p.answer);
        answerOf.set(p.prompt, p.answer);
      }
    }
  });

  it('every model reports results for every task at every k of the evaluation, and references name real tasks', () => {
    const { manifest, tasks } = readZoo();
    const taskIds = tasks.tasks.map((t) => t.id).sort();
    const ks = manifest.evaluation.ks.map(String).sort();
    for (const m of manifest.models) {
      expect(Object.keys(m.results).sort(), m.id).toEqual(taskIds);
      for (const id of taskIds) expect(Object.keys(m.results[id]!.passAtK).sort(), `${m.id}/${id}`).toEqual(ks);
      for (const g of m.reference.greedy) expect(taskIds, `${m.id} greedy reference`).toContain(g.task);
      expect(m.reference.greedy.length, `${m.id}: the contract asks for 5–10 greedy references`).toBeGreaterThanOrEqual(
        5,
      );
      expect(m.reference.greedy.length, `${m.id}: the contract asks for 5–10 greedy references`).toBeLessThanOrEqual(
        10,
      );
      expect(m.architecture.vocabSize).toBe(manifest.vocab.length);
    }
  });

  it('every model file exists with the manifest size and sha256', async () => {
    for (const m of shippedModels()) {
      const bytes = readModelBytes(m);
      expect(bytes.byteLength, m.file).toBe(m.bytes);
      expect(await sha256Hex(bytes), m.file).toBe(m.sha256);
    }
  });

  it('ships no stray model files, and the whole zoo fits the 30 MB budget', () => {
    const files = zooFiles();
    const listed = new Set(shippedModels().map((m) => m.file));
    expect(files.filter((f) => f.name.endsWith('.onnx') && !listed.has(f.name)).map((f) => f.name)).toEqual([]);
    const total = files.reduce((s, f) => s + f.bytes, 0);
    expect(total, `public/models holds ${(total / 1e6).toFixed(2)} MB`).toBeLessThanOrEqual(ZOO_BUDGET_BYTES);
  });
});
