import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QualityModel, Scenario } from '../domain/scenario';
import { buildExplorerData } from '../engine/explorer-data';
import type { ExplorerData } from '../engine/explorer-data-types';
import { formatCount, formatQuality } from '../charts/format';
import { headlineText } from './headline-text';

const BASE: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 1e8,
  tokens: 1e10,
  samples: 10,
  trainFlops: 1e21,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};
const all = (h: ReturnType<typeof headlineText>) => `${h.answer} ${h.comparison} ${h.fitted}`;

describe('headlineText', () => {
  it('names the optimum N, D, D/N and k, its quality, Chinchilla and the design, from the engine numbers', () => {
    const d = buildExplorerData(BASE);
    const h = headlineText(d);
    const o = d.frontier.optimum!;
    expect(h.answer).toMatch(
      /^With these budgets, train N = \S+ parameters on D = \S+ tokens \(D\/N = \S+\), drawing k = \S+ samples per question/,
    );
    expect(h.answer).toContain(`${o.quality.toPrecision(4)} nats`);
    expect(h.comparison).toContain("Chinchilla's choice at the same budgets");
    expect(h.comparison).toContain(`${d.frontier.chinchilla!.quality.toPrecision(4)} nats`);
    expect(h.comparison).toContain(`your design reaches ${d.readouts.quality.toPrecision(4)} nats`);
    expect(h.comparison).toContain(`${d.readouts.savings!.both.toPrecision(2)}× less training and inference compute`);
  });

  it('writes huge ratios as people do, never raw digits', () => {
    const d = buildExplorerData(BASE);
    const huge: ExplorerData = {
      ...d,
      readouts: { ...d.readouts, savings: { mode: 'two-budget', both: 59315878, training: 1, inference: 1 } },
    };
    const h = headlineText(huge);
    expect(h.comparison).toContain('> 1,000,000×');
    expect(h.comparison).not.toContain('59315878');
  });

  it('says when numbers are unavailable instead of printing NaN', () => {
    const d = buildExplorerData(BASE);
    const broken: ExplorerData = {
      ...d,
      frontier: {
        ...d.frontier,
        optimum: { ...d.frontier.optimum!, params: Number.NaN, quality: Number.NaN },
        chinchilla: null,
      },
      readouts: { ...d.readouts, savings: null },
    };
    const text = all(headlineText(broken));
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(text).toContain('an unavailable number');
    expect(text).toContain("Chinchilla's choice at these budgets is unavailable");
    const none = all(headlineText({ ...d, frontier: { ...d.frontier, optimum: null } }));
    expect(none).toContain('No optimum is available at these budgets');
  });

  it('flags an extrapolated optimum', () => {
    const d = buildExplorerData(BASE);
    const marks = {
      ...d.frontier.extrapolation,
      optimum: { excess: [], text: 'extrapolated: N 12× above the fitted range' },
    };
    const h = headlineText({ ...d, frontier: { ...d.frontier, extrapolation: marks } });
    expect(h.extrapolated).toBe(true);
    expect(h.fitted).toContain('Extrapolated');
    expect(h.fitted).toContain('N 12× above the fitted range');
  });

  it.each(['t2-2', 'chinchilla', 'lifetime'] as QualityModel[])('reads for %s without NaN', (m) => {
    const d = buildExplorerData({
      ...BASE,
      qualityModel: m,
      constantSet: m === 't2-2' ? 't2-illustrative' : 'besiroglu',
    });
    const text = all(headlineText(d));
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    if (m === 'lifetime') expect(text).toContain('Sardana et al.');
    if (m === 'chinchilla') expect(text).not.toContain('samples per question');
  });

  it('never prints NaN, Infinity or undefined over random scenarios', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 7, max: 11, noNaN: true }),
        fc.double({ min: 9, max: 13, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 18, max: 24, noNaN: true }),
        fc.double({ min: 8, max: 12, noNaN: true }),
        (n, dd, k, ct, ci) => {
          const s = {
            ...BASE,
            params: 10 ** n,
            tokens: 10 ** dd,
            samples: Math.round(10 ** k),
            trainFlops: 10 ** ct,
            inferenceFlops: 10 ** ci,
          };
          expect(all(headlineText(buildExplorerData(s)))).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 25 },
    );
  });

  // From branch h/first's suite (issue 13), on the one headline module.
  it('states the optimum N, D, D/N, k and quality as the charts format them, and the inference-only saving', () => {
    const d = buildExplorerData(BASE);
    const h = headlineText(d);
    const o = d.frontier.optimum!;
    expect(h.answer).toContain(`N = ${formatCount(o.params)} parameters`);
    expect(h.answer).toContain(`D = ${formatCount(o.tokens)} tokens`);
    expect(h.answer).toContain(`D/N = ${formatCount(o.tokensPerParam)}`);
    expect(h.answer).toContain(`k = ${formatCount(o.samples)} samples`);
    expect(h.answer).toContain(formatQuality(o.quality, d.quality));
    expect(h.comparison).toContain(
      `Chinchilla's choice at the same budgets (N = ${formatCount(d.frontier.chinchilla!.params)}`,
    );
    expect(h.comparison).toMatch(/less inference compute at your training budget/);
  });

  it('writes ratios as people do: never a raw 5-digit factor, even far from the optimum', () => {
    const far = { ...BASE, params: 1e6, tokens: 1e8, samples: 1e4, inferenceFlops: 2e10 };
    const h = headlineText(buildExplorerData(far));
    expect(h.comparison).not.toMatch(/\d{5,}×/);
  });

  it('is one or two sentences (plus the fitted-data line) for every quality model', () => {
    for (const qualityModel of ['t2-1', 't2-2', 'chinchilla', 'lifetime'] as const) {
      const constantSet = qualityModel.startsWith('t2') ? 't2-illustrative' : 'hoffmann';
      const h = headlineText(buildExplorerData({ ...BASE, qualityModel, constantSet }));
      const text = `${h.answer} ${h.comparison}`.trim();
      expect(text.length).toBeGreaterThan(20);
      expect(text.split(/\.\s/).length).toBeLessThanOrEqual(3);
    }
  });

  it('flags an answer outside the fitted data in the answer sentence itself', () => {
    const d = buildExplorerData({
      ...BASE,
      constantSet: 't2-testbed-macro',
      trainFlops: 1e24,
      inferenceFlops: 1e12,
      params: 1e10,
      tokens: 1e24 / 6e10,
      samples: 50,
    });
    const h = headlineText(d);
    expect(h.extrapolated).toBe(true);
    expect(h.answer).toContain('(extrapolated)');
  });
});
