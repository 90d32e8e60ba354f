/**
 * The lab's refit on realistic run records (issue 11 item 2): records built from the zoo's measured results
 * (public/models/manifest.json: mean answer NLL and pass@k per task, 200 problems × 64 samples), as the lab would
 * record runs of those models with n = 16 samples and k ∈ {1, 4, 16}. Before the profiled-E stage 1 these gave
 * "the stage-1 constants give a non-finite loss" (the free Chinchilla fit on 5–6 noisy NLLs drove ln A and α to
 * hundreds, so A = e^a overflowed) or fits with E underflowing to 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFitJob } from '../engine/fit-job';
import { DomainError } from '../domain/errors';
import { createRng } from '../domain/random';
import { t2Accuracy } from '../domain/t2-approach2';
import type { T2Approach2Constants } from '../domain/constants-types';
import type { Run } from '../byod/types';
import { buildRun, checkpointCount, refitRows } from './records-logic';
import { meta, taskMeasurement } from './fixtures';
import type { LabRun } from './types';

interface ZooModel {
  id: string;
  params: number;
  tokens: number;
  results: Record<string, { nll: number; passAtK: Record<string, number> }>;
}
const manifest = JSON.parse(readFileSync(new URL('../../public/models/manifest.json', import.meta.url), 'utf8')) as {
  models: ZooModel[];
};
const zoo = manifest.models;
/** The zoo's tasks (v3: skills, facts; v2 also had chain). */
const TASKS = Object.keys(zoo[0]!.results);
const SAMPLES = 16;

/** The record of a lab run of `model` on `tasks` with n = 16 and the given k (pass@1, 2, 4, 8, 16 as the lab measures). */
function labRun(model: ZooModel, k: number, id: string, tasks = Object.keys(model.results)): LabRun {
  const per = tasks.map((t) => {
    const r = model.results[t]!;
    const pass: Record<string, number> = {};
    for (let j = 1; j <= SAMPLES; j *= 2) pass[String(j)] = r.passAtK[String(j)]!;
    return taskMeasurement(t, pass, r.nll);
  });
  return buildRun(
    meta({ id, modelId: model.id, params: model.params, tokens: model.tokens, samples: SAMPLES, k }),
    per,
  );
}

/** 11 runs of 6 zoo models of distinct (N, D) with k ∈ {1, 4, 16} (every model run at least once), drawn with `seed`. */
function elevenRuns(seed: number, tasks?: string[]): LabRun[] {
  const rng = createRng(seed);
  const pool = [...zoo];
  const models: ZooModel[] = [];
  while (models.length < 6) {
    const m = pool.splice(Math.floor(rng.uniform(0, pool.length)), 1)[0]!;
    // Seeds s0 and s1 of a size share (N, D): keep 6 distinct checkpoints, as 6 different zoo models.
    if (!models.some((o) => o.params === m.params && o.tokens === m.tokens)) models.push(m);
  }
  const cells = models.flatMap((m) => [1, 4, 16].map((k) => ({ m, k })));
  const chosen = models.map((m, i) => ({ m, k: [1, 4, 16][i % 3]! }));
  const rest = cells.filter((c) => !chosen.some((d) => d.m === c.m && d.k === c.k));
  while (chosen.length < 11) chosen.push(rest.splice(Math.floor(rng.uniform(0, rest.length)), 1)[0]!);
  return chosen.map((c, i) => labRun(c.m, c.k, `r${i}`, tasks));
}

function fitConstants(rows: Run[]): T2Approach2Constants {
  const report = runFitJob({
    kind: 't2-2',
    runs: rows,
    holdout: { kind: 'none' },
    resamples: 200,
    seed: 1,
    skipBootstrap: true,
  });
  expect(Number.isFinite(report.goodness.r2)).toBe(true);
  expect(Number.isFinite(report.stage1Goodness!.rmse)).toBe(true);
  return report.constants as unknown as T2Approach2Constants;
}

