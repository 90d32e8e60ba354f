import { describe, expect, it } from 'vitest';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { buildExplorerData } from './explorer-data';
import { buildMeasuredOverlay, buildPasskRuns, PASSK_MATCH_FACTOR } from './lab-overlay';

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
      const xs = data.frontier.trainFlops,
        ys = data.frontier.inferenceFlops;
      expect(xs[0]).toBeLessThanOrEqual(runs.x[0]!);
      expect(xs[xs.length - 1]).toBeGreaterThanOrEqual(runs.x[0]!);
      expect(ys[0]).toBeLessThanOrEqual(runs.y[0]!);
      expect(data.frontier.quality.every(Number.isFinite)).toBe(true);
      expect(data.measured!.quantity).toBe(qualityModel === 't2-2' ? 'pass@k' : 'answer NLL');
      expect(runs.quality[0]).toBe(qualityModel === 't2-2' ? 0.25 : 3.5);
      const predicted = data.measured!.predicted[0]!;
      if (qualityModel === 't2-2' || qualityModel === 't2-1')
        expect(Number.isFinite(predicted) && predicted >= 0).toBe(true);
      else expect(predicted).toBeNaN();
    }
  });

  it('predicts with the chart law: pass@k at the run k (Approach 2), NLL at k = 1 (Approach 1)', () => {
    const calls: number[][] = [];
    const law = (n: number, d: number, k: number) => {
      calls.push([n, d, k]);
      return 0.5;
    };
    buildMeasuredOverlay({ ...base, qualityModel: 't2-2', measured: [tiny] }, law);
    buildMeasuredOverlay({ ...base, qualityModel: 't2-1', measured: [tiny] }, law);
    expect(calls).toEqual([
      [tiny.params, tiny.tokens, 4],
      [tiny.params, tiny.tokens, 1],
    ]);
    expect(
      buildMeasuredOverlay({ ...base, qualityModel: 't2-2', measured: [tiny] }, () => Number.POSITIVE_INFINITY)!
        .predicted[0],
    ).toBeNaN();
  });

  it('the isoFLOP slice takes runs trained within ×2 of the budget only', () => {
    const near = { ...tiny, tokens: base.trainFlops / (6 * tiny.params) };
    const o = buildMeasuredOverlay({ ...base, measured: [tiny, near] })!;
    expect(Array.from(o.isoflopRuns.x)).toEqual([tiny.params]);
    expect(o.isoflopRuns.omitted).toBe(1);
  });
});

describe('measured lab runs on the pass@k-vs-k chart', () => {
  const t2 = (model: 't2-1' | 't2-2', measured: (typeof tiny)[]) => ({
    ...base,
    qualityModel: model,
    constantSet: registryCatalog.defaultId(model),
    params: tiny.params,
    tokens: tiny.tokens,
    measured,
  });

  it('puts a run of the charted model at (k, measured pass@k) with the curve value at its k', () => {
    const s = t2('t2-2', [tiny]);
    const data = buildExplorerData(s);
    const runs = data.measured!.passkRuns!;
    expect(Array.from(runs.samples)).toEqual([tiny.samples]);
    expect(Array.from(runs.passAtK)).toEqual([tiny.passAtK]);
    expect(Array.from(runs.params)).toEqual([tiny.params]);
    expect(Array.from(runs.tokens)).toEqual([tiny.tokens]);
    expect(runs.omitted).toBe(0);
    // The curve at the run's k is the chart's own curve: interpolating the k sweep at k = 4 brackets it.
    const ks = data.passk.samples,
      ps = data.passk.passAtK;
    const j = ks.findIndex((k) => k >= tiny.samples);
    expect(runs.curve[0]!).toBeGreaterThanOrEqual(ps[j - 1]!);
    expect(runs.curve[0]!).toBeLessThanOrEqual(ps[j]!);
  });

  it('under Approach 1 the curve value is exp(−L) at the chart N, D and the run k', () => {
    const law = (n: number, d: number, k: number) => (n === tiny.params && d === tiny.tokens ? 0.1 * k : Number.NaN);
    const runs = buildPasskRuns(t2('t2-1', [tiny]), law)!;
    expect(runs.curve[0]).toBeCloseTo(Math.exp(-0.4), 12);
  });

  it('keeps runs within ×PASSK_MATCH_FACTOR of the chart N and D, counts the others', () => {
    const f = PASSK_MATCH_FACTOR;
    const edge = { ...tiny, params: tiny.params * f * 0.999, tokens: tiny.tokens / (f * 0.999), samples: 8 };
    const bigN = { ...tiny, params: tiny.params * f * 1.01 };
    const smallD = { ...tiny, tokens: tiny.tokens / (f * 1.01) };
    const runs = buildPasskRuns(t2('t2-2', [tiny, bigN, edge, smallD]))!;
    expect(Array.from(runs.samples)).toEqual([4, 8]);
    expect(runs.omitted).toBe(2);
    expect(Number.isNaN(runs.curve[0]!)).toBe(true); // no law given: the curve value is unknown, never invented
  });

  it('none under loss-only models (their pass@k chart draws no curve)', () => {
    for (const qualityModel of ['chinchilla', 'lifetime'] as const) {
      const s = { ...base, qualityModel, constantSet: registryCatalog.defaultId(qualityModel), measured: [tiny] };
      expect(buildExplorerData(s).measured!.passkRuns).toBeNull();
    }
  });
});
