import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinchillaLoss, chinchillaOptimum } from '../domain/chinchilla';
import { DomainError } from '../domain/errors';
import { resolveChinchillaSet, resolveT2Approach1Set, resolveT2Approach2Set } from '../domain/registry';
import { lifetimeOptimum } from '../domain/sardana';
import type { QualityModel, Scenario } from '../domain/scenario';
import { t2Loss } from '../domain/t2-approach1';
import { t2Accuracy } from '../domain/t2-approach2';
import { t2Optimum } from '../domain/t2-optimum';
import { buildExplorerData, transferablesOf } from './explorer-data';
import type { ExplorerData } from './explorer-data-types';

const BASE: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 1e8,
  tokens: 1e21 / 6e8,
  samples: 10,
  trainFlops: 1e21,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};
const MODELS: QualityModel[] = ['t2-1', 't2-2', 'chinchilla', 'lifetime'];
const setFor = (m: QualityModel) => (m.startsWith('t2') ? 't2-illustrative' : 'hoffmann');

/** Every number reachable from `value` (arrays included), with its path. */
function numbers(value: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (ArrayBuffer.isView(value)) (value as Float64Array).forEach((v, i) => out.push([`${path}[${i}]`, v]));
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, out);
  return out;
}

function nonFinite(data: ExplorerData): string[] {
  return numbers(data)
    .filter(([, v]) => !Number.isFinite(v))
    .map(([p, v]) => `${p} = ${v}`);
}

