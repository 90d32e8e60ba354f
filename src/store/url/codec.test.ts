import { GPU_IDS } from '../../domain/cost/hardware';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scenario } from '../../domain/scenario';
import { decodeScenario, encodeScenario, formatUrlNumber } from './codec';
import { QUALITY_MODELS, SCENARIO_SCHEMA, defaultScenario, rangeOf } from './schema';
import { catalog, logIn, sets } from './scenario-arb.fixtures';

const defaults = defaultScenario(catalog.defaultId);

const scenarioArb = fc
  .record({
    qualityModel: fc.constantFrom(...QUALITY_MODELS),
    setIndex: fc.nat(),
    params: logIn('params'),
    tokens: logIn('tokens'),
    samples: logIn('samples'),
    trainFlops: logIn('trainFlops'),
    inferenceFlops: logIn('inferenceFlops'),
    tokensServed: logIn('tokensServed'),
    targetQuality: fc.double({ min: 0, max: 100, noNaN: true }),
    trainGpu: fc.constantFrom(...GPU_IDS),
    serveGpu: fc.constantFrom(...GPU_IDS),
    trainPrice: fc.double({ min: 0, max: 1000, noNaN: true }),
    servePrice: fc.double({ min: 0, max: 1000, noNaN: true }),
    trainMfu: fc.double({ min: 0.01, max: 1, noNaN: true }),
    decodeModel: fc.constantFrom('roofline' as const, 'mfu' as const),
    costUnits: fc.constantFrom('flops' as const, 'usd' as const),
  })
  .map(({ setIndex, ...rest }): Scenario => {
    const ids = sets[rest.qualityModel];
    return { ...rest, constantSet: ids[setIndex % ids.length] as string };
  });

describe('URL codec', () => {
  it('round-trips every valid scenario exactly, with no issues', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { scenario, issues } = decodeScenario(encodeScenario(s, catalog), catalog);
        expect(issues).toEqual([]);
        expect(scenario).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('omits defaults: the default scenario is the empty query', () => {
    expect(encodeScenario(defaults, catalog)).toBe('');
    expect(encodeScenario({ ...defaults, params: 7e9 }, catalog)).toBe('v=1&n=7e9');
  });

  it('writes numbers in their shortest exact form', () => {
    expect(formatUrlNumber(2.56e19)).toBe('2.56e19');
    expect(formatUrlNumber(100)).toBe('100');
    expect(formatUrlNumber(1e-7)).toBe('1e-7');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(formatUrlNumber(x)) === x).toBe(true); // −0 reads back as 0, equal by ===
      }),
    );
  });

  it('keeps decoding frozen v=1 links', () => {
    const frozen: [string, Partial<Scenario>][] = [
      ['', {}],
      ['?v=1&n=7e9&d=1.4e12&ct=5.88e22', { params: 7e9, tokens: 1.4e12, trainFlops: 5.88e22 }],
      [
        '?v=1&m=chinchilla&c=besiroglu&n=7e10&d=1.4e12',
        { qualityModel: 'chinchilla', constantSet: 'besiroglu', params: 7e10, tokens: 1.4e12 },
      ],
      [
        '?v=1&m=lifetime&t=2e12&q=1.947&k=1',
        { qualityModel: 'lifetime', constantSet: 'sardana', tokensServed: 2e12, targetQuality: 1.947, samples: 1 },
      ],
      [
        '?v=1&m=t2-2&ci=1.4e11&ct=1e25&k=27',
        {
          qualityModel: 't2-2',
          constantSet: 't2a2-illustrative',
          inferenceFlops: 1.4e11,
          trainFlops: 1e25,
          samples: 27,
        },
      ],
    ];
    for (const [url, expected] of frozen) {
      const { scenario, issues } = decodeScenario(url, catalog);
      expect(issues, url).toEqual([]);
      expect(scenario, url).toEqual({
        ...defaults,
        ...(expected.qualityModel ? { constantSet: catalog.defaultId(expected.qualityModel) } : {}),
        ...expected,
      });
    }
  });

  it('clamps out-of-range numbers and names each one', () => {
    const { scenario, issues } = decodeScenario('v=1&n=1e30&k=0.5&ct=-3', catalog);
    expect(scenario.params).toBe(rangeOf('params').max);
    expect(scenario.samples).toBe(1);
    expect(scenario.trainFlops).toBe(rangeOf('trainFlops').min);
    expect(issues.map((i) => [i.key, i.kind])).toEqual([
      ['n', 'clamped'],
      ['k', 'clamped'],
      ['ct', 'clamped'],
    ]);
    expect(issues[0]?.message).toContain('Parameters (N)');
  });

  it('drops bad numbers, bad enums, unknown keys and foreign constant sets, never throwing', () => {
    const { scenario, issues } = decodeScenario('?v=7&n=abc&d=Infinity&m=gpt5&c=nope&zz=1&k=NaN&k=3', catalog);
    expect(scenario).toEqual({ ...defaults, samples: 3 });
    const byKey = issues.map((i) => `${i.key}:${i.kind}`).sort();
    expect(byKey).toEqual(
      [
        'c:invalid',
        'd:invalid',
        'k:invalid',
        'k:repeated',
        'm:invalid',
        'n:invalid',
        'v:version',
        'zz:unknown-key',
      ].sort(),
    );
  });

  it("leaves other features' keys (presenter mode) alone: not read, not reported", () => {
    const { scenario, issues } = decodeScenario('hide=params,tokens&lock=n&big=1&n=7e9', catalog);
    expect(issues).toEqual([]);
    expect(scenario).toEqual({ ...defaults, params: 7e9 });
  });

  it('checks the constant set against the decoded quality model', () => {
    const { scenario, issues } = decodeScenario('m=chinchilla&c=t2a1-illustrative', catalog);
    expect(scenario.constantSet).toBe('hoffmann-rounded');
    expect(issues).toHaveLength(1);
  });

  it('never produces a scenario outside the schema, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SCENARIO_SCHEMA.map((s) => s.key), 'v', 'x'), fc.string())),
        (pairs) => {
          const q = new URLSearchParams(pairs).toString();
          const { scenario } = decodeScenario(q, catalog);
          for (const spec of SCENARIO_SCHEMA) {
            const v = scenario[spec.field];
            if (spec.type.kind === 'log' || spec.type.kind === 'linear') {
              expect(Number.isFinite(v)).toBe(true);
              expect(v as number).toBeGreaterThanOrEqual(spec.type.min);
              expect(v as number).toBeLessThanOrEqual(spec.type.max);
            }
          }
          expect(sets[scenario.qualityModel]).toContain(scenario.constantSet);
        },
      ),
    );
  });
});
