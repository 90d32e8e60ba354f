/**
 * Issue 11, item 16: a link the app rewrites must read back the same. For fuzzed whole query strings (random key
 * subsets, values valid, at a bound, huge, tiny, negative, non-numeric, long; structured `u` and `lab` values with
 * 0–70 runs), decode(encode(decode(x))) = decode(x), the rewritten link is itself a fixed point, decode never throws,
 * and every notice stays short (item 17: echoed values are cut at MAX_ECHO_CHARS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registryCatalog as catalog } from './catalog';
import { decodeScenario, encodeScenario } from './codec';
import { queryString } from './link-fuzz.fixtures';
import { MAX_ECHO_CHARS } from './limits';

/** Longest notice line a decode may write: the fixed text of a message plus at most two echoed values. */
const MAX_MESSAGE = 320;

describe("links are fixed points of the app's rewrite", () => {
  it('decode(encode(decode(x))) = decode(x) for fuzzed query strings; notices stay short', () => {
    let withUser = 0;
    let withLab = 0;
    fc.assert(
      fc.property(queryString, (q) => {
        const first = decodeScenario(q, catalog);
        if (first.scenario.userSet) withUser++;
        if (first.scenario.measured) withLab++;
        const written = encodeScenario(first.scenario, catalog);
        const second = decodeScenario(written, catalog);
        expect(second.scenario).toEqual(first.scenario);
        expect(second.issues).toEqual([]);
        expect(encodeScenario(second.scenario, catalog)).toBe(written);
        for (const issue of first.issues)
          expect(issue.message.length, issue.message.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE);
      }),
      { numRuns: 400 },
    );
    // The fuzz reaches the structured keys: a share of the queries carries a user set or lab runs that decode.
    expect(withUser).toBeGreaterThan(10);
    expect(withLab).toBeGreaterThan(10);
  });

  it.each([
    [
      'a u with 31–60 runs (decoded before, dropped by encode)',
      `v=1&m=chinchilla&u=c_1.7_400_400_0.34_0.28~40_1e7_1e9_1e8_1e11~${Array.from({ length: 40 }, (_, i) => `${1e7 + i}_1e9_1_3`).join('*')}`,
    ],
    [
      'a fitted-run count of 1e21 (rewritten to 0 before)',
      'v=1&m=chinchilla&u=c_1.7_400_400_0.34_0.28~1e21_1e7_1e9_1e8_1e11',
    ],
    [
      'a fitted-run count of 1e9 (the limit, written 1e9)',
      'v=1&m=chinchilla&u=c_1.7_400_400_0.34_0.28~1e9_1e7_1e9_1e8_1e11',
    ],
    ['lab pass@k and NLL with more than 6 digits', 'v=1&m=t2-2&lab=8192_3e5_4_0.123456789_2.718281828'],
  ])('%s', (_what, q) => {
    const first = decodeScenario(q, catalog);
    const second = decodeScenario(encodeScenario(first.scenario, catalog), catalog);
    expect(second.scenario).toEqual(first.scenario);
  });

  it('a u with more runs than a link carries is rejected, naming the key, not half-kept', () => {
    const runs = Array.from({ length: 40 }, (_, i) => `${1e7 + i}_1e9_1_3`).join('*');
    const { scenario, issues } = decodeScenario(
      `v=1&m=chinchilla&u=c_1.7_400_400_0.34_0.28~40_1e7_1e9_1e8_1e11~${runs}`,
      catalog,
    );
    expect(scenario.userSet).toBeUndefined();
    expect(issues.map((i) => i.message)).toEqual([
      'Your fitted constants (u): at most 30 runs fit in a link (got 40); ignored',
    ]);
  });

  it('cuts every echoed value, even one of 200,000 characters, at MAX_ECHO_CHARS + "…"', () => {
    const long = 'x'.repeat(200_000);
    const { issues } = decodeScenario(
      `v=${long}&n=${long}&m=${long}&c=${long}&${long}=1&u=c_${long}&lab=${long}&d=1&d=2`,
      catalog,
    );
    expect(issues.length).toBeGreaterThanOrEqual(7);
    for (const issue of issues) {
      expect(issue.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
      if (issue.message.includes('xxx')) expect(issue.message).toContain(`${'x'.repeat(MAX_ECHO_CHARS)}…`);
      expect(issue.message).not.toContain('x'.repeat(MAX_ECHO_CHARS + 1));
    }
  });
});