describe('buildExplorerData: marks equal the domain functions', () => {
  it('T² Approach 1: design quality, optimum and Chinchilla choice', () => {
    const c = resolveT2Approach1Set('t2-illustrative').constants;
    const d = buildExplorerData(BASE);
    expect(d.readouts.quality).toBe(t2Loss(c, BASE.params, BASE.tokens, BASE.samples));
    expect(d.frontier.design.trainFlops).toBeCloseTo(6 * BASE.params * BASE.tokens, 0);
    expect(d.frontier.design.inferenceFlops).toBe(2 * BASE.params * BASE.samples);
    const o = t2Optimum(1, c, BASE.trainFlops, BASE.inferenceFlops);
    expect(d.frontier.optimum!.params).toBe(o.params);
    expect(d.frontier.optimum!.quality).toBe(o.value);
    expect(d.frontier.optimum!.trainFlops / BASE.trainFlops).toBeCloseTo(1, 12);
    expect(d.frontier.optimum!.inferenceFlops / BASE.inferenceFlops).toBeCloseTo(1, 12);
    const ch = chinchillaOptimum(c, BASE.trainFlops);
    expect(d.frontier.chinchilla!.params).toBe(ch.params);
    expect(d.frontier.chinchilla!.quality).toBe(t2Loss(c, ch.params, ch.tokens, BASE.inferenceFlops / (2 * ch.params)));
    expect(d.isoflop.optimum.params).toBe(o.params);
    expect(d.readouts.tokensPerParam.chinchilla).toBe(ch.tokensPerParam);
  });

  it('T² Approach 2: accuracy everywhere, pass@k curve is the law at the design N, D', () => {
    const c = resolveT2Approach2Set('t2-illustrative').constants;
    const s = { ...BASE, qualityModel: 't2-2' as const };
    const d = buildExplorerData(s);
    expect(d.quality.higherIsBetter).toBe(true);
    expect(d.readouts.quality).toBe(t2Accuracy(c, s.params, s.tokens, s.samples));
    expect(d.passk.available).toBe(true);
    d.passk.samples.forEach((k, i) => expect(d.passk.passAtK[i]).toBe(t2Accuracy(c, s.params, s.tokens, k)));
    expect(d.passk.samples[0]).toBe(1);
    for (let i = 1; i < d.passk.passAtK.length; i++)
      expect(d.passk.passAtK[i]).toBeGreaterThanOrEqual(d.passk.passAtK[i - 1]!);
    expect(d.frontier.optimum!.quality).toBe(t2Optimum(2, c, s.trainFlops, s.inferenceFlops).value);
  });

  it('T² Approach 1: pass@k is the implied exp(−L) and says so', () => {
    const c = resolveT2Approach1Set('t2-illustrative').constants;
    const d = buildExplorerData(BASE);
    expect(d.passk.subtitle).toMatch(/exp\(−L/);
    expect(d.passk.passAtK[5]).toBe(Math.exp(-t2Loss(c, BASE.params, BASE.tokens, d.passk.samples[5]!)));
  });

  it('Chinchilla: loss ignores k, the optimum is Chinchilla capped at N ≤ C_inf/2, no pass@k', () => {
    const c = resolveChinchillaSet('hoffmann').constants;
    const s = { ...BASE, qualityModel: 'chinchilla' as const, constantSet: 'hoffmann' };
    const d = buildExplorerData(s);
    expect(d.readouts.quality).toBe(chinchillaLoss(c, s.params, s.tokens));
    expect(buildExplorerData({ ...s, samples: 1000 }).readouts.quality).toBe(d.readouts.quality);
    const free = chinchillaOptimum(c, s.trainFlops);
    expect(d.frontier.optimum!.params).toBe(Math.min(free.params, s.inferenceFlops / 2));
    expect(d.passk.available).toBe(false);
    expect(d.frontier.note).toMatch(/no k term/);
  });

  it("lifetime: the lifetime mark is Sardana et al.'s optimum at the design loss with k·T", () => {
    const c = resolveChinchillaSet('hoffmann').constants;
    const s = { ...BASE, qualityModel: 'lifetime' as const, constantSet: 'hoffmann', samples: 3 };
    const d = buildExplorerData(s);
    const life = lifetimeOptimum(c, d.readouts.quality, s.tokensServed, s.samples);
    expect(d.frontier.lifetime!.params).toBe(life.params);
    expect(d.frontier.lifetime!.tokens).toBe(life.tokens);
    expect(d.readouts.savings!.mode).toBe('lifetime');
    expect(d.readouts.savings!.both).toBeCloseTo(
      (6 * s.params * s.tokens + 2 * s.params * 3 * s.tokensServed) / life.totalFlops,
      9,
    );
    // The isoflop slice holds the design's lifetime compute: the design sits on it and the optimum is no worse.
    expect(d.isoflop.optimum.quality).toBeLessThanOrEqual(d.readouts.quality + 1e-12);
  });
});

describe('buildExplorerData: shapes and invariants', () => {
  it('frontier grid is nx·ny, best quality improves with either budget, thresholds ordered worst→best', () => {
    for (const m of MODELS) {
      const d = buildExplorerData({ ...BASE, qualityModel: m, constantSet: setFor(m) });
      const f = d.frontier;
      const nx = f.trainFlops.length;
      expect(f.quality.length).toBe(nx * f.inferenceFlops.length);
      const sign = d.quality.higherIsBetter ? 1 : -1;
      for (let j = 0; j < f.inferenceFlops.length; j++) {
        for (let i = 1; i < nx; i++)
          expect(sign * (f.quality[i + j * nx]! - f.quality[i - 1 + j * nx]!)).toBeGreaterThanOrEqual(-1e-9);
      }
      for (let i = 1; i < f.thresholds.length; i++)
        expect(sign * (f.thresholds[i]! - f.thresholds[i - 1]!)).toBeGreaterThan(0);
      expect(f.thresholds.length).toBeGreaterThanOrEqual(4);
      // The window holds the budgets and every mark.
      for (const p of [f.design, f.optimum!, f.chinchilla!]) {
        expect(p.trainFlops).toBeGreaterThanOrEqual(f.trainFlops[0]!);
        expect(p.trainFlops).toBeLessThanOrEqual(f.trainFlops[nx - 1]!);
      }
    }
  });

  it('the isoFLOP optimum is at least as good as every point of the slice', () => {
    for (const m of ['t2-1', 't2-2', 'chinchilla'] as QualityModel[]) {
      const d = buildExplorerData({ ...BASE, qualityModel: m, constantSet: setFor(m) });
      const sign = d.quality.higherIsBetter ? 1 : -1;
      for (const q of d.isoflop.quality) expect(sign * (d.isoflop.optimum.quality - q)).toBeGreaterThanOrEqual(-1e-9);
      d.isoflop.params.forEach((n, i) => {
        expect(6 * n * d.isoflop.tokens[i]!).toBeCloseTo(BASE.trainFlops, -8);
        expect(d.isoflop.samples[i]).toBeGreaterThanOrEqual(1 - 1e-12);
      });
    }
  });

  it('savings: cutting both budgets by the factor still reaches the design quality (T² Approach 1)', () => {
    const c = resolveT2Approach1Set('t2-illustrative').constants;
    const d = buildExplorerData({ ...BASE, params: 1e9, tokens: 1e21 / 6e9, samples: 1 });
    const s = d.readouts.savings!;
    expect(s.both).toBeGreaterThan(1);
    const ct = 1e21;
    const ci = 2e9;
    expect(t2Optimum(1, c, ct / s.both, ci / s.both).value).toBeCloseTo(d.readouts.quality, 6);
    expect(t2Optimum(1, c, ct / s.training, ci).value).toBeCloseTo(d.readouts.quality, 6);
    expect(s.training).toBeGreaterThanOrEqual(s.both);
  });

  it('a design at the optimum has no savings', () => {
    const c = resolveT2Approach1Set('t2-illustrative').constants;
    const o = t2Optimum(1, c, BASE.trainFlops, BASE.inferenceFlops);
    const d = buildExplorerData({ ...BASE, params: o.params, tokens: o.tokens, samples: o.samples });
    expect(d.readouts.savings).toBeNull();
  });

  it('warns when N, D or k lies outside the fitted range, and only then', () => {
    expect(
      buildExplorerData({ ...BASE, params: 1e10, tokens: 1e21 / 6e10 }).readouts.rangeWarnings.some((w) =>
        w.startsWith('N = 10B'),
      ),
    ).toBe(true);
    expect(buildExplorerData({ ...BASE, params: 1e8, tokens: 1e10, samples: 10 }).readouts.rangeWarnings).toEqual([]);
    expect(buildExplorerData({ ...BASE, tokens: 1e10, samples: 5000 }).readouts.rangeWarnings).toHaveLength(1);
  });

  it('rejects unusable scenarios with a DomainError', () => {
    expect(() => buildExplorerData({ ...BASE, params: 0 })).toThrow(DomainError);
    expect(() => buildExplorerData({ ...BASE, trainFlops: Number.NaN })).toThrow(DomainError);
    expect(() => buildExplorerData({ ...BASE, tokensServed: -1 })).toThrow(DomainError);
  });

  it('Epoch: five techniques, three calibrated, ten pairs, the report table with chain of thought', () => {
    const d = buildExplorerData(BASE);
    expect(d.epoch.techniques.map((t) => t.id)).toEqual([
      'scaling-policy',
      'pruning',
      'mcts',
      'repeated-sampling-cheap',
      'repeated-sampling-expensive',
    ]);
    expect(d.epoch.techniques.filter((t) => t.calibrated).map((t) => t.id)).toEqual([
      'mcts',
      'repeated-sampling-cheap',
      'repeated-sampling-expensive',
    ]);
    expect(d.epoch.combined).toHaveLength(10);
    expect(d.epoch.reportTable.at(-1)!.train).toBe('n/a');
    const mcts = d.epoch.techniques.find((t) => t.id === 'mcts')!;
    expect(mcts.span.train).toBeCloseTo(1.6, 6);
    expect(mcts.span.inference).toBeCloseTo(1.6, 6);
  });
});

describe('memoisation keys', () => {
  it('keep the grid, tokens-per-parameter and Epoch keys while only N moves along the budget line', () => {
    const a = buildExplorerData(BASE);
    const b = buildExplorerData({ ...BASE, params: 1.3e8, tokens: BASE.trainFlops / (6 * 1.3e8) });
    expect(b.frontier.gridKey).toBe(a.frontier.gridKey);
    expect(b.tokensPerParam.key).toBe(a.tokensPerParam.key);
    expect(b.epoch.key).toBe(a.epoch.key);
    expect(b.readouts.quality).not.toBe(a.readouts.quality);
  });
  it('change them when what the data depends on changes', () => {
    const a = buildExplorerData(BASE);
    expect(buildExplorerData({ ...BASE, trainFlops: 1e25 }).frontier.gridKey).not.toBe(a.frontier.gridKey);
    expect(buildExplorerData({ ...BASE, inferenceFlops: 3e9 }).tokensPerParam.key).not.toBe(a.tokensPerParam.key);
    const chin = buildExplorerData({ ...BASE, qualityModel: 'chinchilla', constantSet: 'besiroglu' });
    expect(chin.frontier.gridKey).not.toBe(a.frontier.gridKey);
    expect(chin.epoch.key).not.toBe(
      buildExplorerData({ ...BASE, qualityModel: 'chinchilla', constantSet: 'hoffmann' }).epoch.key,
    );
  });
});

describe('transferablesOf', () => {
  it('lists every typed array buffer once, and memoised parts are copies (transfer cannot detach the cache)', () => {
    const a = buildExplorerData(BASE);
    const buffers = transferablesOf(a);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(a.frontier.quality.buffer);
    expect(buffers).toContain(a.passk.samples.buffer);
    const b = buildExplorerData({ ...BASE, params: 1.1e8 });
    expect(b.frontier.quality).not.toBe(a.frontier.quality);
    expect(b.frontier.quality.buffer).not.toBe(a.frontier.quality.buffer);
    expect(Array.from(b.frontier.quality)).toEqual(Array.from(a.frontier.quality));
    // The worker transfers only the parts built fresh for a request (frontier, readouts, cost: src/engine/api.ts);
    // memoised chart parts are shared across replies by identity (src/engine/chart-parts.ts) and sent by copy.
    const fresh = { frontier: b.frontier, readouts: b.readouts, cost: b.cost } as unknown as typeof b;
    const c = structuredClone(fresh, { transfer: transferablesOf(fresh) });
    expect(b.frontier.quality.length).toBe(0); // detached
    const after = buildExplorerData({ ...BASE, params: 1.2e8 });
    expect(after.frontier.quality.length).toBe(c.frontier.quality.length);
    expect(after.passk.samples.length).toBeGreaterThan(0);
  });
});

describe('buildExplorerData: no NaN or Infinity for extreme but valid scenarios (property)', () => {
  const logUniform = (lo: number, hi: number) =>
    fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((e) => 10 ** e);
  it('holds across the URL schema ranges for every model', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        logUniform(1e6, 1e13),
        logUniform(1e6, 1e16),
        logUniform(1, 1e5),
        logUniform(1e15, 1e28),
        logUniform(1e6, 1e18),
        logUniform(1e6, 1e17),
        (model, params, tokens, samples, trainFlops, inferenceFlops, tokensServed) => {
          const d = buildExplorerData({
            qualityModel: model,
            constantSet: setFor(model),
            params,
            tokens,
            samples,
            trainFlops,
            inferenceFlops,
            tokensServed,
            targetQuality: 0,
          });
          expect(nonFinite(d)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
