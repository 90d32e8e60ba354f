import { describe, expect, it } from 'vitest';
import { DECODE_MODES, benchmarkDecodeModes } from './benchmark';
import { LanguageModel } from './lm';
import { FAKE_EOS, FAKE_SHAPE, FakeSession, FakeTensor } from './testing/fake-session';

describe('benchmarkDecode', () => {
  it('every mode generates the same tokens; batching needs fewer forward passes', async () => {
    const prompts = [
      [2, 3, 4],
      [5, 6, 7, 2],
    ];
    let t = 0;
    const lm = new LanguageModel(new FakeSession(true), FakeTensor, FAKE_SHAPE);
    const results = await benchmarkDecodeModes(lm, prompts, FAKE_EOS, DECODE_MODES, {
      k: 8,
      temperature: 1,
      maxNewTokens: 8,
      seed: 5,
      repeats: 2,
      warmupMs: 50,
      now: () => (t += 1),
    });
    const [batched, single] = results;
    expect(results.map((r) => r.mode)).toEqual([...DECODE_MODES]);
    for (const r of results) {
      expect(r.generatedTokens).toBe(batched!.generatedTokens);
      expect(r.decodeTokensPerSecond).toBeGreaterThan(0);
      expect(r.endToEndTokensPerSecond).toBeGreaterThan(0);
    }
    expect(batched!.forwardPasses).toBeLessThan(single!.forwardPasses / 2);
  });
});
