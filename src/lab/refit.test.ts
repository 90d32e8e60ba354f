import { describe, expect, it } from 'vitest';
import { runFitJob } from '../engine/fit-job';
import { t2Accuracy } from '../domain/t2-approach2';
import { buildRun, checkpointCount, refitRows } from './records-logic';
import { meta, taskMeasurement } from './fixtures';

/** Runs of 6 checkpoints whose NLL and pass@k follow a known T² Approach 2 law exactly. */
const law = {
  E: 2,
  A: 300,
  B: 900,
  alpha: 0.4,
  beta: 0.45,
  theta0: 3.5,
  theta1: 3,
  theta2: 0.95,
  theta3: 1,
  theta4: 0.1,
};
const checkpoints: [number, number][] = [
  [3e4, 1e6],
  [6e4, 3e6],
  [1.2e5, 1e7],
  [2.4e5, 3e6],
  [4.8e5, 3e7],
  [9e5, 8e7],
];
const runs = checkpoints.map(([n, d], i) => {
  const nll = law.E + law.A / n ** law.alpha + law.B / d ** law.beta;
  const pass = Object.fromEntries([1, 2, 4, 8].map((k) => [String(k), t2Accuracy(law, n, d, k)]));
  return buildRun(meta({ id: `r${i}`, params: n, tokens: d, samples: 8, k: 8 }), [taskMeasurement('t', pass, nll)]);
});

describe('refit on measured lab runs', () => {
  it('the engine fit job (T² Approach 2) takes the lab rows and recovers the law that made them', () => {
    const rows = refitRows(runs);
    expect(checkpointCount(runs)).toBe(6);
    expect(rows).toHaveLength(24);
    const report = runFitJob({
      kind: 't2-2',
      runs: rows,
      holdout: { kind: 'none' },
      resamples: 200,
      seed: 1,
      skipBootstrap: true,
    });
    expect(report.goodness.r2).toBeGreaterThan(0.99);
    for (const r of rows)
      expect(t2Accuracy(report.constants as typeof law, r.params, r.tokens, r.samples!)).toBeCloseTo(r.passAtK!, 2);
  }, 60_000);
});
