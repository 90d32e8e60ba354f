/** Unit and property tests of the public-fits pipeline pieces (tidy CSV, transplant, extrapolation scoring, Gadre reader). */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { muOfLoss } from '../../src/domain/fit/fit-mu';
import { baselineRun, runSplit, score, standardSplits } from './extrapolation';
import { chinchillaLoss, type RunPoint } from './fits';
import { GADRE_DIR, gadreChance, readGadreModels, SEQUENCE_LENGTH } from './gadre-data';
import { gadreRuns, usedInFits } from './gadre-fit';
import { compactJson } from './run';
import { csvField, toCsv } from './tidy';
import { parseTransplant, projectNu, readTransplant } from './transplant';

describe('tidy CSV', () => {
  it('numbers round-trip, strings are quoted only when needed, and the domain parser reads it back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const text = toCsv(['x', 'label'], rows);
          const t = parseCsv(text);
          expect(t.header).toEqual(['x', 'label']);
          t.records.forEach((r, i) => {
            expect(Number(r.fields[0])).toBe(rows[i]![0] === 0 ? 0 : rows[i]![0]);
          });
        },
      ),
    );
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(() => csvField(Number.NaN)).toThrow(/non-finite/);
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/row 1/);
  });

  it('compactJson parses to the same value as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(compactJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('transplant', () => {
  const base = {
    provisional: false,
    source: 'x',
    approach1: { gamma: 0.4, gFraction: 0.3, fittedOn: 'y' },
    approach2: { logNuVsMu: { c0: 1, c1: 0 }, fittedOn: 'z' },
  };

  it('the committed transplant.json is valid', () => {
    expect(() => readTransplant()).not.toThrow();
  });

  it('rejects missing or out-of-range values', () => {
    expect(() => parseTransplant(base)).not.toThrow();
    expect(() => parseTransplant({ ...base, provisional: 'yes' })).toThrow(/provisional/);
    expect(() => parseTransplant({ ...base, approach1: { ...base.approach1, gFraction: 1.2 } })).toThrow(/gFraction/);
    expect(parseTransplant({ ...base, approach1: { ...base.approach1, gFraction: 1 } }).approach1.gFraction).toBe(1);
    // Of the ν relations offered, the one with the higher R² on its own data is used.
    const both = {
      ...base,
      approach2: {
        logNuVsMu: { c0: 1, c1: 0 },
        r2: 0.5,
        alternatives: { lnNuVsLnMu: { c0: 0.7, c1: -0.7, r2: 0.8 } },
        fittedOn: 'z',
      },
    };
    expect(parseTransplant(both).approach2.relation).toEqual({ form: 'log-mu', c0: 0.7, c1: -0.7, r2: 0.8 });
    const worse = {
      ...both,
      approach2: { ...both.approach2, alternatives: { lnNuVsLnMu: { c0: 0.7, c1: -0.7, r2: 0.4 } } },
    };
    expect(parseTransplant(worse).approach2.relation.form).toBe('mu');
    expect(() => parseTransplant({ ...base, approach1: { ...base.approach1, gamma: 0 } })).toThrow(/gamma/);
    expect(() => parseTransplant({ ...base, approach2: { logNuVsMu: { c0: Number.NaN, c1: 0 } } })).toThrow(/c0/);
  });

  it('projectNu: exact for a constant ν, least squares in L̂ when ln ν depends on μ', () => {
    const t = parseTransplant(base);
    expect(projectNu(t, [2, 3, 4], [0.5, 0.3, 0.1])).toEqual({ theta3: 1, theta4: 0 });
    const t2 = parseTransplant({ ...base, approach2: { logNuVsMu: { c0: 1, c1: 2 }, fittedOn: '' } });
    // μ linear in L̂ → ln ν linear in L̂: the projection is exact.
    const L = [2, 2.5, 3, 3.5],
      mu = L.map((l) => 0.9 - 0.2 * l);
    const { theta3, theta4 } = projectNu(t2, L, mu);
    L.forEach((l, i) => expect(theta3 + theta4 * l).toBeCloseTo(1 + 2 * mu[i]!, 12));
  });
});

