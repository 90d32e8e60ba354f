import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getChinchillaSet } from '../chinchilla-sets';
import { lifetimeOptimum } from '../sardana';
import {
  DEFAULT_UTILISATION,
  ROOFLINE_DEFAULTS,
  defaultPrice,
  dollarsPerFlop,
  gpuHours,
  gpuSpec,
  peakFlops,
  type Dtype,
} from './hardware';
import { costOptimum, designCost, type CostSetup } from './lifetime-cost';
import { kvBytesPerToken, requestCost, type DecodeModel } from './serving';
import peer from './peer-cases.json';

const sardana = getChinchillaSet('sardana')!.constants;

type PeerInput = (typeof peer.cases)[number]['input'];
/**
 * The GPU as the peer prices it: its H100 FP8/INT8 peak is 1.978e15 (cost_calculator.py H100_FP8_OPS) where the
 * datasheet (and our preset) says 1,979 TFLOPS; everything else agrees. The comparison uses the peer's figure so that
 * it checks the method, not a rounding of the datasheet.
 */
function peerGpu(id: string) {
  const g = gpuSpec(id);
  return id === 'h100' ? { ...g, peakFlops: { ...g.peakFlops, fp8: 1.978e15, int8: 1.978e15 } } : g;
}
function setupOf(p: PeerInput, decodeModel: DecodeModel = 'mfu', samples = 1, gpuOf = peerGpu): CostSetup {
  return {
    train: { gpu: gpuOf(p.trainGpu), dtype: p.trainDtype as Dtype, dollarsPerGpuHour: p.trainPrice, mfu: p.trainMfu },
    serve: {
      gpu: gpuOf(p.inferenceGpu),
      dtype: p.inferenceDtype as Dtype,
      dollarsPerGpuHour: p.inferencePrice,
      prefillMfu: p.prefillMfu,
      generationMfu: p.generationMfu,
      decodeModel,
      batchSize: ROOFLINE_DEFAULTS.batchSize,
      bandwidthUtilisation: ROOFLINE_DEFAULTS.bandwidthUtilisation,
      aspectRatio: ROOFLINE_DEFAULTS.aspectRatio,
      kvFraction: ROOFLINE_DEFAULTS.kvFraction,
    },
    requests: p.requests,
    request: { inputTokens: p.inputTokens, outputTokens: p.outputTokens, samples },
  };
}
/** The peer prints "{:.3e}": agreement to its printed digits. */
const sf = (v: number) => Number(v.toExponential(3));
const pct = (v: number) => Math.round(100 * v * 100) / 100;

