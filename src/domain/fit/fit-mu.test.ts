import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fitMu, muObjective, muOfLoss, type MuConstants } from './fit-mu';
import { gradientError } from './gradient-check.test-helper';

const grid = (c: MuConstants, lo = 2, hi = 6, n = 30) =>
  Array.from({ length: n }, (_, i) => {
    const loss = lo + ((hi - lo) * i) / (n - 1);
    return { loss, accuracy: muOfLoss(c, loss) };
  });

describe('muOfLoss', () => {
  it('runs from θ2 at low loss to the floor at high loss, through the midpoint at θ0', () => {
    const c = { theta0: 3, theta1: 2, theta2: 0.8, floor: 0.25 };
    expect(muOfLoss(c, 3)).toBeCloseTo(0.25 + 0.55 / 2, 12);
    expect(muOfLoss(c, -50)).toBeCloseTo(0.8, 12);
    expect(muOfLoss(c, 50)).toBeCloseTo(0.25, 12);
    expect(muOfLoss({ ...c, floor: 0 }, 3)).toBeCloseTo(0.4, 12);
  });
});

describe('muObjective', () => {
  it('has the analytic gradient (central differences)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.constantFrom(0, 0.25, 0.5),
        (t0, t1, u, floor) => {
          const pts = grid({ theta0: 3.3, theta1: 1.7, theta2: 0.7 + 0.3 * floor, floor }, 2, 6, 12);
          const f = muObjective(
            Float64Array.from(pts, (p) => p.loss),
            Float64Array.from(pts, (p) => p.accuracy + 0.01 * Math.sin(p.loss * 7)),
            floor,
          );
          expect(gradientError(f, [t0, t1, u])).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('fitMu', () => {
  it('recovers the constants of noiseless data, with and without a floor', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2.8, max: 4.2, noNaN: true }),
        fc.double({ min: 0.8, max: 4, noNaN: true }),
        fc.double({ min: 0.55, max: 0.95, noNaN: true }),
        fc.constantFrom(0, 0.25, 0.5),
        (theta0, theta1, theta2, floor) => {
          const truth = { theta0, theta1, theta2, floor };
          const fit = fitMu(grid(truth), { floor });
          expect(fit.constants.floor).toBe(floor);
          expect(fit.constants.theta0).toBeCloseTo(theta0, 4);
          expect(fit.constants.theta1).toBeCloseTo(theta1, 4);
          expect(fit.constants.theta2).toBeCloseTo(theta2, 4);
          expect(fit.objective).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a floored task fitted without the floor fits worse than with it', () => {
    const pts = grid({ theta0: 3.5, theta1: 2.5, theta2: 0.8, floor: 0.25 });
    const floored = fitMu(pts, { floor: 0.25 });
    const plain = fitMu(pts, { floor: 0 });
    expect(floored.objective).toBeLessThan(1e-12);
    expect(plain.objective).toBeGreaterThan(1e-4);
  });

  it('is deterministic and warm-starts from given constants', () => {
    const pts = grid({ theta0: 3, theta1: 1.5, theta2: 0.7, floor: 0 }).map((p, i) => ({
      ...p,
      accuracy: Math.min(1, Math.max(0, p.accuracy + 0.02 * Math.cos(i))),
    }));
    const a = fitMu(pts),
      b = fitMu(pts);
    expect(a).toEqual(b);
    const warm = fitMu(pts, { initial: [a.constants] });
    expect(warm.starts).toBe(1);
    expect(warm.objective).toBeCloseTo(a.objective, 12);
  });

  it('rejects bad input with a DomainError', () => {
    const ok = grid({ theta0: 3, theta1: 1, theta2: 0.7, floor: 0 });
    expect(() => fitMu(ok.slice(0, 3))).toThrow(DomainError);
    expect(() => fitMu([...ok, { loss: Number.NaN, accuracy: 0.5 }])).toThrow(/loss/);
    expect(() => fitMu([...ok, { loss: 3, accuracy: 1.2 }])).toThrow(/accuracy/);
    expect(() => fitMu(ok, { floor: 1 })).toThrow(/floor/);
    expect(() => fitMu(ok, { floor: -0.1 })).toThrow(DomainError);
  });
});
