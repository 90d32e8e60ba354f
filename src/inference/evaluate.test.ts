import { describe, expect, it } from 'vitest';
import { meanPassAtKEstimate } from '../domain/passk';
import { CancelledError, evaluateTask, problemSeed } from './evaluate';
import { sampleAnswers } from './generate';
import { LanguageModel } from './lm';
import type { Task } from './manifest';
import { FAKE_SHAPE, FakeSession, FakeTensor } from './testing/fake-session';
import { CharTokenizer } from './tokenizer';

const tokenizer = new CharTokenizer(['<eos>', '<pad>', 'a', 'b', 'c', 'd', 'e', 'f'], { eos: 0, pad: 1 });
const lm = () => new LanguageModel(new FakeSession(true), FakeTensor, FAKE_SHAPE);
const prompts = ['abca', 'fedc', 'bbbb', 'cafe', 'dead', 'face'];

async function greedyAnswer(prompt: string): Promise<string> {
  const r = await sampleAnswers(lm(), tokenizer.encodePrompt(prompt), tokenizer.eos, {
    count: 1,
    temperature: 0,
    maxNewTokens: 9,
    seed: 0,
  });
  expect(r.finished[0]).toBe(true);
  return tokenizer.decode(r.tokens[0]!);
}

async function makeTask(answers: (p: string) => Promise<string>): Promise<Task> {
  const problems = [];
  for (const prompt of prompts) problems.push({ prompt, answer: await answers(prompt), level: 1 });
  return { id: 't', name: 'T', description: '', levels: [1], maxAnswerTokens: 9, problems };
}

describe('evaluateTask', () => {
  it('greedy decoding scores 1 on the greedy answers and 0 on others', async () => {
    const right = await makeTask(greedyAnswer);
    const wrong = await makeTask(async (p) => (await greedyAnswer(p)) + 'a');
    const r = await evaluateTask(lm(), tokenizer, right, { params: 1000, samples: 4, temperature: 0, seed: 1 });
    expect(r.passAtK).toEqual({ '1': 1, '2': 1, '4': 1 });
    expect(r.perProblem.map((p) => p.correct)).toEqual(prompts.map(() => 4));
    const w = await evaluateTask(lm(), tokenizer, wrong, {
      params: 1000,
      samples: 4,
      temperature: 0,
      seed: 1,
      ks: [1, 3],
    });
    expect(w.passAtK).toEqual({ '1': 0, '3': 0 });
    expect(w.meanNll!).toBeGreaterThan(r.meanNll!);
  });

  it('counts correct samples as independent sampling does, and pass@k uses the unbiased estimator', async () => {
    const task = await makeTask(greedyAnswer);
    const r = await evaluateTask(lm(), tokenizer, task, { params: 1000, samples: 16, temperature: 0.6, seed: 9 });
    for (const [i, p] of task.problems.entries()) {
      const s = await sampleAnswers(lm(), tokenizer.encodePrompt(p.prompt), 0, {
        count: 16,
        temperature: 0.6,
        maxNewTokens: 9,
        seed: problemSeed(9, 't', i),
      });
      const correct = s.tokens.filter((t, j) => s.finished[j] && tokenizer.decode(t) === p.answer).length;
      expect(r.perProblem[i]!.correct).toBe(correct);
    }
    const counts = r.perProblem.map((p) => ({ n: 16, c: p.correct }));
    expect(Object.keys(r.passAtK)).toEqual(['1', '2', '4', '8', '16']);
    for (const k of [1, 2, 4, 8, 16]) expect(r.passAtK[String(k)]).toBe(meanPassAtKEstimate(counts, k));
    expect(r.passAtK['1']).toBeGreaterThan(0);
    expect(r.passAtK['1']).toBeLessThan(r.passAtK['16']!);
  });

  it('is reproducible, and a problem’s outcome does not depend on how many problems ran', async () => {
    const task = await makeTask(greedyAnswer);
    const opts = { params: 1000, samples: 8, temperature: 1, seed: 3 };
    const all = await evaluateTask(lm(), tokenizer, task, opts);
    const again = await evaluateTask(lm(), tokenizer, task, opts);
    const first3 = await evaluateTask(lm(), tokenizer, task, { ...opts, problems: 3 });
    expect(again.perProblem).toEqual(all.perProblem);
    expect(first3.perProblem).toEqual(all.perProblem.slice(0, 3));
  });

  it('accounts tokens, FLOPs (2N per token processed) and rates from the clock', async () => {
    const task = await makeTask(greedyAnswer);
    let t = 0;
    const r = await evaluateTask(lm(), tokenizer, task, {
      params: 5000,
      samples: 4,
      temperature: 1,
      seed: 3,
      now: () => (t += 2),
    });
    expect(r.tokens.prefill).toBe(prompts.reduce((s, p) => s + p.length, 0));
    expect(r.tokens.processed).toBe(r.tokens.prefill + r.tokens.decode + r.tokens.nll);
    expect(r.flops).toBe(2 * 5000 * r.tokens.processed);
    expect(r.prefillTokensPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(r.decodeTokensPerSecond)).toBe(true);
    expect(r.wallMs).toBeGreaterThan(0);
    const calls = (warmupMs: number) => {
      const session = new FakeSession(true);
      let clock = 0;
      return evaluateTask(new LanguageModel(session, FakeTensor, FAKE_SHAPE), tokenizer, task, {
        params: 1,
        samples: 2,
        temperature: 1,
        seed: 0,
        warmupMs,
        computeNll: false,
        now: () => (clock += 1),
      }).then(() => session.calls.length);
    };
    expect(await calls(200)).toBeGreaterThan(await calls(0));
    const nll = r.perProblem.map((p) => p.nll!);
    expect(r.meanNll).toBeCloseTo(nll.reduce((s, v) => s + v, 0) / nll.length, 12);
  });

  it('reports progress and stops on cancel', async () => {
    const task = await makeTask(greedyAnswer);
    const seen: string[] = [];
    await evaluateTask(lm(), tokenizer, task, {
      params: 1,
      samples: 2,
      temperature: 1,
      seed: 0,
      onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`),
    });
    expect(seen).toEqual(['warmup:0/1', 'warmup:1/1', ...prompts.map((_, i) => `sampling:${i + 1}/6`), 'nll:6/6']);
    const ctl = new AbortController();
    const run = evaluateTask(lm(), tokenizer, task, {
      params: 1,
      samples: 2,
      temperature: 1,
      seed: 0,
      signal: ctl.signal,
      onProgress: (p) => p.phase === 'sampling' && p.done === 2 && ctl.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it('rejects k above the samples per problem and prompts outside the vocabulary', async () => {
    const task = await makeTask(greedyAnswer);
    await expect(
      evaluateTask(lm(), tokenizer, task, { params: 1, samples: 4, ks: [8], temperature: 1, seed: 0 }),
    ).rejects.toThrow(/k = 8 needs 1 ≤ k ≤ samples/);
    task.problems[0]!.prompt = 'xyz';
    await expect(
      evaluateTask(lm(), tokenizer, task, { params: 1, samples: 4, temperature: 1, seed: 0 }),
    ).rejects.toThrow(/not in the model vocabulary/);
  });
});
