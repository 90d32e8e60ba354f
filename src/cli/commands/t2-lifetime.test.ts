import { describe, expect, it } from 'vitest';
import { getT2Approach2Set } from '../../domain/t2-sets';
import { badLine, okJson, runLine } from '../test-helpers';

const line = (approach: number, constants: string, total = '1e23', served = '1T', extra = '') =>
  `t2-lifetime-optimum --approach ${approach} --constants ${constants} --lifetime-flops ${total} --tokens-served ${served} ${extra}`;

describe('t2-lifetime-optimum', () => {
  it.each([1, 2])('Approach %d spends the whole lifetime budget 6ND + 2NkT with k ≥ 1 (laws.md §0)', (approach) => {
    const o = okJson(line(approach, 't2-illustrative')) as Record<string, number>;
    expect(Object.keys(o).sort()).toEqual([
      'inferenceFlops',
      'params',
      'samples',
      'tokens',
      'tokensPerParam',
      'trainFlops',
      'trainFraction',
      'value',
    ]);
    expect((6 * o.params! * o.tokens! + 2 * o.params! * o.samples! * 1e12) / 1e23).toBeCloseTo(1, 9);
    expect(o.samples).toBeGreaterThanOrEqual(1);
    expect(o.trainFraction).toBeCloseTo(o.trainFlops! / 1e23, 9);
    expect(o.tokensPerParam).toBeCloseTo(o.tokens! / o.params!, 6);
  });

  it.each([1, 2])('Approach %d agrees with t2-optimum at the split it chooses (the two views agree)', (approach) => {
    const life = okJson(line(approach, 't2-illustrative', '3e21', '5e10')) as Record<string, number>;
    const two = okJson(
      `t2-optimum --approach ${approach} --constants t2-illustrative --train-flops ${life.trainFlops} --inference-flops ${life.inferenceFlops! / 5e10}`,
    ) as Record<string, number>;
    expect(two.value).toBeCloseTo(life.value!, 7);
    expect(two.params! / life.params!).toBeCloseTo(1, 3);
  });

  it('is no worse than the two-budget optimum at any split of the same lifetime budget', () => {
    const life = okJson(line(2, 't2-testbed-facts', '1e16', '1e4')) as Record<string, number>;
    for (const share of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const two = okJson(
        `t2-optimum --approach 2 --constants t2-testbed-facts --train-flops ${share * 1e16} --inference-flops ${((1 - share) * 1e16) / 1e4}`,
      );
      expect(life.value).toBeGreaterThanOrEqual((two.value as number) - 1e-9);
    }
  });

  it('honours --min-samples', () => {
    const o = okJson(line(2, 't2-illustrative', '1e22', '1e11', '--min-samples 4')) as Record<string, number>;
    expect(o.samples).toBeGreaterThanOrEqual(4 * (1 - 1e-12));
  });

  it('rejects a wrong approach, a missing flag, impossible budgets and θ1 ≤ 0 with exit 2', () => {
    expect(badLine(line(3, 't2-illustrative'))).toBe('t2-lifetime-optimum: --approach must be 1 or 2 (got 3)');
    expect(badLine('t2-lifetime-optimum --approach 1 --constants t2-illustrative --lifetime-flops 1e23')).toBe(
      't2-lifetime-optimum: missing required flag --tokens-served',
    );
    expect(badLine(line(1, 't2-illustrative', '1e10', '1e12'))).toMatch(
      /^t2-lifetime-optimum: lifetime budget 10000000000 FLOPs cannot serve/,
    );
    expect(badLine(line(1, 'hoffmann'))).toMatch(/is a Chinchilla set/);
    const bad = { ...getT2Approach2Set('t2-illustrative')!.constants, theta1: -1 };
    expect(badLine(line(2, 'bad.json'), { 'bad.json': JSON.stringify(bad) })).toMatch(/theta1 must be positive/);
  });

  it('documents itself in --help', () => {
    const r = runLine('t2-lifetime-optimum --help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--lifetime-flops C');
    expect(r.stdout).toContain('--tokens-served T');
    expect(r.stdout).toContain('trainFraction');
  });
});
