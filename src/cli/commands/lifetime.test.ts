import { describe, expect, it } from 'vitest';
import { badLine, okJson } from '../test-helpers';

describe('lifetime-optimum', () => {
  it('reproduces the Sardana et al. check (laws.md §4)', () => {
    const o = okJson('lifetime-optimum --constants sardana --loss 1.947 --inference-tokens 2T');
    expect(o.params as number).toBeCloseTo(2.418e10, -8);
    expect(o.tokens as number).toBeCloseTo(2.657e12, -10);
    expect((o.paramsRatio as number) * 100).toBeCloseTo(70.96, 1);
    expect((o.tokensRatio as number) * 100).toBeCloseTo(146.77, 1);
    expect((o.flopsRatio as number) * 100).toBeCloseTo(95.22, 1);
  });

  it('prints every key of the spec, consistent with compute accounting', () => {
    const o = okJson('lifetime-optimum --constants sardana --loss 2 --inference-tokens 1e12 --samples 4');
    expect(Object.keys(o).sort()).toEqual(
      [
        'chinchilla',
        'flopsRatio',
        'inferenceFlops',
        'params',
        'paramsRatio',
        'tokens',
        'tokensRatio',
        'totalFlops',
        'trainingFlops',
      ].sort(),
    );
    const [n, d] = [o.params as number, o.tokens as number];
    expect((o.trainingFlops as number) / (6 * n * d)).toBeCloseTo(1, 10);
    expect((o.inferenceFlops as number) / (2 * n * 4 * 1e12)).toBeCloseTo(1, 10);
    const ch = o.chinchilla as Record<string, number>;
    expect(Object.keys(ch).sort()).toEqual(['params', 'tokens', 'totalFlops']);
    expect(o.paramsRatio as number).toBeCloseTo(n / ch.params!, 10);
    // k multiplies the tokens served: --samples 4 with 1e12 tokens is the same optimum as 4e12 tokens at k = 1.
    const same = okJson('lifetime-optimum --constants sardana --loss 2 --inference-tokens 4e12');
    expect((same.params as number) / n).toBeCloseTo(1, 6);
  });

  it('is the Chinchilla-style model when nothing is served', () => {
    const o = okJson('lifetime-optimum --constants hoffmann-rounded --loss 2 --inference-tokens 0');
    expect(o.paramsRatio as number).toBeCloseTo(1, 4);
    expect(o.flopsRatio as number).toBeCloseTo(1, 6);
  });

  it('rejects an impossible target, a negative count and bad samples', () => {
    expect(badLine('lifetime-optimum --constants sardana --loss 1.6 --inference-tokens 2T')).toMatch(
      /^lifetime-optimum: target loss 1.6 nats is unreachable/,
    );
    expect(badLine('lifetime-optimum --constants sardana --loss 2 --inference-tokens -2T')).toBe(
      'lifetime-optimum: --inference-tokens must not be negative (got -2T)',
    );
    expect(badLine('lifetime-optimum --constants sardana --loss 2 --inference-tokens 2T --samples 0')).toBe(
      'lifetime-optimum: --samples must be positive (got 0)',
    );
    expect(badLine('lifetime-optimum --constants sardana --inference-tokens 2T')).toBe(
      'lifetime-optimum: missing required flag --loss',
    );
  });
});
