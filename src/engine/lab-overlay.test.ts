import { describe, expect, it } from 'vitest';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { buildExplorerData } from './explorer-data';
import { buildMeasuredOverlay } from './lab-overlay';

const base = defaultScenario(registryCatalog.defaultId);
const tiny = { params: 28672, tokens: 139264, samples: 4, passAtK: 0.25, nll: 3.5 };

describe('measured lab runs on the charts', () => {
  it('null without measured runs', () => {
    expect(buildMeasuredOverlay(base)).toBeNull();
    expect(buildExplorerData(base).measured).toBeNull();
  });

  it('places a run at (6ND, 2Nk) and widens the frontier window to hold it', () => {
    for (const qualityModel of ['t2-1', 't2-2', 'chinchilla', 'lifetime'] as const) {
      const s = { ...base, qualityModel, constantSet: registryCatalog.defaultId(qualityModel), measured: [tiny] };
      const data = buildExplorerData(s);
      const runs = data.measured!.frontierRuns;
      expect(runs.x[0]).toBe(6 * tiny.params * tiny.tokens);
      expect(runs.y[0]).toBe(2 * tiny.params * tiny.samples);
      const xs = data.frontier.trainFlops, ys = data.frontier.inferenceFlops;
      expect(xs[0]).toBeLessThanOrEqual(runs.x[0]!);
      expect(xs[xs.length - 1]).toBeGreaterThanOrEqual(runs.x[0]!);
      expect(ys[0]).toBeLessThanOrEqual(runs.y[0]!);
      expect(data.frontier.quality.every(Number.isFinite)).toBe(true);
      expect(data.measured!.quantity).toBe(qualityModel === 't2-2' ? 'pass@k' : 'answer NLL');
      expect(runs.quality[0]).toBe(qualityModel === 't2-2' ? 0.25 : 3.5);
      const predicted = data.measured!.predicted[0]!;
      if (qualityModel === 't2-2' || qualityModel === 't2-1') expect(Number.isFinite(predicted) && predicted >= 0).toBe(true);
      else expect(predicted).toBeNaN();
    }
  });

  it('predicts with the chart law: pass@k at the run k (Approach 2), NLL at k = 1 (Approach 1)', () => {
    const calls: number[][] = [];
    const law = (n: number, d: number, k: number) => { calls.push([n, d, k]); return 0.5; };
    buildMeasuredOverlay({ ...base, qualityModel: 't2-2', measured: [tiny] }, law);
    buildMeasuredOverlay({ ...base, qualityModel: 't2-1', measured: [tiny] }, law);
    expect(calls).toEqual([[tiny.params, tiny.tokens, 4], [tiny.params, tiny.tokens, 1]]);
    expect(buildMeasuredOverlay({ ...base, qualityModel: 't2-2', measured: [tiny] }, () => Number.POSITIVE_INFINITY)!.predicted[0]).toBeNaN();
  });

  it('the isoFLOP slice takes runs trained within ×2 of the budget only', () => {
    const near = { ...tiny, tokens: base.trainFlops / (6 * tiny.params) };
    const o = buildMeasuredOverlay({ ...base, measured: [tiny, near] })!;
    expect(Array.from(o.isoflopRuns.x)).toEqual([tiny.params]);
    expect(o.isoflopRuns.omitted).toBe(1);
  });
});
