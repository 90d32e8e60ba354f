import { describe, expect, it } from 'vitest';
import type { Scenario } from '../domain/scenario';
import { buildExplorerData } from '../engine/explorer-data';
import { formatCount, formatQuality } from '../charts/format';
import { headlineText } from './headline-text';

const BASE: Scenario = {
  qualityModel: 't2-1', constantSet: 't2-illustrative', params: 1e8, tokens: 1e10, samples: 10,
  trainFlops: 1e21, inferenceFlops: 2e9, tokensServed: 2e12, targetQuality: 0,
};

describe('headlineText', () => {
  it('states the optimum N, D, D/N, k and quality the engine computed, and the Chinchilla choice', () => {
    const d = buildExplorerData(BASE);
    const h = headlineText(d);
    const o = d.frontier.optimum!;
    expect(h.answer).toContain(`N = ${formatCount(o.params)} parameters`);
    expect(h.answer).toContain(`D = ${formatCount(o.tokens)} tokens`);
    expect(h.answer).toContain(`D/N = ${formatCount(o.tokensPerParam)}`);
    expect(h.answer).toContain(`k = ${formatCount(o.samples)} samples`);
    expect(h.answer).toContain(formatQuality(o.quality, d.quality));
    expect(h.comparison).toContain(`Chinchilla choice (N = ${formatCount(d.frontier.chinchilla!.params)}`);
    expect(h.comparison).toMatch(/less inference compute/);
    expect(`${h.answer} ${h.comparison}`).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('writes ratios as people do: never a raw 8-digit factor', () => {
    const far = { ...BASE, params: 1e6, tokens: 1e8, samples: 1e4, inferenceFlops: 2e10 };
    const h = headlineText(buildExplorerData(far));
    expect(h.comparison).not.toMatch(/\d{5,}×/);
  });

  it('is one or two sentences for every quality model', () => {
    for (const qualityModel of ['t2-1', 't2-2', 'chinchilla', 'lifetime'] as const) {
      const constantSet = qualityModel.startsWith('t2') ? 't2-illustrative' : 'hoffmann';
      const d = buildExplorerData({ ...BASE, qualityModel, constantSet });
      const h = headlineText(d);
      const text = `${h.answer} ${h.comparison}`.trim();
      expect(text.length).toBeGreaterThan(20);
      expect(text.split(/\.\s/).length).toBeLessThanOrEqual(3);
      expect(text).not.toMatch(/NaN|undefined/);
    }
  });

  it('flags an answer outside the fitted data', () => {
    const d = buildExplorerData({ ...BASE, constantSet: 't2-testbed-macro', trainFlops: 1e24, inferenceFlops: 1e12, params: 1e10, tokens: 1e24 / 6e10, samples: 50 });
    const h = headlineText(d);
    expect(h.extrapolated).not.toBeNull();
    expect(h.answer).toContain('(extrapolated)');
  });
});