describe('extrapolation scoring', () => {
  it('score: mean relative error, signed mean and share over-estimated', () => {
    const s = score([1, 2, 4], [1.5, 1, 4])!;
    expect(s.meanRelativeError).toBeCloseTo((0.5 + 0.5 + 0) / 3, 12);
    expect(s.signedMeanRelativeError).toBeCloseTo(0, 12);
    expect(s.overestimatedShare).toBeCloseTo(1 / 3, 12);
    expect(score([], [])).toBeNull();
  });

  const run = (id: string, params: number, ratio: number, loss = 3): RunPoint => ({
    id,
    params,
    tokens: params * ratio,
    loss,
    accuracy: 0.5,
  });

  it('baseline: same N at the largest fitted D, else the largest fitted N at the nearest D/N', () => {
    const fitted = [run('a', 1e8, 10), run('b', 1e8, 40), run('c', 1e9, 5), run('d', 1e9, 20)];
    expect(baselineRun(fitted, run('x', 1e8, 160))).toEqual({ run: fitted[1], sameSize: true });
    expect(baselineRun(fitted, run('y', 1e10, 6))).toEqual({ run: fitted[2], sameSize: false });
    expect(baselineRun(fitted, run('z', 1e10, 30))).toEqual({ run: fitted[3], sameSize: false });
  });

  it('standard splits: D/N ≤ 40 → ≥ 80, ≤ 20 → ≥ 40, and the two largest sizes held out', () => {
    const runs = [1e7, 1e8, 1e9, 1e10].flatMap((n) => [5, 20, 40, 80, 640].map((r) => run(`${n}-${r}`, n, r)));
    const [a, b, c] = standardSplits(runs);
    const ratios = (s: typeof a, side: 'fit' | 'test') =>
      [...new Set(runs.filter(s![side]).map((r) => r.tokens / r.params))].sort((x, y) => x - y);
    expect(ratios(a, 'fit')).toEqual([5, 20, 40]);
    expect(ratios(a, 'test')).toEqual([80, 640]);
    expect(ratios(b, 'fit')).toEqual([5, 20]);
    expect(ratios(b, 'test')).toEqual([40, 80, 640]);
    expect([...new Set(runs.filter(c!.test).map((r) => r.params))]).toEqual([1e9, 1e10]);
    expect([...new Set(runs.filter(c!.fit).map((r) => r.params))]).toEqual([1e7, 1e8]);
  });

  it('on data drawn from the laws themselves, the fit extrapolates almost exactly and beats the baseline', () => {
    const law = { E: 1.7, A: 110, B: 300, alpha: 0.25, beta: 0.28 };
    const mu = { theta0: 3, theta1: 2, theta2: 0.8, floor: 0 };
    const runs = [1e7, 8e7, 1.5e8, 4e8, 1.4e9].flatMap((n) =>
      [5, 10, 20, 40, 80, 160, 320, 640].map((r) => {
        const loss = chinchillaLoss(law, n, n * r);
        return { id: `${n}-${r}`, params: n, tokens: n * r, loss, accuracy: muOfLoss(mu, loss) };
      }),
    );
    const r = runSplit(runs, standardSplits(runs)[0]!, 0, 4, 7);
    expect(r.scores.loss.fit!.meanRelativeError).toBeLessThan(1e-4);
    expect(r.scores.loss.baseline!.meanRelativeError).toBeGreaterThan(0.01);
    expect(r.scores.accuracy.fit!.meanRelativeError).toBeLessThan(1e-3);
    expect(r.scores.accuracy.baseline!.meanRelativeError).toBeGreaterThan(0.01);
    expect(r.bootstrap.firstDraws).toHaveLength(3);
    expect(r.bootstrap.fitBeatsBaselineShare.loss).toBe(1);
  });
});

describe('Gadre et al. reader', () => {
  const models = readGadreModels();

  it('reads 104 models, three training sets, D/N = 20 × the chinchilla multiplier', () => {
    expect(models).toHaveLength(104);
    expect(new Set(models.map((m) => m.dataset))).toEqual(new Set(['c4_original', 'rpj', 'rw_original']));
    for (const m of models) {
      const raw = JSON.parse(readFileSync(`${GADRE_DIR}models/${m.name}.json`, 'utf8')) as {
        hyperparameters: { chinchilla_multiplier: number };
      };
      expect(m.tokensPerParam / 20).toBeCloseTo(raw.hyperparameters.chinchilla_multiplier, 2);
      expect(m.params).toBeGreaterThan(m.paramsNoEmbed);
      expect(Object.keys(m.losses)).toHaveLength(8);
      expect(Object.keys(m.accuracy)).toHaveLength(46);
    }
  });

  it('C4 eval is the large C4 validation result, and the loss falls with D at fixed N', () => {
    const m = models.find((x) => x.name === 'c4_original-d=1024_l=24_h=8-0.25')!;
    expect(m.losses.c4_eval).toBeCloseTo(3.5279492850157737, 12);
    const rpj412 = models
      .filter((x) => x.dataset === 'rpj' && x.params === 411616256)
      .sort((a, b) => a.tokens - b.tokens);
    expect(rpj412).toHaveLength(8);
    expect(rpj412[rpj412.length - 1]!.losses.c4_eval!).toBeLessThan(rpj412[0]!.losses.c4_eval!);
  });

  it('the evaluations use 2048-token sequences (the SEQUENCE_LENGTH the warmup rule assumes)', () => {
    for (const m of models) {
      const raw = JSON.parse(readFileSync(`${GADRE_DIR}models/${m.name}.json`, 'utf8')) as {
        results: { tokens: number; sequences: number }[];
      };
      for (const r of raw.results) expect(r.tokens / r.sequences).toBe(SEQUENCE_LENGTH);
    }
  });

  it('chance accuracies from eval_metadata.csv: LAMBADA 0, ARC-Easy 1/4, PIQA 1/2', () => {
    const c = gadreChance();
    expect(c.lambada_openai).toBe(0);
    expect(c.arc_easy).toBe(0.25);
    expect(c.piqa).toBe(0.5);
  });

  it('the fits leave out exactly the runs that end before their warmup', () => {
    const dropped = models.filter((m) => !usedInFits(m));
    expect(dropped.every((m) => m.tokens <= m.warmupTokens)).toBe(true);
    expect(models.filter(usedInFits).every((m) => m.tokens > m.warmupTokens)).toBe(true);
    expect(gadreRuns(models, 'rpj', 'lambada_openai')).toHaveLength(
      models.filter((m) => m.dataset === 'rpj').length - dropped.filter((m) => m.dataset === 'rpj').length,
    );
  });
});
