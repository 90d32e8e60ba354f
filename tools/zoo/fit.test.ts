/**
 * CI checks of the testbed fits (Node only): the shipped fitted constants (src/domain/data/t2-fitted.json) and the
 * manifest's `fits` block are what the domain fitting code returns from the shipped evaluation results (manifest +
 * tools/zoo/results/answer-logprobs.json, same seed → same result); the Approach 1 target agrees with the manifest's
 * answer NLL at k = 1; the sets load through t2-sets.ts and the registry; the macro set's T² optimum at a
 * testbed-scale budget is finite and sane. Recomputes every shipped fit and extrapolation test (~7 s on one core).
 * Bootstrap (./fit/bootstrap.ts): 200 resamples × 2 approaches × 4 scopes are too slow for CI, so CI replays the first
 * `keepDraws` resamples of every scope (the PRNG draws all 200 resamples, only those few are refitted, ~2 s) and
 * compares them with the manifest's firstDraws; the shipped percentiles are checked for consistency (t2-fitted.json
 * intervals = manifest percentiles, ordered, counts add up). Before the data carry a bootstrap block (`npm run zoo:fit`
 * writes it), the replay is only checked to run and give finite constants.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertChinchillaConstants, chinchillaOptimum } from '../../src/domain/chinchilla';
import { defaultConstantSet, listConstantSets, resolveConstantSet } from '../../src/domain/registry';
import { T2_APPROACH1_SETS, T2_APPROACH2_SETS } from '../../src/domain/t2-sets';
import { t2Optimum } from '../../src/domain/t2-optimum';
import type { T2Approach1Constants, T2Approach2Constants } from '../../src/domain/constants-types';
import {
  FITTED_SETS_FILE,
  MANIFEST_FILE,
  readFitInputs,
  replaceFitsBlock,
  runFits,
  scopesOf,
  type ScopeResult,
} from './fit';
import { fitMetrics } from './fit/metrics';
import { BOOTSTRAP_OPTIONS, bootstrapExtrapolation, bootstrapScope, extrapolationSettings } from './fit/bootstrap';
import { bootstrapFromFitsBlock, fittedSetEntries, fitsBlock } from './fit/sets';
import { checkpointRows, MACRO, meanNegLogPassAtK, negLogPassAtK } from './fit/targets';
import type { FittedSetEntry } from './fit/types';

/** Relative tolerance of recomputed constants: the fits are deterministic, so this only absorbs printing. */
const REL = 1e-9;

/** Deep comparison with numbers equal to within REL (relative) or 1e-12 (absolute, for E ≈ 0). */
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

describe('Approach 1 target: −log(1 − (1 − p)^k) from answer log-probabilities', () => {
  it('equals −log p at k = 1 and the direct formula where that is accurate', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: -1e-6, noNaN: true }), fc.integer({ min: 1, max: 64 }), (lp, k) => {
        expect(negLogPassAtK(lp, 1)).toBeCloseTo(-lp, 9);
        const direct = -Math.log(1 - (1 - Math.exp(lp)) ** k);
        if (direct > 1e-6 && direct < 20)
          expect(Math.abs(negLogPassAtK(lp, k) - direct)).toBeLessThan(
            1e-9 * Math.max(1, direct) + 1e-10 / Math.exp(lp),
          );
      }),
    );
  });

  it('falls as k grows and stays finite and non-negative', () => {
    fc.assert(
      fc.property(fc.double({ min: -200, max: 0, noNaN: true }), fc.integer({ min: 1, max: 63 }), (lp, k) => {
        const a = negLogPassAtK(lp, k),
          b = negLogPassAtK(lp, k + 1);
        expect(Number.isFinite(a) && a >= 0 && b <= a).toBe(true);
      }),
    );
  });

  it('keeps its digits at both ends: tiny p gives −log(k·p), p near 1 gives (1 − p)^k', () => {
    expect(negLogPassAtK(-50, 8)).toBeCloseTo(50 - Math.log(8), 9);
    expect(negLogPassAtK(Math.log1p(-1e-3), 64) / 1e-192).toBeCloseTo(1, 9);
    expect(negLogPassAtK(0, 4)).toBe(0);
    expect(() => negLogPassAtK(0.1, 1)).toThrow(RangeError);
  });
});

