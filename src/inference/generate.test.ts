import { describe, expect, it } from 'vitest';
import { CancelledError, answerNll, sampleAnswers } from './generate';
import { LanguageModel } from './lm';
import { logProb } from './sampling';
import { FAKE_EOS, FAKE_PAD, FAKE_SHAPE, FakeSession, FakeTensor } from './testing/fake-session';

const model = (withCache = true) => {
  const session = new FakeSession(withCache);
  return { session, lm: new LanguageModel(session, FakeTensor, FAKE_SHAPE) };
};
const PROMPT = [2, 5, 3, 7, 4];
const base = { temperature: 1, maxNewTokens: 10, seed: 42 };

describe('sampleAnswers', () => {
  it('greedy decoding with the KV cache equals full forward passes at every step', async () => {
    const a = await sampleAnswers(model(true).lm, PROMPT, FAKE_EOS, { ...base, count: 3, temperature: 0 });
    const b = await sampleAnswers(model(true).lm, PROMPT, FAKE_EOS, {
      ...base,
      count: 3,
      temperature: 0,
      useKvCache: false,
    });
    const c = await sampleAnswers(model(false).lm, PROMPT, FAKE_EOS, { ...base, count: 1, temperature: 0 });
    expect(a.tokens).toEqual(b.tokens);
    expect(a.tokens[0]).toEqual(c.tokens[0]);
    expect(new Set(a.tokens.map((t) => t.join()))).toHaveProperty('size', 1);
  });

  it('is deterministic per seed and differs across seeds', async () => {
    const one = await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 16 });
    const two = await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 16 });
    const other = await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 16, seed: 43 });
    expect(two.tokens).toEqual(one.tokens);
    expect(other.tokens).not.toEqual(one.tokens);
    expect(new Set(one.tokens.map((t) => t.join())).size).toBeGreaterThan(1);
  });

  it('a batch of k gives the same samples as k one-at-a-time runs, with or without the cache', async () => {
    const batched = await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 8 });
    const noCache = await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 8, useKvCache: false });
    const single: number[][] = [];
    for (let r = 0; r < 8; r++)
      single.push(
        (await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 1, firstSample: r })).tokens[0]!,
      );
    expect(single).toEqual(batched.tokens);
    expect(noCache.tokens).toEqual(batched.tokens);
    expect(noCache.finished).toEqual(batched.finished);
  });

  it('prefills once, runs the batch in one pass per step and drops finished rows', async () => {
    const { lm, session } = model();
    const r = await sampleAnswers(lm, PROMPT, FAKE_EOS, { ...base, count: 16 });
    expect(session.calls[0]).toEqual({ batch: 1, seq: PROMPT.length, past: 0 });
    const steps = session.calls.slice(1);
    expect(steps.every((c) => c.seq === 1)).toBe(true);
    expect(steps.map((c) => c.batch)).toEqual([...steps.map((c) => c.batch)].sort((x, y) => y - x));
    expect(steps.length).toBe(Math.max(...r.tokens.map((t, i) => t.length + (r.finished[i] ? 1 : 0))) - 1);
    expect(r.prefillTokens).toBe(PROMPT.length);
    expect(r.decodeTokens).toBe(steps.reduce((s, c) => s + c.batch, 0));
    expect(r.processedTokens).toBe(PROMPT.length + r.decodeTokens);
    expect(r.forwardPasses).toBe(session.calls.length);
  });

  it('stops at maxNewTokens (eos counted) and at the context limit', async () => {
    const r = await sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 16, maxNewTokens: 2 });
    r.tokens.forEach((t, i) => expect(t.length + (r.finished[i] ? 1 : 0)).toBeLessThanOrEqual(2));
    const long = Array.from({ length: FAKE_SHAPE.context - 2 }, (_, i) => 2 + (i % 6));
    const s = await sampleAnswers(model().lm, long, FAKE_EOS, { ...base, count: 4, temperature: 0, maxNewTokens: 50 });
    s.tokens.forEach((t) => expect(long.length + t.length).toBeLessThanOrEqual(FAKE_SHAPE.context + 1));
  });

  it('counts prefix tokens of every step without the cache', async () => {
    const { lm, session } = model();
    const r = await sampleAnswers(lm, PROMPT, FAKE_EOS, { ...base, count: 4, useKvCache: false });
    expect(session.calls[0]).toEqual({ batch: 4, seq: PROMPT.length, past: 0 });
    expect(r.processedTokens).toBe(session.calls.reduce((s, c) => s + c.batch * c.seq, 0));
  });

  it('rejects a cancelled signal and bad arguments', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 2, signal: ctl.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
    await expect(
      sampleAnswers(model(false).lm, PROMPT, FAKE_EOS, { ...base, count: 2, useKvCache: true }),
    ).rejects.toThrow(/no KV cache/);
    await expect(sampleAnswers(model().lm, PROMPT, FAKE_EOS, { ...base, count: 0 })).rejects.toThrow(/count/);
  });
});