function expectUsable(c: T2Approach2Constants, rows: Run[], what: string): void {
  for (const [k, v] of Object.entries(c)) expect(Number.isFinite(v), `${what}: ${k} = ${v}`).toBe(true);
  expect(c.E, `${what}: E`).toBeGreaterThan(0);
  expect(c.theta1, `${what}: θ1`).toBeGreaterThan(0);
  for (const r of rows)
    expect(Number.isFinite(t2Accuracy(c, r.params, r.tokens, r.samples!)), `${what}: accuracy at a row`).toBe(true);
}

describe('lab refit (T² Approach 2) on realistic records of zoo runs', () => {
  it('11 runs of 6 zoo models with k ∈ {1, 4, 16} fit with finite constants (40 random draws, all tasks and single tasks)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const tasks = seed % (TASKS.length + 1) === 0 ? undefined : [TASKS[(seed % (TASKS.length + 1)) - 1]!];
      const runs = elevenRuns(seed, tasks);
      expect(checkpointCount(runs)).toBe(6);
      const rows = refitRows(runs);
      expect(rows).toHaveLength(55);
      let c: T2Approach2Constants;
      try {
        c = fitConstants(rows);
      } catch (e) {
        // A clear, specific DomainError is the only acceptable failure, never a non-finite loss; none is expected here.
        expect(e).toBeInstanceOf(DomainError);
        expect(String(e)).not.toMatch(/non-finite loss/);
        throw new Error(`seed ${seed}: ${String(e)}`, { cause: e });
      }
      expectUsable(c, rows, `seed ${seed}`);
      // Stage 1 keeps E inside its profile interval [0.01, 0.95]·min NLL.
      const minNll = Math.min(...rows.map((r) => r.nll!));
      expect(c.E).toBeGreaterThanOrEqual(0.01 * minNll * (1 - 1e-9));
      expect(c.E).toBeLessThanOrEqual(0.95 * minNll * (1 + 1e-9));
    }
  }, 120_000);

  // The zoo-v2 draw that gave "non-finite loss" before the profiled stage 1, with each v2 model replaced by a v3 one
  // (same pattern of 6 models and k; the v2 ids are gone with the v2 zoo).
  it('a fixed draw in the shape of the one that gave "non-finite loss" on zoo v2 (skills task, 11 runs of 6 models) fits', () => {
    const draw: [string, number][] = [
      ['n156k-d428k-s1', 1],
      ['n17k-d9p9m-s0', 4],
      ['n61k-d4p4m-s0', 16],
      ['n535k-d999k-s1', 1],
      ['n535k-d500k-s1', 4],
      ['n156k-d1p7m-s0', 16],
      ['n535k-d999k-s1', 16],
      ['n535k-d500k-s1', 1],
      ['n61k-d4p4m-s0', 1],
      ['n156k-d1p7m-s0', 4],
      ['n17k-d9p9m-s0', 16],
    ];
    const runs = draw.map(([id, k], i) =>
      labRun(
        zoo.find((m) => m.id === id)!,
        k,
        `r${i}`,
        ['skills'],
      ),
    );
    const rows = refitRows(runs);
    expectUsable(fitConstants(rows), rows, 'skills draw');
  }, 60_000);

  it("the zoo's own results (every checkpoint × k = 1…64, per task and all tasks) fit through the app's fit job", () => {
    for (const tasks of [undefined, ...TASKS.map((t) => [t])]) {
      const runs = zoo.map((m, i) => {
        const per = (tasks ?? Object.keys(m.results)).map((t) =>
          taskMeasurement(t, m.results[t]!.passAtK, m.results[t]!.nll),
        );
        return buildRun(
          meta({ id: `z${i}`, modelId: m.id, params: m.params, tokens: m.tokens, samples: 64, k: 64 }),
          per,
        );
      });
      const rows = refitRows(runs);
      expect(rows).toHaveLength(zoo.length * 7);
      expectUsable(fitConstants(rows), rows, tasks?.join() ?? 'all tasks');
    }
  }, 120_000);
});
