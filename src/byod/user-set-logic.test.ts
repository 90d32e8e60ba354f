import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConstantSet, listConstantSets } from '../domain/registry';
import { decodeScenario, encodeScenario } from '../store/url/codec';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { createRng } from '../domain/random';
import { CONSTANT_BOUNDS, CONSTANT_KEYS } from './constant-keys';
import {
  buildUserSet,
  decodeUserSet,
  encodeUserSet,
  linkCarriesRuns,
  linkRejection,
  MAX_LINK_RUNS,
} from './user-set-logic';

const range = { params: [1e7, 9e8] as [number, number], tokens: [2e8, 5e10] as [number, number] };
const chin = buildUserSet({
  family: 'chinchilla',
  constants: { E: 1.7123456789, A: 406.4, B: 410.7, alpha: 0.3391, beta: 0.2849 },
  range,
  fittedRuns: 3,
  runs: [
    { params: 1e7, tokens: 2e8, samples: 1, quality: 3.1 },
    { params: 9e8, tokens: 5e10, samples: 1, quality: 2.2 },
    { params: 1e8, tokens: 1e9, samples: 1, quality: 2.9 },
  ],
});

describe('user constant set', () => {
  it('is a kind "user" set whose id follows the constants', () => {
    expect(chin.set.kind).toBe('user');
    expect(chin.set.id).toMatch(/^user-[0-9a-z]+$/);
    const other = buildUserSet({
      family: 'chinchilla',
      constants: { ...chin.set.constants, E: 1.8 },
      range,
      fittedRuns: 3,
    });
    expect(other.set.id).not.toBe(chin.set.id);
  });

  it('is listed and resolved only for the models of its family', () => {
    expect(listConstantSets('chinchilla', chin).map((s) => s.id)).toContain(chin.set.id);
    expect(listConstantSets('lifetime', chin).map((s) => s.id)).toContain(chin.set.id);
    expect(listConstantSets('t2-1', chin).map((s) => s.id)).not.toContain(chin.set.id);
    expect(resolveConstantSet('chinchilla', chin.set.id, chin).set).toBe(chin.set);
    expect(resolveConstantSet('t2-1', chin.set.id, chin).set.kind).not.toBe('user');
  });

  it('round-trips through its URL form to the digit, runs included', () => {
    const back = decodeUserSet(encodeUserSet(chin));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.value.set).toEqual(chin.set);
      expect(back.value.runs).toEqual(chin.runs);
    }
  });

  it('round-trips any constants within their declared bounds, of every family (property)', () => {
    const inBounds = (key: string) => {
      const [lo, hi] = CONSTANT_BOUNDS[key]!;
      return lo > 0
        ? fc
            .double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true })
            .map((e) => Math.min(hi, Math.max(lo, 10 ** e)))
        : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
    };
    const family = fc.constantFrom('chinchilla', 't2-1', 't2-2') as fc.Arbitrary<'chinchilla' | 't2-1' | 't2-2'>;
    const arb = family.chain((f) =>
      fc.tuple(fc.constant(f), fc.record(Object.fromEntries(CONSTANT_KEYS[f].map((k) => [k, inBounds(k)])))),
    );
    fc.assert(
      fc.property(arb, ([f, constants]) => {
        const user = buildUserSet({ family: f, constants, range: { ...range, samples: [1, 64] }, fittedRuns: 12 });
        const back = decodeUserSet(encodeUserSet(user));
        expect(back.ok && back.value.set).toEqual(user.set);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a constant outside its declared bounds, naming it (property)', () => {
    const family = fc.constantFrom('chinchilla', 't2-1', 't2-2') as fc.Arbitrary<'chinchilla' | 't2-1' | 't2-2'>;
    const arb = family.chain((f) =>
      fc.tuple(
        fc.constant(f),
        fc.constantFrom(...CONSTANT_KEYS[f]),
        fc.boolean(),
        fc.double({ min: 1.0001, max: 1e6, noNaN: true }),
      ),
    );
    fc.assert(
      fc.property(arb, ([f, key, above, factor]) => {
        const [lo, hi] = CONSTANT_BOUNDS[key]!;
        const good = Object.fromEntries(CONSTANT_KEYS[f].map((k) => [k, CONSTANT_BOUNDS[k]![1]]));
        const bad = above ? (hi > 0 ? hi * factor : hi + factor) : lo > 0 ? lo / factor : lo - factor;
        const text = encodeUserSet(
          buildUserSet({ family: f, constants: { ...good, [key]: bad }, range, fittedRuns: 3 }),
        );
        const back = decodeUserSet(text);
        expect(back.ok).toBe(false);
        if (!back.ok) expect(back.reason).toContain(`constant ${key} must lie in`);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the runs out of the link above MAX_LINK_RUNS', () => {
    const runs = Array.from({ length: MAX_LINK_RUNS + 1 }, (_, i) => ({
      params: 1e7 * (i + 1),
      tokens: 1e9,
      samples: 1,
      quality: 3,
    }));
    const big = buildUserSet({
      family: 'chinchilla',
      constants: chin.set.constants as unknown as Record<string, number>,
      range,
      fittedRuns: runs.length,
      runs,
    });
    expect(linkCarriesRuns(big)).toBe(false);
    expect(encodeUserSet(big)).not.toContain('*');
    expect(linkCarriesRuns(chin)).toBe(true);
  });

  it.each([
    ['x_1_2_3_4_5~3_1_2_3_4', 'unknown fit family'],
    ['c_1_2_3_4~3_1_2_3_4', 'expected 5 constants'],
    ['c_-1_2_3_0.3_0.3~3_1_2_3_4', 'constant E must lie in 0 to 100 (got -1)'],
    ['c_1.7_1e200_1500_0.3_0.3~5_1e7_1e9_1e8_1e11', 'constant A must lie in 1e-3 to 1e15 (got 1e200)'],
    ['c_1_2_3_0.3_0.3~1e21_1_2_3_4', 'the number of fitted runs must be a whole number from 1 to 1000000000'],
    ['c_1_2_3_0.3_0.3~3_1_2_1e300_1e301', "the fitted range's lower D must lie in 1 to 1e18"],
    ['c_1_2_3_0.3_abc~3_1_2_3_4', 'not a number'],
    ['c_1_2_3_0.3_0.3~3_5_2_3_4', 'N range'],
    ['c_1_2_3_0.3_0.3~3_1_2_3_4~1_2_1_-3', 'run 1: loss must lie in 0 to 1e3 (got -3)'],
    ['c_1_2_3_0.3_0.3~3_1_2_3_4~1e16_2_1_3', 'run 1: N must lie in 1 to 1e15 (got 1e16)'],
    ['c_1_2_3_0.3_0.3~3_1_2_3_4~1_2_1', 'run 1: expected N_D_k_quality'],
    [
      `c_1_2_3_0.3_0.3~3_1_2_3_4~${Array.from({ length: 31 }, () => '1_2_1_3').join('*')}`,
      'at most 30 runs fit in a link (got 31)',
    ],
    ['2_1_2_3_0.3_0.3_1_1_1.5_1_1~3_1_2_3_4_1_2', 'constant theta2 must lie in 1e-6 to 1'],
    [`c_1_2_3_0.3_${'9'.repeat(500)}x~3_1_2_3_4`, `"${'9'.repeat(40)}…" is not a number`],
    ['2_1_2_3_0.3_0.3_1_-0.5_0.5_1_1~3_1_2_3_4_1_2', 'constant theta1 must lie in'],
    ['2_1_2_3_0.3_0.3_1_0_0.5_1_1~3_1_2_3_4_1_2', 'constant theta1 must lie in'],
  ])('rejects %s (%s)', (text, reason) => {
    const back = decodeUserSet(text);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.reason).toContain(reason);
  });

  it('travels in the scenario URL under key u, selected, and a bad u is reported and dropped', () => {
    const scenario = {
      ...defaultScenario(registryCatalog.defaultId),
      qualityModel: 'chinchilla' as const,
      constantSet: chin.set.id,
      userSet: chin,
    };
    const query = encodeScenario(scenario, registryCatalog);
    expect(query).toContain(`c=${chin.set.id}`);
    expect(query).toMatch(/&u=c_/);
    const back = decodeScenario(query, registryCatalog);
    expect(back.issues).toEqual([]);
    expect(back.scenario.constantSet).toBe(chin.set.id);
    expect(back.scenario.userSet?.set).toEqual(chin.set);
    const bad = decodeScenario(query.replace(/u=c_[^&~]*/, 'u=c_1_2'), registryCatalog);
    expect(bad.scenario.userSet).toBeUndefined();
    expect(bad.scenario.constantSet).toBe(registryCatalog.defaultId('chinchilla'));
    expect(bad.issues.map((i) => i.key).sort()).toEqual(['c', 'u']);
  });

  describe('bootstrap band in the link', () => {
    const rng = createRng(11);
    const draws = Array.from({ length: 200 }, () => ({
      E: 1.71 * Math.exp(0.01 * rng.normal()),
      A: 406 * Math.exp(0.2 * rng.normal()),
      B: 410 * Math.exp(0.2 * rng.normal()),
      alpha: 0.339 * Math.exp(0.03 * rng.normal()),
      beta: 0.285 * Math.exp(0.03 * rng.normal()),
    }));
    const withBand = { ...chin, draws };

    it('carries a summary of the resamples; the reader regenerates as many draws and writes the link back unchanged', () => {
      const text = encodeUserSet(withBand);
      expect(text.startsWith(encodeUserSet(chin))).toBe(true);
      expect(text).toMatch(/~b200_[^~]+$/);
      const back = decodeUserSet(text);
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      expect(back.warning).toBeUndefined();
      expect(back.value.set).toEqual(chin.set);
      expect(back.value.draws).toHaveLength(200);
      expect(back.value.drawsFromLink).toBe(text.split('~')[3]);
      expect(encodeUserSet(back.value)).toBe(text);
      expect(decodeUserSet(text)).toEqual(back); // same link, same draws
    });

    it('keeps the band section when there are too many runs for the link (runs section empty)', () => {
      const many = {
        ...withBand,
        runs: Array.from({ length: MAX_LINK_RUNS + 1 }, (_, i) => ({
          params: 1e7 + i,
          tokens: 2e8,
          samples: 1,
          quality: 3,
        })),
      };
      const text = encodeUserSet(many);
      expect(text).toMatch(/~~b200_/);
      const back = decodeUserSet(text);
      expect(back.ok && back.value.runs === undefined && back.value.draws?.length === 200).toBe(true);
    });

    it('old links without a band section decode as before, without draws or warning', () => {
      const back = decodeUserSet(encodeUserSet(chin));
      expect(
        back.ok &&
          back.value.draws === undefined &&
          back.value.drawsFromLink === undefined &&
          back.warning === undefined,
      ).toBe(true);
    });

    it('a bad band section keeps the constants, drops the band and says why in a URL notice', () => {
      const text = encodeUserSet(withBand).replace(/~b200_/, '~b7_');
      const back = decodeUserSet(text);
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      expect(back.value.set).toEqual(chin.set);
      expect(back.value.draws).toBeUndefined();
      expect(back.warning).toMatch(/bootstrap band: resamples must be a whole number from 20.*kept without its band/);
      const scenario = {
        ...defaultScenario(registryCatalog.defaultId),
        qualityModel: 'chinchilla' as const,
        constantSet: chin.set.id,
        userSet: withBand,
      };
      const query = encodeScenario(scenario, registryCatalog).replace(/~b200_/, '~b7_');
      const decoded = decodeScenario(query, registryCatalog);
      expect(decoded.scenario.constantSet).toBe(chin.set.id);
      expect(decoded.issues).toHaveLength(1);
      expect(decoded.issues[0]!.key).toBe('u');
      expect(decoded.issues[0]!.message).toMatch(/Your fitted constants \(u\): bootstrap band: resamples/);
    });

    it('a frozen link written before the band existed still decodes to the same set', () => {
      const back = decodeUserSet('c_1.7123456789_406.4_410.7_0.3391_0.2849~3_1e7_9e8_2e8_5e10');
      expect(back.ok && back.value.set.id === chin.set.id).toBe(true);
    });
  });
});

describe('declared link bounds cover every shipped constant set', () => {
  it('each shipped set (published, fitted on the testbed, illustrative) lies within CONSTANT_BOUNDS, so a fit like it travels in a link', () => {
    const models = ['chinchilla', 't2-1', 't2-2'] as const;
    for (const model of models) {
      for (const summary of listConstantSets(model)) {
        const resolved = resolveConstantSet(model, summary.id);
        const c = resolved.set.constants as unknown as Record<string, number>;
        for (const k of CONSTANT_KEYS[resolved.family]) {
          const [lo, hi] = CONSTANT_BOUNDS[k]!;
          expect(c[k]! >= lo && c[k]! <= hi, `${summary.id} ${k} = ${c[k]}`).toBe(true);
        }
      }
    }
  });
});

describe('linkRejection', () => {
  it('is null for a set a link carries and names the constant for one it would not', () => {
    expect(linkRejection(chin)).toBeNull();
    const steep = buildUserSet({
      family: 'chinchilla',
      constants: { ...chin.set.constants, alpha: 0.05 },
      range,
      fittedRuns: 3,
    });
    expect(linkRejection(steep)).toBe('constant alpha must lie in 0.1 to 3 (got 0.05)');
  });
});
