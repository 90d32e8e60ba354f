/**
 * CI checks of the public fits (Node only; issue 12): the committed tidy tables, the shipped sets
 * (src/domain/data/t2-public.json) and the report (results/report.json) are what the pipeline computes from the
 * committed raw data. Every point fit and extrapolation split is recomputed in full (same code, deterministic:
 * equal to 1e-9); the 200-resample bootstraps are too slow for CI, so the first FIRST_DRAWS resamples of every
 * bootstrap are replayed (same seeded PRNG) and compared with the stored draws, the stored set draws' percentiles
 * are recomputed and compared with the shipped intervals, and the sets are rebuilt from the recomputed fits plus the
 * stored bootstraps and compared whole (constants, ranges, intervals, names, notes). About 20 s on one core.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { guessFitKind, guessMapping, extractRuns, readRunsText } from '../../src/byod/import-logic';
import { getT2Approach1Set, getT2Approach2Set, parseT2Sets } from '../../src/domain/t2-sets';
import { T2_APPROACH1_KEYS } from '../../src/domain/t2-approach1';
import { T2_APPROACH2_KEYS } from '../../src/domain/t2-approach2';
import { FIRST_DRAWS, type SplitResult } from './extrapolation';
import { readGadreModels } from './gadre-data';
import { assembleGadre, fitGadreParts, type GadreParts, type GadreReport } from './gadre-fit';
import { percentilesOf } from './gadre-sets';
import { MODULES } from './modules';
import { compactJson, PUBLIC_SETS_FILE, REPORT_FILE, runModules, TIDY_DIR } from './run';
import { toCsv } from './tidy';
import type { PublicSetEntry } from './types';

const REL = 1e-9;

/** Deep comparison with numbers equal to within REL (relative) or 1e-12 (absolute). */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    expect(
      Math.abs(a - expected) <= REL * Math.max(Math.abs(a), Math.abs(expected)) + 1e-12,
      `${path}: ${a} vs ${expected}`,
    ).toBe(true);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((v, i) => expectClose((actual as unknown[])[i], v, `${path}[${i}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** A JSON round trip (drops undefined, as the written files do). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const shippedSets = JSON.parse(readFileSync(PUBLIC_SETS_FILE, 'utf8')) as PublicSetEntry[];
const shippedReport = (JSON.parse(readFileSync(REPORT_FILE, 'utf8')) as Record<string, unknown>)[
  'gadre-2024'
] as GadreReport;
/** The Gadre et al. sets (other modules add their own sets to the same file and check them in their own tests). */
const gadreShipped = shippedSets.filter((s) => s.id.startsWith('t2-public-gadre-'));

describe('tidy tables', () => {
  const { tables } = runModules(MODULES, { resamples: 0, log: () => {} }, true);

  it('the committed data/public/tidy/*.csv are what the modules make from the raw data', () => {
    expect(tables.map((t) => t.file).sort()).toContain('sardana-2024.csv');
    for (const t of tables) expect(readFileSync(`${TIDY_DIR}${t.file}`, 'utf8'), t.file).toBe(toCsv(t.columns, t.rows));
  });

  it('load in the "Your data" importer with no row errors and the intended fit kind', () => {
    for (const t of tables) {
      const { table } = readRunsText(readFileSync(`${TIDY_DIR}${t.file}`, 'utf8'));
      const mapping = guessMapping(table.header);
      const kind = guessFitKind(mapping);
      expect(kind, t.file).toBe(t.columns.includes('passk') ? 't2-2' : 'chinchilla');
      const x = extractRuns(table, kind, mapping);
      expect(x.errors, t.file).toEqual([]);
      expect(x.problem, t.file).toBeNull();
      expect(x.runs).toHaveLength(t.rows.length);
    }
  });

  it('Sardana et al.: the 47 runs with samples = 1', () => {
    const t = tables.find((x) => x.file === 'sardana-2024.csv')!;
    expect(t.rows).toHaveLength(47);
    expect(t.columns.slice(0, 4)).toEqual(['params', 'tokens', 'samples', 'loss']);
    expect(t.rows.every((r) => r[2] === 1)).toBe(true);
  });
});

describe('shipped public sets', () => {
  let parts: GadreParts;
  beforeAll(() => {
    parts = fitGadreParts(readGadreModels(), { resamples: FIRST_DRAWS, log: () => {} });
  }, 120_000);

  it('load through the domain parser as fitted-public sets, Approach 2 first', () => {
    const { approach1, approach2 } = parseT2Sets(shippedSets);
    expect(approach2.length).toBeGreaterThan(0);
    expect(approach1.length).toBeGreaterThan(0);
    expect(shippedSets[0]!.approach).toBe(2);
    expect(gadreShipped.map((s) => s.approach)).toEqual([2, 1]);
    for (const s of gadreShipped) {
      expect(s.kind).toBe('fitted-public');
      expect(s.source).toMatch(/Gadre et al\. 2024/);
      expect(s.note).toMatch(/TRANSPLANTED/);
      expect(s.note).toMatch(/R² = /);
      expect(s.note).toMatch(/baseline/);
      const get = s.approach === 1 ? getT2Approach1Set(s.id) : getT2Approach2Set(s.id);
      expect(get?.kind, s.id).toBe('fitted-public');
    }
  });

  it('every point fit and extrapolation split equals the report (recomputed from the raw data)', () => {
    const first = (list: readonly SplitResult[]) =>
      list.map((s) => ({ ...s, bootstrap: { firstDraws: s.bootstrap.firstDraws } }));
    const strip = (ts: GadreReport['trainingSets']) =>
      ts.map((t) => ({
        ...t,
        stage1AllModels: { ...t.stage1AllModels, lambadaExtrapolation: first(t.stage1AllModels.lambadaExtrapolation) },
        tasks: t.tasks.map((k) => ({ ...k, extrapolation: first(k.extrapolation) })),
      }));
    expectClose(plain(strip(parts.trainingSets)), strip(shippedReport.trainingSets));
    expect(shippedReport.mainTrainingSet).toBe(parts.main.trainingSet);
  });

  it('the sets bootstrap replays: first draws equal, shipped intervals = percentiles of the stored draws', () => {
    for (const b of parts.boot) {
      const stored = shippedReport.sets.find((x) => x.approach === b.approach)!;
      expect(stored.resamples).toBeGreaterThanOrEqual(200);
      expectClose(
        plain(b.draws),
        stored.draws.filter((d) => d.draw! < FIRST_DRAWS),
      );
      const keys = b.approach === 1 ? T2_APPROACH1_KEYS : T2_APPROACH2_KEYS;
      expect(stored.draws).toHaveLength(stored.resamples - stored.failures);
      expectClose(percentilesOf(stored.draws, keys), stored.percentiles);
    }
  });

  it('rebuilt from the recomputed fits and the stored bootstraps, the sets equal t2-public.json', () => {
    const splits = new Map<string, SplitResult['bootstrap']>();
    for (const t of shippedReport.trainingSets) {
      for (const s of t.stage1AllModels.lambadaExtrapolation)
        splits.set(`${t.trainingSet}/all-models/${s.id}`, s.bootstrap);
      for (const k of t.tasks)
        for (const s of k.extrapolation) splits.set(`${t.trainingSet}/${k.task}/${s.id}`, s.bootstrap);
    }
    const swap = (list: readonly SplitResult[], key: string) =>
      list.map((s) => ({ ...s, bootstrap: splits.get(`${key}/${s.id}`)! }));
    const trainingSets = parts.trainingSets.map((t) => ({
      ...t,
      stage1AllModels: {
        ...t.stage1AllModels,
        lambadaExtrapolation: swap(t.stage1AllModels.lambadaExtrapolation, `${t.trainingSet}/all-models`),
      },
      tasks: t.tasks.map((k) => ({ ...k, extrapolation: swap(k.extrapolation, `${t.trainingSet}/${k.task}`) })),
    }));
    const main = trainingSets.find((t) => t.trainingSet === parts.main.trainingSet)!;
    const rebuilt = assembleGadre({ ...parts, trainingSets, main, boot: shippedReport.sets });
    expectClose(plain(rebuilt.sets), gadreShipped);
    expectClose(JSON.parse(compactJson(rebuilt.report)), shippedReport);
  });

  it('fitted ranges cover the fitted runs (N, D, D/N, k = 1, C = 6ND)', () => {
    for (const s of gadreShipped) {
      const r = s.range;
      for (const run of parts.runs) {
        expect(run.params >= r.params[0] && run.params <= r.params[1]).toBe(true);
        expect(run.tokens >= r.tokens[0] && run.tokens <= r.tokens[1]).toBe(true);
        expect(6 * run.params * run.tokens).toBeLessThanOrEqual(r.trainFlops![1] * (1 + 1e-12));
      }
      expect(r.samples).toEqual([1, 1]);
      expect(r.tokensPerParam![0]).toBeCloseTo(5, 6);
      expect(r.tokensPerParam![1]).toBeCloseTo(640, 6);
    }
  });

  it('says PROVISIONAL wherever the transplant is a placeholder', () => {
    for (const s of gadreShipped) expect(/PROVISIONAL/.test(s.source)).toBe(parts.transplant.provisional);
  });
});
