import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, clampField } from './linked';
import { defaultScenario, rangeOf } from './url/schema';

const base = defaultScenario(() => 'set');
const inRange = (field: 'params' | 'tokens' | 'samples', v: number) => {
  const { min, max } = rangeOf(field);
  return v >= min && v <= max;
};

describe('linked mode', () => {
  it('moving N keeps 6ND = C_train and 2Nk = C_inf whenever D and k stay in range', () => {
    fc.assert(
      fc.property(fc.double({ min: 6, max: 13, noNaN: true }), (e) => {
        const n = 10 ** e;
        const s = applyChange(base, 'params', n, true);
        fc.pre(inRange('tokens', base.trainFlops / (6 * n)) && inRange('samples', base.inferenceFlops / (2 * n)));
        expect((6 * s.params * s.tokens) / s.trainFlops).toBeCloseTo(1, 12);
        expect((2 * s.params * s.samples) / s.inferenceFlops).toBeCloseTo(1, 12);
      }),
    );
  });

  it('moving D moves N along the isoFLOP line and k along the inference budget', () => {
    const s = applyChange(base, 'tokens', 4e11, true);
    expect(s.params).toBeCloseTo(base.trainFlops / (6 * 4e11), 6);
    expect(2 * s.params * s.samples).toBeCloseTo(base.inferenceFlops, 0);
  });

  it('moving k moves N and D', () => {
    const s = applyChange(base, 'samples', 100, true);
    expect(s.params).toBeCloseTo(1e7, 3);
    expect(6 * s.params * s.tokens).toBeCloseTo(base.trainFlops, -6);
  });

  it('moving a budget keeps N', () => {
    const s = applyChange(base, 'trainFlops', 1e21, true);
    expect(s.params).toBe(base.params);
    expect(s.tokens).toBeCloseTo(1e21 / (6 * base.params), 0);
  });

  it('unlinked changes touch one field only, clamped', () => {
    const s = applyChange(base, 'params', 1e20, false);
    expect(s).toEqual({ ...base, params: rangeOf('params').max });
    expect(applyChange(base, 'params', Number.NaN, true)).toBe(base);
  });

  it('k never goes below 1 (the design leaves the inference budget instead)', () => {
    const s = applyChange(base, 'params', 1e12, true);
    expect(s.samples).toBe(1);
    expect(clampField('samples', 0.2)).toBe(1);
  });
});