describe('answerNll', () => {
  const items = [
    { prompt: PROMPT, target: [3, 4, FAKE_EOS] },
    { prompt: [6, 2], target: [5, FAKE_EOS] },
    { prompt: [2, 3, 4, 5, 6, 7, 2], target: [FAKE_EOS] },
  ];

  it('equals the sum of −log p of each target token, step by step', async () => {
    const { lm } = model(false);
    const { nll, processedTokens } = await answerNll(lm, items, FAKE_PAD);
    for (const [i, it] of items.entries()) {
      let expected = 0;
      const seq = [...it.prompt];
      for (const tok of it.target) {
        const { logits } = await lm.forward(seq, 1, seq.length);
        expected -= logProb(logits, (seq.length - 1) * FAKE_SHAPE.vocabSize, FAKE_SHAPE.vocabSize, tok);
        seq.push(tok);
      }
      expect(nll[i]).toBeCloseTo(expected, 10);
      expect(nll[i]).toBeGreaterThan(0);
    }
    expect(processedTokens).toBe(items.reduce((s, it) => s + it.prompt.length + it.target.length - 1, 0));
  });

  it('right-padded batches give the same NLL as one item at a time', async () => {
    const batched = await answerNll(model().lm, items, FAKE_PAD, { batchSize: 3 });
    const single = await answerNll(model().lm, items, FAKE_PAD, { batchSize: 1 });
    batched.nll.forEach((v, i) => expect(v).toBeCloseTo(single.nll[i]!, 10));
  });
});

describe('LanguageModel errors', () => {
  it('wraps a failing run, and checks shapes, context and cache batch', async () => {
    const session = new FakeSession(true);
    const lm = new LanguageModel(session, FakeTensor, FAKE_SHAPE);
    await expect(lm.forward([2, 3], 1, 3)).rejects.toThrow(/expected 1×3 token ids, got 2/);
    await expect(lm.forward(new Array(FAKE_SHAPE.context + 1).fill(2), 1, FAKE_SHAPE.context + 1)).rejects.toThrow(
      /exceeds the model context of 24/,
    );
    const { present } = await lm.forward([2, 3], 1, 2);
    await expect(lm.forward([2, 3], 2, 1, present!)).rejects.toThrow(/KV cache holds 1 rows, input has 2/);
    session.run = () => Promise.reject(new Error('failed to allocate a buffer'));
    await expect(lm.forward([2], 1, 1)).rejects.toThrow(
      /onnxruntime failed on a batch of 1 × 1 tokens after 0 cached positions \(out of memory/,
    );
    const wrongVocab = new LanguageModel(new FakeSession(true), FakeTensor, { ...FAKE_SHAPE, vocabSize: 9 });
    await expect(wrongVocab.forward([2], 1, 1)).rejects.toThrow(/"logits" has shape \[1, 1, 8\], expected \[1, 1, 9\]/);
    expect(
      () =>
        new LanguageModel({ inputNames: ['ids'], outputNames: ['logits'], run: session.run }, FakeTensor, FAKE_SHAPE),
    ).toThrow(/no input "input_ids"/);
  });
});
