import { describe, expect, it } from 'vitest';
import { DECODE_MODES, benchmarkDecode } from './benchmark';
import { LanguageModel } from './lm';
import { FAKE_EOS, FAKE_SHAPE, FakeSession, FakeTensor } from './testing/fake-session';

describe('benchmarkDecode', () => {
  it('every mode generates the same tokens; batching needs fewer forward passes', async () => {
    const prompts = [[2, 3, 4], [5, 6, 7, 2]];
    let t = 0;
    const results = [];
    for (const mode of DECODE_MODES) {
      const lm = new LanguageModel(new FakeSession(true), FakeTensor, FAKE_SHAPE);
      results.push(await benchmarkDecode(lm, prompts, FAKE_EOS, mode, { k: 8, temperature: 1, maxNewTokens: 8, seed: 5, repeats: 2, now: () => (t += 1) }));
    }
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
