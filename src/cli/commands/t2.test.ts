import { describe, expect, it } from 'vitest';
import { getT2Approach1Set, getT2Approach2Set } from '../../domain/t2-sets';
import { t2Loss } from '../../domain/t2-approach1';
import { t2Accuracy } from '../../domain/t2-approach2';
import { badLine, okJson } from '../test-helpers';
import bimodal from '../../domain/testing-bimodal-chain.json';

const line = (approach: number, constants: string, train = '1e21', inference = '2e9') =>
  `t2-optimum --approach ${approach} --constants ${constants} --train-flops ${train} --inference-flops ${inference}`;

describe('t2-optimum', () => {
  it.each([
    [1, '1e19', '2e9'],
    [1, '1e25', '1.4e11'],
    [2, '2.56e19', '2e9'],
    [2, '1e23', '1e11'],
  ])(
    'Approach %d at C_train %s, C_inf %s: both budgets bind, k ≥ 1, and no design on a dense grid does better',
    (approach, train, inference) => {
      const o = okJson(line(approach, 't2-illustrative', train, inference)) as Record<string, number>;
      expect(Object.keys(o).sort()).toEqual(['params', 'samples', 'tokens', 'tokensPerParam', 'value']);
      const [ct, ci] = [Number(train), Number(inference)];
      expect((6 * o.params! * o.tokens!) / ct).toBeCloseTo(1, 8);
      expect((2 * o.params! * o.samples!) / ci).toBeCloseTo(1, 8);
      expect(o.samples!).toBeGreaterThanOrEqual(1 - 1e-12);
      expect(o.tokensPerParam!).toBeCloseTo(o.tokens! / o.params!, 6);
      const quality = (n: number) => {
        const d = ct / (6 * n);
        const k = ci / (2 * n);
        return approach === 1
          ? t2Loss(getT2Approach1Set('t2-illustrative')!.constants, n, d, k)
          : -t2Accuracy(getT2Approach2Set('t2-illustrative')!.constants, n, d, k);
      };
      const best = approach === 1 ? o.value! : -o.value!;
      const maxLogN = Math.log(ci / 2);
      for (let i = 0; i <= 2000; i++) {
        const n = Math.exp((maxLogN * i) / 2000);
        expect(quality(n)).toBeGreaterThanOrEqual(best - 1e-9 * Math.abs(best));
      }
    },
  );

  it('accuracy stays within [0, 1] for Approach 2', () => {
    const v = okJson(line(2, 't2-illustrative')).value as number;
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThanOrEqual(1);
  });

  it('takes a JSON file with the same result as the named set', () => {
    const files = {
      'a1.json': JSON.stringify(getT2Approach1Set('t2-illustrative')!.constants),
      'a2.json': JSON.stringify({
        constants: getT2Approach2Set('t2-illustrative')!.constants,
        note: 'extra keys are ignored',
      }),
    };
    expect(okJson(line(1, 'a1.json'), files)).toEqual(okJson(line(1, 't2-illustrative')));
    expect(okJson(line(2, 'a2.json'), files)).toEqual(okJson(line(2, 't2-illustrative')));
  });

  it('names a missing or non-numeric key of a constants file, and a file of the other approach', () => {
    const a1 = getT2Approach1Set('t2-illustrative')!.constants;
    const { gamma: _gamma, ...noGamma } = a1;
    const files = {
      'no-gamma.json': JSON.stringify(noGamma),
      'bad-g.json': JSON.stringify({ ...a1, G: 'five' }),
      'a1.json': JSON.stringify(a1),
      'a2.json': JSON.stringify(getT2Approach2Set('t2-illustrative')!.constants),
      'neg.json': JSON.stringify({ ...a1, gamma: -1 }),
    };
    expect(badLine(line(1, 'no-gamma.json'), files)).toBe(
      't2-optimum: --constants no-gamma.json: missing key "gamma" (expected E, A, B, alpha, beta, G, gamma)',
    );
    expect(badLine(line(1, 'bad-g.json'), files)).toBe(
      't2-optimum: --constants bad-g.json: key "G" must be a finite number (got "five")',
    );
    expect(badLine(line(2, 'a1.json'), files)).toMatch(/look like T² Approach 1 constants .*use --approach 1/);
    expect(badLine(line(1, 'a2.json'), files)).toMatch(/look like T² Approach 2 constants .*use --approach 2/);
    expect(badLine(line(1, 'neg.json'), files)).toMatch(/^t2-optimum: T² Approach 1 constant gamma must be positive/);
  });

  it('rejects a constants file with θ1 ≤ 0 (accuracy rising with NLL) with exit 2 (issue 11, 4b)', () => {
    const c = { ...getT2Approach2Set('t2-illustrative')!.constants, theta1: -0.6 };
    expect(badLine(line(2, 'neg-theta1.json'), { 'neg-theta1.json': JSON.stringify(c) })).toBe(
      't2-optimum: T² Approach 2 constant theta1 must be positive: accuracy falls as the task NLL rises (got -0.6)',
    );
  });

  it('returns the global optimum of a bimodal set (t2-testbed-chain at 1e12 / 1e10; issue 11, item 3)', () => {
    const o = okJson(line(2, 'bimodal.json', '1e12', '1e10'), { 'bimodal.json': JSON.stringify(bimodal) }) as Record<
      string,
      number
    >;
    expect(o.value).toBeGreaterThan(0.95); // the other local maximum, N ≈ 1.15e5, gives 0.876
    expect(o.params).toBeLessThan(1.3e4);
  });

  it('rejects a wrong approach, a Chinchilla set, an unknown set and impossible budgets', () => {
    expect(badLine(line(3, 't2-illustrative'))).toBe('t2-optimum: --approach must be 1 or 2 (got 3)');
    expect(badLine(line(0, 't2-illustrative'))).toMatch(/^t2-optimum: --approach must be a whole number ≥ 1/);
    expect(badLine(line(1, 'hoffmann'))).toMatch(/"hoffmann" is a Chinchilla set; t2-optimum needs a T² set/);
    expect(badLine(line(2, 'nope'))).toMatch(
      /unknown T² constant set "nope" \(known for Approach 2: [^)]*t2-illustrative/,
    );
    expect(badLine(line(1, 't2-illustrative', '1e21', '1'))).toMatch(
      /^t2-optimum: inference budget 1 FLOPs per token cannot draw 1 sample/,
    );
    expect(badLine(line(1, 't2-illustrative', '-1e21'))).toBe('t2-optimum: --train-flops must be positive (got -1e21)');
    expect(badLine('t2-optimum --approach 1 --constants t2-illustrative --train-flops 1e21')).toBe(
      't2-optimum: missing required flag --inference-flops',
    );
  });
});
