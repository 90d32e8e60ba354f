import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinchillaLoss as loss } from '../domain/chinchilla';
import { resolveChinchillaSet, resolveConstantSet } from '../domain/registry';
import { PLAN_EARLY_INFERENCE } from '../domain/plan-early';
import { WU_MATH500_EXAMPLE } from '../domain/wu';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import papers from '../export/papers.json';
import {
  PRESETS,
  completeScenario,
  getPreset,
  matchesPreset,
  parsePresets,
  presetRange,
  presetScenario,
} from './presets';

const must = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(`missing preset ${id}`);
  return p;
};

describe('presets', () => {
  it('ships the ten presets of the issue plus our testbed, each with a citation and source', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'chinchilla',
      'gopher',
      'gpt3',
      'llama2-7b',
      'llama3-8b',
      'sardana',
      't2-table1',
      'brown-swe-bench',
      'wu-rebase',
      'plan-early',
      'testbed',
    ]);
    for (const p of PRESETS) {
      expect(p.citation).toMatch(/\d{4}/);
      expect(p.source).toMatch(/^arXiv:\d{4}\.\d{4,5}$/);
    }
  });

  it('cites only papers of the BibTeX data file', () => {
    const keys = new Set(papers.papers.map((p) => p.key));
    for (const p of PRESETS) for (const k of p.papers) expect(keys, `${p.id} → ${k}`).toContain(k);
  });

  it('loads scenarios inside every range of the URL schema, with no NaN', () => {
    for (const p of PRESETS) {
      const s = presetScenario(p);
      for (const spec of SCENARIO_SCHEMA) {
        const v = s[spec.field];
        if (spec.type.kind === 'log' || spec.type.kind === 'linear') {
          expect(Number.isFinite(v), `${p.id}.${spec.field}`).toBe(true);
          expect(v as number).toBeGreaterThanOrEqual(spec.type.min);
          expect(v as number).toBeLessThanOrEqual(spec.type.max);
        }
      }
    }
  });

  it('keeps the published designs and puts them on both budgets', () => {
    const c = presetScenario(must('chinchilla'));
    expect([c.params, c.tokens, c.samples]).toEqual([7e10, 1.4e12, 1]);
    expect(c.trainFlops).toBeCloseTo(6 * 7e10 * 1.4e12, -10);
    expect(c.inferenceFlops).toBe(2 * 7e10);
    const l3 = presetScenario(must('llama3-8b'));
    expect(l3.tokens / l3.params).toBeCloseTo(1875, 6);
  });

  it('derives D and k from the T² budgets (laws.md §2 bookkeeping: k = 27.0 and D/N = 3117 at N = 37 M)', () => {
    const s = presetScenario(must('t2-table1'));
    expect(s.trainFlops).toBe(2.56e19);
    expect(s.inferenceFlops).toBe(2e9);
    expect(s.samples).toBeCloseTo(27.0, 1);
    expect(Math.round(s.tokens / s.params)).toBe(3117);
  });

  it('Chinchilla preset: the card cites the budget and loss of what it loads (issue 13 item 8)', () => {
    const p = must('chinchilla');
    const s = presetScenario(p);
    const facts = p.facts.join(' ');
    expect(facts).toContain(`6ND = ${(6 * s.params * s.tokens).toPrecision(3).replace('e+', 'e')} FLOPs`);
    expect(s.trainFlops).toBeCloseTo(5.88e23, -21);
    expect(facts).toContain(
      `${loss(resolveChinchillaSet(s.constantSet).constants, s.params, s.tokens).toFixed(3)} nats`,
    );
    expect(loss(resolveChinchillaSet('hoffmann-rounded').constants, s.params, s.tokens)).toBeCloseTo(1.9366, 3);
  });

  it('Sardana preset: the design reaches the worked example loss 1.947 (laws.md §4)', () => {
    const s = presetScenario(must('sardana'));
    expect(s.qualityModel).toBe('lifetime');
    expect(s.tokensServed).toBe(2e12);
    expect(loss(resolveChinchillaSet(s.constantSet).constants, s.params, s.tokens)).toBeCloseTo(1.947, 3);
  });

  it('quotes Wu et al. and Plan Early numbers that match the domain data', () => {
    const wu = must('wu-rebase');
    const [small, large] = WU_MATH500_EXAMPLE;
    expect(wu.scenario.params).toBe(7e9);
    expect(wu.scenario.samples).toBe(small!.samples);
    expect(wu.compare?.samples).toBe(large!.samples);
    expect(wu.compare!.params / wu.scenario.params!).toBeGreaterThan(4.5);
    expect(wu.facts.join(' ')).toContain(`${(small!.accuracy * 100).toFixed(1)} %`);
    const pe = must('plan-early');
    expect([pe.scenario.params, pe.compare?.params]).toEqual(PLAN_EARLY_INFERENCE.models.map((m) => m.params));
    for (const m of PLAN_EARLY_INFERENCE.models) expect(pe.facts.join(' ')).toContain(String(m.hoursPerBillionTokens));
  });

  it('notes the fitted range: Chinchilla 70 B / 1.4 T is outside Hoffmann et al.’s 70 M–16 B, 5 B–500 B box', () => {
    const r = presetRange(must('chinchilla'));
    expect(r.status).toBe('outside');
    expect(r.outside).toHaveLength(2);
    expect(r.text).toMatch(/N = 70B is above 16B.*D = 1.4T is above 500B/);
    expect(presetRange(must('llama2-7b')).outside).toEqual(['D = 2T is above 500B']);
    expect(presetRange(must('t2-table1')).status).toBe('inside');
    // wu-rebase opens on the T² model's default set: 7B is outside it exactly when the set stops below 7B.
    const wu = presetScenario(must('wu-rebase'));
    const wuMax = resolveConstantSet(wu.qualityModel, wu.constantSet).set.range!.params[1];
    expect(/N = 7B is above/.test(presetRange(must('wu-rebase')).outside.join())).toBe(7e9 > wuMax);
    expect(presetRange(must('sardana')).status).toBe('unknown');
  });

  it('matchesPreset holds for the preset scenario and fails once a field moves', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), fc.double({ min: 1.01, max: 10, noNaN: true }), (p, f) => {
        const s = presetScenario(p);
        expect(matchesPreset(p, s)).toBe(true);
        expect(matchesPreset(p, { ...s, params: s.params * f })).toBe(false);
      }),
    );
  });

  it('completeScenario: budgets follow the design unless given; constant set falls back to the model default', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e12, noNaN: true }),
        fc.double({ min: 1, max: 1e3, noNaN: true }),
        (n, k) => {
          const s = completeScenario({ params: n, samples: k, qualityModel: 'chinchilla' });
          expect(s.inferenceFlops).toBeCloseTo(2 * n * k, -Math.floor(Math.log10(2 * n * k)) + 10);
          expect(s.constantSet).toBe('hoffmann');
        },
      ),
    );
  });

  it('rejects malformed preset files, naming the problem', () => {
    const base = {
      id: 'x',
      title: 't',
      summary: 's',
      citation: 'c 2020',
      source: 'arXiv:1',
      facts: [],
      papers: [],
      scenario: {},
    };
    expect(() => parsePresets({})).toThrow(/expected/);
    expect(() => parsePresets({ presets: [{ ...base, scenario: { bogus: 1 } }] })).toThrow(
      /unknown scenario field "bogus"/,
    );
    expect(() => parsePresets({ presets: [{ ...base, scenario: { params: 'big' } }] })).toThrow(
      /params must be a finite number/,
    );
    expect(() =>
      parsePresets({ presets: [{ ...base, scenario: { qualityModel: 't2-1', constantSet: 'hoffmann' } }] }),
    ).toThrow(/not one of model t2-1/);
    expect(() => parsePresets({ presets: [base, base] })).toThrow(/duplicate/);
    expect(() => parsePresets({ presets: [{ ...base, id: 'Bad Id' }] })).toThrow(/id must be/);
  });
});
