import { describe, expect, it } from 'vitest';
import { buildRun, chartCoordinates, checkpointCount, pointOf, predictAt, refitRows } from './records-logic';
import { meta, taskMeasurement } from './fixtures';
import { t2Accuracy } from '../domain/t2-approach2';

describe('lab run records', () => {
  const a = taskMeasurement('chain', { 1: 0.2, 2: 0.3, 4: 0.5 }, 3, {
    decodeTokensPerSecond: 1000,
    tokens: { prefill: 10, decode: 100, processed: 200 },
  });
  const b = taskMeasurement('facts', { 1: 0.4, 2: 0.5, 4: 0.7 }, 5, {
    decodeTokensPerSecond: 3000,
    tokens: { prefill: 10, decode: 300, processed: 400 },
  });

  it('macro-averages pass@k and NLL over tasks and reads pass@k at k', () => {
    const r = buildRun(meta({ k: 2 }), [a, b]);
    expect(r.passAtK).toBeCloseTo(0.4, 12);
    expect(r.passAtKAll['4']).toBeCloseTo(0.6, 12);
    expect(r.nll).toBe(4);
    expect(r.tasks).toEqual(['chain', 'facts']);
    expect(r.flops).toBe(2e9);
    expect(r.wallMs).toBe(1000);
  });

  it('combines rates as total tokens over total time', () => {
    // 100 tokens at 1000/s (0.1 s) + 300 at 3000/s (0.1 s) = 400 tokens in 0.2 s.
    expect(buildRun(meta(), [a, b]).decodeTokensPerSecond).toBeCloseTo(2000, 9);
  });

  it('NLL is null when a task has none; rejects k > n and unmeasured k', () => {
    expect(buildRun(meta(), [a, { ...b, nll: null }]).nll).toBeNull();
    expect(() => buildRun(meta({ k: 8, samples: 4 }), [a])).toThrow(/k = 8/);
    expect(() => buildRun(meta({ k: 3 }), [a])).toThrow(/pass@3 was not measured/);
  });

  it('plots a run at (6ND, 2Nk)', () => {
    const r = buildRun(meta({ k: 2 }), [a]);
    const c = chartCoordinates(pointOf(r));
    expect(c.trainFlops).toBe(6 * 28672 * 139264);
    expect(c.inferenceFlops).toBe(2 * 28672 * 2);
  });

  it('refit rows: one per measured k, with the run NLL; checkpoints counted by (N, D)', () => {
    const r1 = buildRun(meta(), [a]);
    const r2 = buildRun(meta({ id: 'r2', params: 5e4 }), [b]);
    const rows = refitRows([r1, r2, { ...r1, id: 'r3', nll: null }]);
    expect(rows).toHaveLength(6);
    expect(rows.map((x) => x.samples)).toEqual([1, 2, 4, 1, 2, 4]);
    expect(rows[3]).toMatchObject({ params: 5e4, nll: 5, passAtK: 0.4 });
    expect(checkpointCount([r1, r2, { ...r1, id: 'r4' }])).toBe(2);
  });

  it('predicts with a T² Approach 2 set at the run (N, D, k)', () => {
    const constants = {
      E: 1,
      A: 400,
      B: 400,
      alpha: 0.3,
      beta: 0.3,
      theta0: 3,
      theta1: 2,
      theta2: 0.9,
      theta3: 0.5,
      theta4: 0.1,
    };
    const r = buildRun(meta(), [a]);
    const p = predictAt({ family: 't2-2', id: 'x', name: 'x', constants }, r)!;
    expect(p.predicted).toBeCloseTo(t2Accuracy(constants, r.params, r.tokens, 4), 12);
    expect(p.measured).toBe(0.5);
    expect(p.quantity).toBe('pass@k');
  });
});