describe('hardware presets (vendor datasheets, dense peaks)', () => {
  it('the JSON-free ids and defaults of the URL schema match the data', async () => {
    const { COST_GPU_IDS, COST_CHOICE_DEFAULTS } = await import('./choice-defaults');
    const { GPU_IDS } = await import('./hardware');
    const { DEFAULT_COST_CHOICE } = await import('./scenario-cost');
    expect([...COST_GPU_IDS]).toEqual([...GPU_IDS]);
    expect({ ...COST_CHOICE_DEFAULTS }).toEqual({ ...DEFAULT_COST_CHOICE });
  });

  it('carry the datasheet figures', () => {
    expect(peakFlops(gpuSpec('a100-80'), 'bf16')).toBe(3.12e14);
    expect(peakFlops(gpuSpec('a100-40'), 'int8')).toBe(6.24e14);
    expect(peakFlops(gpuSpec('h100'), 'bf16')).toBe(9.89e14);
    expect(peakFlops(gpuSpec('h100'), 'fp8')).toBe(1.979e15);
    expect(gpuSpec('h200').memoryBytes).toBe(141e9);
    expect(gpuSpec('h200').bandwidthBytesPerSecond).toBe(4.8e12);
    expect(gpuSpec('h100').bandwidthBytesPerSecond).toBe(3.35e12);
    expect(() => peakFlops(gpuSpec('a100-40'), 'fp8')).toThrow(/no fp8/);
    expect(() => gpuSpec('tpu')).toThrow(/unknown GPU "tpu"/);
    expect(defaultPrice('h100').dollarsPerGpuHour).toBe(2);
    expect(DEFAULT_UTILISATION.training).toBe(0.375);
  });

  it('worked by hand: 1e21 FLOPs on H100 BF16 at 37.5 % MFU', () => {
    // 1e21 / (3600 · 9.89e14 · 0.375) = 749.0 GPU-hours; at $2/h: $1,498.
    expect(gpuHours(1e21, gpuSpec('h100'), 'bf16', 0.375)).toBeCloseTo(1e21 / (3600 * 9.89e14 * 0.375), 9);
    expect(gpuHours(1e21, gpuSpec('h100'), 'bf16', 0.375)).toBeCloseTo(748.96, 1);
    expect(1e21 * dollarsPerFlop(gpuSpec('h100'), 'bf16', 2, 0.375)).toBeCloseTo(1497.9, 0);
  });

  it('roofline by hand: a 7e9 model in BF16 on an H100, batch 32, 1,000-token prompts', () => {
    const s = setupOf(peer.cases[1]!.input, 'roofline', 1, gpuSpec).serve;
    const serve = { ...s, dtype: 'bf16' as const, bandwidthUtilisation: 1, batchSize: 32 };
    const kv = kvBytesPerToken(7e9, serve);
    const dModel = Math.cbrt((128 * 7e9) / 12); // ≈ 4,211
    expect(kv).toBeCloseTo(2 * ((dModel * dModel) / 128) * 2, 3); // ≈ 554 kB per token
    const r = requestCost(7e9, { inputTokens: 1000, outputTokens: 200, samples: 1 }, serve);
    const memorySeconds = ((7e9 * 2) / 32 + kv * 1100) / 3.35e12;
    expect(r.decodeBound).toBe('memory');
    expect(r.decodeGpuSecondsPerToken).toBeCloseTo(memorySeconds, 12);
    expect(r.decode).toBeCloseTo((200 * memorySeconds * 2) / 3600, 12);
  });
});

describe("cost-optimal design, side by side with Sardana et al.'s cost_optimal.py (its printed digits)", () => {
  it.each(peer.cases.map((c) => [c.args, c] as const))('%s', (_args, c) => {
    const o = costOptimum(sardana, c.input.loss, setupOf(c.input));
    const p = c.printed;
    expect(sf(o.chinchilla.params)).toBe(p.chinchillaParams);
    expect(sf(o.chinchilla.tokens)).toBe(p.chinchillaTokens);
    expect(sf(o.chinchilla.cost.trainCost)).toBe(p.chinchillaTrainCost);
    expect(o.chinchilla.cost.totalCost).toBeCloseTo(p.chinchillaTotalCost, 4);
    expect(sf(o.params)).toBe(p.params);
    expect(sf(o.tokens)).toBe(p.tokens);
    expect(sf(o.cost.trainCost)).toBe(p.trainCost);
    expect(Math.abs(o.cost.totalCost / p.totalCost - 1)).toBeLessThan(1e-9);
    expect(pct(o.paramsRatio)).toBe(p.paramsPercent);
    expect(pct(o.tokensRatio)).toBe(p.tokensPercent);
    expect(pct(o.costRatio)).toBe(p.costPercent);
  });
});

