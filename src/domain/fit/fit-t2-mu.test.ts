import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { createRng } from '../random';
import { fitT2Mu, muObjective, muOfLoss, type MuConstants } from './fit-t2-mu';
import { gradientError } from './gradient-check.test-helper';

const losses = Array.from({ length: 30 }, (_, i) => 1.2 + (i * 4) / 29);

describe('fitT2Mu: μ(L̂) at k = 1 (laws.md §2; chance floor of §8)', () => {
  it('has an analytic gradient that matches finite differences, with and without a floor', () => {
    const acc = Float64Array.from(losses, (L) => 0.7 / (1 + Math.exp(1.5 * (L - 3))));
    for (const floor of [0, 0.25]) {
      const f = muObjective(Float64Array.from(losses), acc, floor);
      expect(gradientError(f, [2.5, 0.3, 0.4], 1e-6)).toBeLessThan(1e-6);
      expect(gradientError(f, [3.5, -0.5, -1], 1e-6)).toBeLessThan(1e-6);
    }
  });

  for (const truth of [
    { theta0: 3, theta1: 1.8, theta2: 0.75, floor: 0 },
    { theta0: 2.6, theta1: 2.5, theta2: 0.9, floor: 0.25 },
  ] satisfies MuConstants[]) {
    it(`recovers θ0 = ${truth.theta0}, θ1 = ${truth.theta1}, θ2 = ${truth.theta2} (floor ${truth.floor}) from noisy accuracies`, () => {
      const rng = createRng(5);
      const points = losses.map((loss) => ({ loss, accuracy: Math.min(1, Math.max(0, muOfLoss(truth, loss) + 0.005 * rng.normal())) }));
      const fit = fitT2Mu(points, { floor: truth.floor });
      expect(fit.constants.floor).toBe(truth.floor);
      expect(Math.abs(fit.constants.theta0 - truth.theta0)).toBeLessThan(0.08);
      expect(Math.abs(fit.constants.theta1 - truth.theta1) / truth.theta1).toBeLessThan(0.1);
      expect(Math.abs(fit.constants.theta2 - truth.theta2)).toBeLessThan(0.03);
      for (const L of losses) expect(muOfLoss(fit.constants, L)).toBeGreaterThanOrEqual(truth.floor);
    });
  }

  it('rejects bad input with a DomainError', () => {
    const ok = losses.slice(0, 5).map((loss) => ({ loss, accuracy: 0.3 }));
    expect(() => fitT2Mu(ok.slice(0, 3))).toThrow(DomainError);
    expect(() => fitT2Mu([...ok, { loss: 2, accuracy: 1.2 }])).toThrow(DomainError);
    expect(() => fitT2Mu([...ok, { loss: -1, accuracy: 0.2 }])).toThrow(DomainError);
    expect(() => fitT2Mu(ok, { floor: 1 })).toThrow(DomainError);
  });
});
