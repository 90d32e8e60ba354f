import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUserSet } from '../byod/user-set-logic';
import { listConstantSets, resolveT2Approach2Set } from '../domain/registry';
import { t2Accuracy } from '../domain/t2-approach2';
import { parseManifest, parseTaskFile } from '../inference/manifest';
import { DEFAULT_PROBLEMS, defaultSelection, passAtKInterval, runPrediction, wilsonInterval } from './stats-logic';

const manifest = parseManifest(JSON.parse(readFileSync('public/models/manifest.json', 'utf8')));
const tasks = parseTaskFile(JSON.parse(readFileSync('public/models/tasks.json', 'utf8')));
const allTasks = tasks.tasks.map((t) => t.id);

describe('lab defaults (issue 16 item 5)', () => {
  it('default run: a mid-size isoFLOP model whose testbed pass@1 is graded, every task, ≥ 20 problems per task', () => {
    const s = defaultSelection(manifest, tasks);
    const sizes = [...new Set(manifest.models.map((m) => m.params))].sort((a, b) => a - b);
    const m = manifest.models.find((x) => x.id === s.modelId)!;
    expect(m.params).toBe(sizes[Math.floor(sizes.length / 2)]);
    expect(m.params).toBeGreaterThan(sizes[0]!);
    expect(m.params).toBeLessThan(sizes[sizes.length - 1]!);
    expect(m.suite).toBe('isoflop');
    const p1 = allTasks.reduce((a, t) => a + m.results[t]!.passAtK['1']!, 0) / allTasks.length;
    expect(p1).toBeGreaterThan(0.2);
    expect(p1).toBeLessThan(0.8);
    expect(s.taskIds).toEqual(allTasks);
    expect(s.problems).toBe(DEFAULT_PROBLEMS);
    expect(s.problems).toBeGreaterThanOrEqual(20);
    expect(s.k).toBe(s.samples);
  });
  it('refuses an empty zoo with a message', () => {
    expect(() => defaultSelection({ ...manifest, models: [] }, tasks)).toThrow(/no models/);
  });
});

describe('Wilson 95 % interval', () => {
  it('matches published values (Newcombe 1998, Table I: 0/10 → 0–0.2775; 81/263 → 0.2553–0.3662)', () => {
    const [a, b] = wilsonInterval(0, 10);
    expect(a).toBe(0);
    expect(b).toBeCloseTo(0.2775, 4);
    const [c, d] = wilsonInterval(81 / 263, 263);
    expect(c).toBeCloseTo(0.2553, 4);
    expect(d).toBeCloseTo(0.3662, 4);
  });
  it('property: inside [0, 1], contains p, narrows as problems grow', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5000 }), (p, m) => {
      const [lo, hi] = wilsonInterval(p, m);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      expect(lo).toBeLessThanOrEqual(p + 1e-12);
      expect(hi).toBeGreaterThanOrEqual(p - 1e-12);
      const [lo4, hi4] = wilsonInterval(p, 4 * m);
      expect(hi4 - lo4).toBeLessThan(hi - lo);
    }));
  });
  it('bad input gets a message; a run counts problems × tasks', () => {
    expect(() => wilsonInterval(1.2, 10)).toThrow(/\[0, 1\]/);
    expect(() => wilsonInterval(0.5, 0)).toThrow(/positive whole number/);
    expect(passAtKInterval({ passAtK: 0.5, problems: 20, tasks: ['a', 'b', 'c'] })).toEqual(wilsonInterval(0.5, 60));
    expect(passAtKInterval({ passAtK: 0.5, problems: 0, tasks: ['a'] })).toBeNull();
  });
});

describe('prediction of the selected tasks', () => {
  const sets = listConstantSets('t2-2').filter((s) => s.kind === 'fitted-testbed');
  const run = { params: 61440, tokens: 10_420_000, k: 4 };
  const at = (id: string) => t2Accuracy(resolveT2Approach2Set(id).constants, run.params, run.tokens, run.k);
  it('one task → its own set; all tasks → the macro set; a subset → the mean of the task sets', () => {
    const macro = sets.find((s) => s.id.endsWith('-macro'))!;
    const chain = sets.find((s) => s.id.endsWith('-chain'))!;
    const facts = sets.find((s) => s.id.endsWith('-facts'))!;
    expect(runPrediction({ ...run, tasks: ['chain'] }, allTasks)).toEqual({ predicted: at(chain.id), name: resolveT2Approach2Set(chain.id).name });
    expect(runPrediction({ ...run, tasks: allTasks }, allTasks).predicted).toBe(at(macro.id));
    const sub = runPrediction({ ...run, tasks: ['chain', 'facts'] }, allTasks);
    expect(sub.predicted).toBeCloseTo((at(chain.id) + at(facts.id)) / 2, 12);
    expect(sub.predicted).not.toBeCloseTo(at(macro.id), 6);
  });
  it('a task without a shipped set (skills: rejected fit) gets no prediction and the reason, or the user refit', () => {
    const p = runPrediction({ ...run, tasks: ['skills'] }, allTasks);
    expect(p.predicted).toBeNull();
    if (p.predicted === null) expect(p.reason).toMatch(/no shipped fit for skills/);
    const constants = { E: 1, A: 400, B: 400, alpha: 0.3, beta: 0.3, theta0: 3, theta1: 2, theta2: 0.9, theta3: 0.5, theta4: 0.1 };
    const user = buildUserSet({ family: 't2-2', constants, range: { params: [1e4, 1e6], tokens: [1e5, 1e8], samples: [1, 8] }, fittedRuns: 10 });
    expect(runPrediction({ ...run, tasks: ['skills', 'chain'] }, allTasks, user).predicted).toBeCloseTo(t2Accuracy(constants, run.params, run.tokens, run.k), 12);
  });
});