describe('fitMetrics', () => {
  it('R², RMSE, relative errors with a floor, and the direction of the bias', () => {
    const m = fitMetrics([1, 2, 3, 0], [1.5, 2, 2.5, 0.5], 0.5);
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.75 / 4), 6);
    expect(m.r2).toBeCloseTo(1 - 0.75 / 5, 6);
    expect(m.meanRelativeError).toBeCloseTo((0.5 + 0 + 0.5 / 3) / 3, 6);
    expect(m.belowFloor).toBe(1);
    expect(m.relativeErrorOfMean).toBeCloseTo(0.5 / 6, 6);
    expect(m.overestimatedShare).toBe(0.5);
  });
});

describe('replaceFitsBlock', () => {
  it('keeps everything before the fits key byte-identical and refuses other layouts', () => {
    const text = '{\n "a": [\n  1.0,\n  2\n ],\n "fits": null\n}';
    const out = replaceFitsBlock(text, { x: [1] });
    expect(out.startsWith('{\n "a": [\n  1.0,\n  2\n ],\n "fits": ')).toBe(true);
    expect(JSON.parse(out)).toEqual({ a: [1, 2], fits: { x: [1] } });
    expect(replaceFitsBlock(out, null)).toBe(text);
    expect(() => replaceFitsBlock('{\n "fits": null,\n "b": 1\n}', {})).toThrow(/last key/);
    expect(() => replaceFitsBlock('{"fits": null}', {})).toThrow(/no top-level/);
  });
});

