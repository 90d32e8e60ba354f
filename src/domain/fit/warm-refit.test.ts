import { describe, expect, it } from 'vitest';
import { syntheticT2Approach1Points, syntheticT2Approach2Points } from './synthetic';
import { warmRefitT2Approach1, warmRefitT2Approach2 } from './warm-refit';

const a1 = { E: 1.2, A: 400, B: 900, G: 2, alpha: 0.34, beta: 0.28, gamma: 0.5 };
const a2 = {
  E: 1.69,
  A: 406.4,
  B: 410.7,
  alpha: 0.34,
  beta: 0.28,
  theta0: 2,
  theta1: 1.5,
  theta2: 0.6,
  theta3: 0.2,
  theta4: -0.1,
};

describe('warm-started T² refits', () => {
  it('Approach 1 from nearby constants returns to the generating law on noiseless data', () => {
    const pts = syntheticT2Approach1Points(a1, 30, [1, 4, 16, 64], 3, 0);
    const r = warmRefitT2Approach1(pts, { ...a1, alpha: 0.4, beta: 0.25, gamma: 0.45 });
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.constants.alpha).toBeCloseTo(a1.alpha, 2);
    expect(r.constants.gamma).toBeCloseTo(a1.gamma, 2);
  });
  it('Approach 2 keeps the stage-1 constants and recovers θ on noiseless data', () => {
    const pts = syntheticT2Approach2Points(a2, 30, [1, 4, 16, 64], 5, 0);
    const stage1 = { E: a2.E, A: a2.A, B: a2.B, alpha: a2.alpha, beta: a2.beta };
    const r = warmRefitT2Approach2(pts, stage1, { ...a2, theta0: 1.7, theta1: 1.3 });
    expect(r.constants.E).toBe(a2.E);
    expect(r.constants.theta0).toBeCloseTo(a2.theta0, 1);
    expect(r.constants.theta1).toBeCloseTo(a2.theta1, 1);
  });
});