describe('cost properties (fast-check)', () => {
  const base = setupOf(peer.cases[0]!.input, 'roofline', 1, gpuSpec);
  it('a design costs more with more N, D, requests, tokens, samples or a higher price, and less with a higher MFU', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 7, max: 12, noNaN: true }),
        fc.double({ min: 9, max: 14, noNaN: true }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        fc.constantFrom<DecodeModel>('roofline', 'mfu'),
        (logN, logD, f, model) => {
          const s = { ...base, serve: { ...base.serve, decodeModel: model } };
          const n = 10 ** logN;
          const d = 10 ** logD;
          const c0 = designCost(n, d, s).totalCost;
          expect(designCost(n * f, d, s).totalCost).toBeGreaterThan(c0);
          expect(designCost(n, d * f, s).totalCost).toBeGreaterThan(c0);
          expect(designCost(n, d, { ...s, requests: s.requests * f }).totalCost).toBeGreaterThan(c0);
          expect(
            designCost(n, d, { ...s, request: { ...s.request, outputTokens: s.request.outputTokens * f } }).totalCost,
          ).toBeGreaterThan(c0);
          expect(
            designCost(n, d, { ...s, request: { ...s.request, inputTokens: s.request.inputTokens * f } }).totalCost,
          ).toBeGreaterThan(c0);
          expect(designCost(n, d, { ...s, request: { ...s.request, samples: f } }).totalCost).toBeGreaterThan(c0);
          expect(
            designCost(n, d, { ...s, train: { ...s.train, dollarsPerGpuHour: s.train.dollarsPerGpuHour * f } })
              .totalCost,
          ).toBeGreaterThan(c0);
          expect(
            designCost(n, d, { ...s, serve: { ...s.serve, dollarsPerGpuHour: s.serve.dollarsPerGpuHour * f } })
              .totalCost,
          ).toBeGreaterThan(c0);
          expect(designCost(n, d, { ...s, train: { ...s.train, mfu: s.train.mfu / f } }).totalCost).toBeGreaterThan(c0);
        },
      ),
    );
  });

  it("FLOP-optimal = cost-optimal when every FLOP costs the same (Sardana et al.'s lifetime optimum, laws.md §4)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.8, max: 2.6, noNaN: true }),
        fc.double({ min: 6, max: 12, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (loss, logReq, tin, tout, u) => {
          const s = setupOf(peer.cases[1]!.input, 'mfu', 1, gpuSpec);
          const same: CostSetup = {
            train: { ...s.train, dtype: 'bf16', mfu: u },
            serve: { ...s.serve, dtype: 'bf16', prefillMfu: u, generationMfu: u },
            requests: 10 ** logReq,
            request: { inputTokens: tin, outputTokens: tout, samples: 1 },
          };
          const o = costOptimum(sardana, loss, same);
          const f = lifetimeOptimum(sardana, loss, same.requests * (tin + tout));
          expect(o.params / f.params).toBeCloseTo(1, 5);
          expect(o.tokens / f.tokens).toBeCloseTo(1, 5);
        },
      ),
    );
  });

  it('no design on the iso-loss curve is cheaper than the optimum (roofline)', () => {
    const o = costOptimum(sardana, 1.95, base);
    for (let i = -40; i <= 40; i++) {
      const d = o.tokens * Math.exp(i / 10);
      const n = (sardana.A / (1.95 - sardana.E - sardana.B / d ** sardana.beta)) ** (1 / sardana.alpha);
      if (!(n > 0 && Number.isFinite(n))) continue;
      expect(designCost(n, d, base).totalCost).toBeGreaterThanOrEqual(o.cost.totalCost * (1 - 1e-9));
    }
  });

  it('bad inputs are refused with a message, never NaN', () => {
    expect(() => designCost(7e9, 1e12, { ...base, requests: -1 })).toThrow(/requests/);
    expect(() => designCost(7e9, 1e12, { ...base, train: { ...base.train, mfu: 1.5 } })).toThrow(/\(0, 1\]/);
    expect(() => designCost(7e9, 1e12, { ...base, serve: { ...base.serve, batchSize: 0.5 } })).toThrow(/batch size/);
    expect(() => costOptimum(sardana, 1.5, base)).toThrow();
    expect(() => designCost(1e300, 1e300, base)).toThrow(/overflows/);
  });
});
