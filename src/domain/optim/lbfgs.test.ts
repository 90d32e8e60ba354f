import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lbfgs, LbfgsWorkspace, type ObjectiveWithGradient } from './lbfgs';

const rosenbrock: ObjectiveWithGradient = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1]! - x[i]! ** 2;
    const b = 1 - x[i]!;
    f += 100 * a * a + b * b;
    g[i]! += -400 * x[i]! * a - 2 * b;
    g[i + 1]! += 200 * a;
  }
  return f;
};

describe('lbfgs', () => {
  it('minimises the Rosenbrock function in 2 and 10 dimensions', () => {
    for (const n of [2, 10]) {
      const r = lbfgs(
        rosenbrock,
        Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1.2)),
        { maxIterations: 2000 },
      );
      expect(r.converged).toBe(true);
      for (const v of r.x) expect(v).toBeCloseTo(1, 5);
      expect(r.value).toBeLessThan(1e-10);
    }
  });

  it('solves a random strictly convex quadratic to its exact minimiser (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.integer(),
        (diag, shift) => {
          const n = diag.length;
          const target = diag.map((_, i) => ((shift + i * 7) % 13) - 6);
          // f = ½ Σ_i diag_i (x_i − t_i)² + ½ (Σ x − Σ t)²: coupled, condition number up to ~1e3.
          const f: ObjectiveWithGradient = (x, g) => {
            let c = 0;
            for (let i = 0; i < n; i++) c += x[i]! - target[i]!;
            let v = 0.5 * c * c;
            for (let i = 0; i < n; i++) {
              const e = x[i]! - target[i]!;
              v += 0.5 * diag[i]! * e * e;
              g[i] = diag[i]! * e + c;
            }
            return v;
          };
          const r = lbfgs(f, new Float64Array(n), {
            maxIterations: 500,
            functionTolerance: 0,
            gradientTolerance: 1e-10,
          });
          for (let i = 0; i < n; i++) expect(r.x[i]!).toBeCloseTo(target[i]!, 6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is deterministic, and a reused workspace changes nothing', () => {
    const ws = new LbfgsWorkspace(3, 10);
    const a = lbfgs(rosenbrock, [-1, 2, 0.5], {}, ws);
    lbfgs(rosenbrock, [3, -3, 3], {}, ws);
    const b = lbfgs(rosenbrock, [-1, 2, 0.5], {}, ws);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(b.evaluations).toBe(a.evaluations);
  });

  it('backs off from steps where the objective is not finite', () => {
    // f = x − ln x on x > 0 (minimum at 1); +∞ outside the domain.
    const f: ObjectiveWithGradient = (x, g) => {
      g[0] = 1 - 1 / x[0]!;
      return x[0]! > 0 ? x[0]! - Math.log(x[0]!) : Number.POSITIVE_INFINITY;
    };
    const r = lbfgs(f, [0.01]);
    expect(r.x[0]).toBeCloseTo(1, 6);
  });

  it('stops at the iteration cap and says so', () => {
    const r = lbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.iterations).toBe(3);
    expect(r.stop).toBe('max-iterations');
    expect(r.converged).toBe(false);
  });
});