describe('shipped testbed fits', () => {
  const { manifest, logprobs } = readFitInputs();
  const shipped = JSON.parse(readFileSync(FITTED_SETS_FILE, 'utf8')) as FittedSetEntry[];
  const manifestFits = (JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { fits?: unknown }).fits;
  /** The shipped bootstrap (null until `npm run zoo:fit` has written one). */
  const shippedBootstrap = bootstrapFromFitsBlock(manifestFits);
  let results: ScopeResult[];
  /** The recomputed point fits with the shipped bootstrap attached (checked separately by the replay below). */
  let withShippedBootstrap: ScopeResult[];
  beforeAll(() => {
    results = runFits(manifest, logprobs);
    withShippedBootstrap = results.map((r) => {
      const b = shippedBootstrap?.byScope.get(r.scope);
      return b ? { ...r, bootstrap: b } : r;
    });
  }, 120_000);

  it('answer-logprobs.json covers every shipped model and task, and at k = 1 matches the manifest NLL', () => {
    expect(Object.keys(logprobs.models).sort()).toEqual(manifest.models.map((m) => m.id).sort());
    let worst = 0;
    for (const m of manifest.models) {
      for (const task of logprobs.tasks) {
        const lps = logprobs.models[m.id]![task]!;
        expect(lps).toHaveLength(manifest.evaluation.problemsPerTask);
        expect(lps.every((v) => v <= 0 && Number.isFinite(v))).toBe(true);
        worst = Math.max(worst, Math.abs(meanNegLogPassAtK(lps, 1) - m.results[task]!.nll));
      }
    }
    // Rounding to 1e-4 moves a mean by ≤ 5e-5; the two runtimes agree to ~1e-7 (zoo-eval.test.ts).
    expect(worst).toBeLessThan(2e-4);
  });

  it('macro rows average the task rows', () => {
    const macro = checkpointRows(manifest, logprobs, MACRO);
    const tasks = logprobs.tasks.map((t) => checkpointRows(manifest, logprobs, t));
    macro.forEach((row, i) => {
      row.ks.forEach((_, j) => {
        expect(row.nllAtK[j]).toBeCloseTo(tasks.reduce((s, t) => s + t[i]!.nllAtK[j]!, 0) / tasks.length, 12);
        expect(row.passAtK[j]).toBeCloseTo(tasks.reduce((s, t) => s + t[i]!.passAtK[j]!, 0) / tasks.length, 12);
      });
    });
  });

  it('t2-fitted.json is what the domain fitting code returns from the shipped results (same seed)', () => {
    expect(results.map((r) => r.scope)).toEqual(scopesOf(logprobs));
    const expected = fittedSetEntries(withShippedBootstrap);
    expect(shipped.map((e) => `${e.approach}:${e.id}`)).toEqual(expected.map((e) => `${e.approach}:${e.id}`));
    expectClose(shipped, expected);
  });

  it('manifest.json `fits` is the recomputed summary, extrapolation test included', () => {
    const text = readFileSync(MANIFEST_FILE, 'utf8');
    expectClose(JSON.parse(text).fits, JSON.parse(JSON.stringify(fitsBlock(withShippedBootstrap))));
    expect(replaceFitsBlock(text, fitsBlock(withShippedBootstrap))).toBe(text);
    const x = results.find((r) => r.scope === MACRO)!.extrapolation;
    expect(x.fittedOn.checkpoints).toBe(manifest.models.filter((m) => m.suite === 'isoflop').length);
    expect(x.predicted.checkpoints).toBe(manifest.models.filter((m) => m.suite === 'overtrained').length);
  });

  it('bootstrap: the first resamples of every scope (constants and extrapolation errors) replay exactly; shipped intervals are consistent', () => {
    const settings = BOOTSTRAP_OPTIONS;
    if (shippedBootstrap) {
      expect(
        shippedBootstrap.settings,
        'shipped bootstrap settings = BOOTSTRAP_OPTIONS (else rerun npm run zoo:fit)',
      ).toEqual(settings);
      expect([...shippedBootstrap.byScope.keys()]).toEqual(scopesOf(logprobs));
    }
    for (const { scope, fit, extrapolationFit } of results) {
      const rows = checkpointRows(manifest, logprobs, scope);
      const replay = {
        ...bootstrapScope(rows, fit, settings, settings.keepDraws),
        extrapolation: bootstrapExtrapolation(
          rows,
          extrapolationFit,
          extrapolationSettings(settings),
          settings.keepDraws,
        ),
      };
      const ship = shippedBootstrap?.byScope.get(scope);
      for (const approach of ['approach1', 'approach2', 'extrapolation'] as const) {
        const draws = replay[approach].firstDraws;
        expect(draws).toHaveLength(settings.keepDraws);
        expect(
          draws.some((d) => d !== null),
          `${scope} ${approach}: some replayed refit succeeds`,
        ).toBe(true);
        for (const d of draws) if (d) expect(Object.values(d).every(Number.isFinite)).toBe(true);
        if (!ship) continue;
        const a = ship[approach];
        expect(a, `${scope}.${approach}: shipped bootstrap`).toBeDefined();
        expectClose(a!.firstDraws, JSON.parse(JSON.stringify(draws)), `${scope}.${approach}.firstDraws`);
        expect(a!.resamples + a!.failures).toBe(settings.resamples);
        expect(a!.resamples).toBeGreaterThanOrEqual(settings.resamples / 2);
        if (approach !== 'extrapolation')
          expect(Object.keys(a!.percentiles).sort()).toEqual(Object.keys(fit[approach].constants).sort());
        for (const p of Object.values(a!.percentiles)) expect(p.p2_5 <= p.p50 && p.p50 <= p.p97_5).toBe(true);
      }
    }
    if (shippedBootstrap) expect(shipped.every((e) => e.intervals !== undefined)).toBe(true);
  }, 60_000);

  it('the sets load through t2-sets.ts and the registry, labelled fitted-testbed with their range', () => {
    for (const [model, sets] of [
      ['t2-1', T2_APPROACH1_SETS],
      ['t2-2', T2_APPROACH2_SETS],
    ] as const) {
      const listed = listConstantSets(model);
      const rejected = new Set(
        ((manifest.fits as { rejectedSets?: { id: string; approach: number }[] } | null)?.rejectedSets ?? [])
          .filter((r) => r.approach === (model === 't2-1' ? 1 : 2))
          .map((r) => r.id),
      );
      for (const scope of scopesOf(logprobs)) {
        const id = `t2-testbed-${scope}`;
        const entry = listed.find((s) => s.id === id);
        if (rejected.has(id)) {
          // listed in the manifest as rejected (non-positive exponent): not offered by the app
          expect(entry, `${model} must not list rejected ${id}`).toBeUndefined();
          continue;
        }
        expect(entry, `${model} lists ${id}`).toBeDefined();
        expect(entry!.kind).toBe('fitted-testbed');
        expect(entry!.name).toMatch(/fitted on our tiny testbed/);
        expect(entry!.range?.samples).toEqual([1, 64]);
        expect(resolveConstantSet(model, id).set.id).toBe(id);
        expect(sets.some((s) => s.id === id)).toBe(true);
      }
      expect(listed.some((s) => s.kind === 'illustrative')).toBe(true);
      // The default scenario is at real scale: it opens on a set fitted on public data, never on a testbed set.
      expect(resolveConstantSet(model, defaultConstantSet(model)).set.kind).toBe('fitted-public');
    }
  });

  it('every shipped set gives a finite T² optimum inside sane bounds at testbed-scale budgets', () => {
    for (const [trainFlops, inferenceFlops] of [
      [4e13, 2e6],
      [1e13, 2e5],
      [1e14, 2e7],
    ] as const) {
      for (const set of T2_APPROACH1_SETS.filter((s) => s.kind === 'fitted-testbed')) {
        const o = t2Optimum(1, set.constants as T2Approach1Constants, trainFlops, inferenceFlops);
        expect(Number.isFinite(o.value) && o.value >= 0, `${set.id} A1 value ${o.value}`).toBe(true);
        expect(o.params).toBeGreaterThanOrEqual(1);
        expect(o.params).toBeLessThanOrEqual(inferenceFlops / 2 + 1e-6);
        expect(o.samples).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(6 * o.params * o.tokens).toBeCloseTo(trainFlops, -Math.log10(trainFlops) + 6);
      }
      for (const set of T2_APPROACH2_SETS.filter((s) => s.kind === 'fitted-testbed')) {
        // The app also treats stage 1 as a Chinchilla law (E > 0 required, hence the fits' E floor).
        expect(() => assertChinchillaConstants(set.constants)).not.toThrow();
        expect(Number.isFinite(chinchillaOptimum(set.constants, trainFlops).params)).toBe(true);
        const o = t2Optimum(2, set.constants as T2Approach2Constants, trainFlops, inferenceFlops);
        expect(o.value >= 0 && o.value <= 1, `${set.id} A2 value ${o.value}`).toBe(true);
        expect(Number.isFinite(o.params) && o.params >= 1 && Number.isFinite(o.samples)).toBe(true);
      }
    }
    // The macro set at the testbed's largest isoFLOP budget: N within the zoo's decade span ± 1 decade, k in [1, C_inf/2].
    const macro = T2_APPROACH1_SETS.find((s) => s.id === 't2-testbed-macro')!;
    const o = t2Optimum(1, macro.constants, 4e13, 2e6);
    expect(o.params).toBeGreaterThan(2.8e3);
    expect(o.params).toBeLessThan(1.9e7);
    expect(o.value).toBeGreaterThan(0);
    expect(o.value).toBeLessThan(10);
  });
});
