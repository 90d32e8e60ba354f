/**
 * Issue 11, item 14, end to end below the browser: for fuzzed `m`, `c` and `u` values (and whole fuzzed query
 * strings), decode gives either a user set whose every constant, range and run lies within the declared bounds, or a
 * notice naming `u`; and the engine on every decoded scenario returns chart data whose chart-placing numbers are
 * finite (or a reported DomainError, never NaN), drawn by the real chart components without "NaN" or "Infinity".
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONSTANT_BOUNDS, CONSTANT_KEYS } from '../byod/constant-keys';
import { ChartsPanel } from '../charts/ChartsPanel';
import { Readouts } from '../charts/Readouts';
import { DomainError } from '../domain/errors';
import type { Scenario } from '../domain/scenario';
import { registryCatalog as catalog } from '../store/url/catalog';
import { decodeScenario } from '../store/url/codec';
import { LOSS_BOUNDS, MAX_LINK_RUNS, PASS_AT_K_BOUNDS, RUN_BOUNDS, within } from '../store/url/limits';
import { queryString, userSetQuery } from '../store/url/link-fuzz.fixtures';
import { decodeUserSet } from '../byod/user-set-logic';
import { api } from './api';
import { firstNonFinite } from './finite-check';

/** The query of a fuzzed m/u/c triple; c names the set u decodes to half of the time it decodes. */
function query({ m, u, cRaw }: { m: string; u: string; cRaw: string | null }, useOwnId: boolean): string {
  const own = decodeUserSet(u);
  const c = useOwnId && own.ok ? own.value.set.id : cRaw;
  return [
    `v=1`,
    `m=${encodeURIComponent(m)}`,
    ...(c === null ? [] : [`c=${encodeURIComponent(c)}`]),
    `u=${encodeURIComponent(u)}`,
  ].join('&');
}

/** Draws the scenario as the page would: engine, then readouts and charts; returns the markup or the engine's error. */
function draw(s: Scenario): { html: string } | { error: DomainError } {
  try {
    const { data } = api.compute(s, 1);
    expect(firstNonFinite(data)).toBeNull();
    const html = renderToStaticMarkup(
      <>
        <Readouts data={data} scenario={s} />
        <ChartsPanel data={data} scenario={s} />
      </>,
    );
    return { html };
  } catch (e) {
    if (e instanceof DomainError) return { error: e };
    throw e;
  }
}

describe('decoded links give valid sets or notices, and finite charts', () => {
  it('decode of fuzzed m, c, u: a user set within every declared bound, or a notice naming u', () => {
    let sets = 0;
    fc.assert(
      fc.property(userSetQuery, fc.boolean(), (t, own) => {
        const { scenario, issues } = decodeScenario(query(t, own), catalog);
        const u = scenario.userSet;
        if (!u) {
          expect(issues.some((i) => i.key === 'u')).toBe(true);
          return;
        }
        sets++;
        const c = u.set.constants as unknown as Record<string, number>;
        for (const k of CONSTANT_KEYS[u.family]) expect(within(c[k]!, CONSTANT_BOUNDS[k]!), k).toBe(true);
        const r = u.set.range!;
        for (const [v, b] of [
          [r.params, RUN_BOUNDS.params],
          [r.tokens, RUN_BOUNDS.tokens],
          [r.samples ?? [1, 1], RUN_BOUNDS.samples],
        ] as const) {
          expect(within(v[0], b) && within(v[1], b) && v[0] <= v[1]).toBe(true);
        }
        expect((u.runs ?? []).length).toBeLessThanOrEqual(MAX_LINK_RUNS);
        for (const run of u.runs ?? []) {
          expect(
            within(run.params, RUN_BOUNDS.params) &&
              within(run.tokens, RUN_BOUNDS.tokens) &&
              within(run.samples, RUN_BOUNDS.samples),
          ).toBe(true);
          expect(within(run.quality, u.family === 't2-2' ? PASS_AT_K_BOUNDS : LOSS_BOUNDS)).toBe(true);
        }
        for (const draw of u.draws ?? [])
          for (const k of CONSTANT_KEYS[u.family])
            expect(within(draw[k]!, CONSTANT_BOUNDS[k]!), `draw ${k}`).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(sets).toBeGreaterThan(50);
  });

  it('the engine draws every decoded m/c/u scenario with finite numbers and no NaN or Infinity on screen', () => {
    let drawn = 0;
    fc.assert(
      fc.property(userSetQuery, fc.boolean(), (t, own) => {
        const { scenario } = decodeScenario(query(t, own), catalog);
        const out = draw(scenario);
        if ('html' in out) {
          drawn++;
          expect(out.html).not.toMatch(/NaN|Infinity/);
        } else {
          expect(out.error.message).not.toMatch(/NaN|Infinity/);
        }
      }),
      { numRuns: Number(process.env.LINK_FUZZ_RUNS ?? 60) },
    );
    expect(drawn).toBeGreaterThan(0);
  }, 300_000);

  it('the same for whole fuzzed query strings (budgets, N, D, k at their bounds, lab runs)', () => {
    fc.assert(
      fc.property(queryString, (q) => {
        const { scenario } = decodeScenario(q, catalog);
        const out = draw(scenario);
        if ('html' in out) expect(out.html).not.toMatch(/NaN|Infinity/);
        else expect(out.error.message).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: Number(process.env.LINK_FUZZ_RUNS ?? 60) },
    );
  }, 300_000);

  it('the quoted link of the issue: the set is rejected naming u, and the charts draw with the default set', () => {
    const { scenario, issues } = decodeScenario(
      '?v=1&m=chinchilla&c=user-ebbo5e&u=c_1.7_1e200_1500_0.3_0.3~5_1e7_1e9_1e8_1e11',
      catalog,
    );
    expect(scenario.userSet).toBeUndefined();
    expect(scenario.constantSet).toBe(catalog.defaultId('chinchilla'));
    expect(issues.map((i) => i.message)).toEqual([
      'Your fitted constants (u): constant A must lie in 1e-3 to 1e15 (got 1e200); ignored',
      'Constant set (c=user-ebbo5e): not available for this quality model; using hoffmann',
    ]);
    const out = draw(scenario);
    expect('html' in out && !/NaN|Infinity/.test(out.html)).toBe(true);
  });
});
