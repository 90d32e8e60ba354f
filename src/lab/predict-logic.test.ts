import { describe, expect, it } from 'vitest';
import { buildUserSet } from '../byod/user-set-logic';
import { listConstantSets } from '../domain/registry';
import { t2Accuracy } from '../domain/t2-approach2';
import { fittedTestbedSet, parityPoints, predictionSet, taskFittedSet } from './predict-logic';
import { predictAt } from './records-logic';
import { buildRun } from './records-logic';
import { meta, taskMeasurement } from './fixtures';

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
const user = buildUserSet({
  family: 't2-2',
  constants,
  range: { params: [1e4, 1e6], tokens: [1e5, 1e8], samples: [1, 8] },
  fittedRuns: 10,
});

describe('lab predictions', () => {
  it('uses the shipped fitted-testbed set when there is one, else the user refit', () => {
    const shipped = listConstantSets('t2-2').find((s) => s.kind === 'fitted-testbed');
    expect(fittedTestbedSet()?.id ?? null).toBe(shipped?.id ?? null);
    expect(predictionSet(user)!.id).toBe(shipped ? shipped.id : user.set.id);
    if (!shipped) expect(predictionSet(undefined)).toBeNull();
  });

  it("picks the set fitted on a run's single task when one ships, else the first (macro) set", () => {
    const sets = listConstantSets('t2-2').filter((s) => s.kind === 'fitted-testbed');
    for (const s of sets) {
      const task = s.id.split('-').pop()!;
      expect(fittedTestbedSet([task])!.id).toBe(sets.find((x) => x.id.endsWith(`-${task}`))!.id);
    }
    expect(fittedTestbedSet(['a', 'b'])?.id ?? null).toBe(sets[0]?.id ?? null);
    expect(fittedTestbedSet(['no-such-task'])?.id ?? null).toBe(sets[0]?.id ?? null);
  });

  it('predicts the selected tasks: one task its own set, all tasks the macro set, a subset the mean of its task sets', () => {
    const sets = listConstantSets('t2-2').filter((s) => s.kind === 'fitted-testbed');
    const tasks = sets.map((s) => s.id.replace(/^t2-testbed-/, '')).filter((t) => t !== 'macro');
    for (const t of tasks) expect(taskFittedSet([t], tasks)!.id).toBe(`t2-testbed-${t}`);
    expect(taskFittedSet(tasks, tasks)?.id ?? null).toBe(sets[0]?.id ?? null);
    // a subset of two tasks out of three (a hypothetical third task id): the mean of the two task sets
    if (tasks.length >= 2) {
      const pair = tasks.slice(0, 2);
      const mean = taskFittedSet(pair, [...pair, 'other'])!;
      expect(mean.family).toBe('t2-2-mean');
      const run = buildRun(
        meta({ k: 4, params: 20000, tokens: 2e6 }),
        pair.map((t) => taskMeasurement(t, { 1: 0.2, 2: 0.3, 4: 0.4 }, 3)),
      );
      const each = pair.map((t) => predictAt(taskFittedSet([t], tasks)!, run)!.predicted);
      expect(predictAt(mean, run)!.predicted).toBeCloseTo((each[0]! + each[1]!) / 2, 12);
      expect(predictAt(mean, run)!.quantity).toBe('pass@k');
    }
    // unknown tasks fall back to the macro set, as fittedTestbedSet does
    expect(taskFittedSet(['x', 'y'], ['x', 'y', 'z'])?.id ?? null).toBe(sets[0]?.id ?? null);
    expect(predictionSet(undefined, tasks, tasks)?.id ?? null).toBe(sets[0]?.id ?? null);
  });

  it('parity points pair the law at (N, D, k) with the measured pass@k', () => {
    const run = buildRun(meta({ k: 2 }), [taskMeasurement('chain', { 1: 0.2, 2: 0.3, 4: 0.5 }, 3)]);
    const [p] = parityPoints(() => ({ family: 't2-2', id: 'u', name: 'u', constants }), [run]);
    expect(p!.measured).toBeCloseTo(0.3, 12);
    expect(p!.predicted).toBeCloseTo(t2Accuracy(constants, run.params, run.tokens, 2), 12);
  });
});
