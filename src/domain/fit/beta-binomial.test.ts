import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { createRng, type Rng } from '../random';
import {
  betaBinomialLogLik,
  betaBinomialLogPmf,
  digammaShift,
  fitBetaBinomial,
  fitT2BetaBinomial,
  poolCounts,
  prepareLossCountGroups,
  t2BetaBinomialObjective,
  type SampleCount,
  type T2Thetas,
} from './beta-binomial';
import { digamma } from './digamma';
import { gradientError } from './gradient-check.test-helper';

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3,
    c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal(),
      v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - rng.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
const betaDraw = (rng: Rng, a: number, b: number) => {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
};
function drawCounts(rng: Rng, a: number, b: number, questions: number, n: number): SampleCount[] {
  return Array.from({ length: questions }, () => {
    const p = betaDraw(rng, a, b);
    let c = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) c++;
    return { n, c };
  });
}

describe('beta-binomial log-likelihood (laws.md §8)', () => {
  it('is a probability mass function that sums to 1 and matches the closed form at a = b = 1 (uniform: 1/(n+1))', () => {
    for (const [a, b] of [
      [0.3, 2],
      [2.5, 0.7],
      [1, 1],
    ] as const) {
      let s = 0;
      for (let c = 0; c <= 20; c++) s += Math.exp(betaBinomialLogPmf(20, c, a, b));
      expect(s).toBeCloseTo(1, 10);
    }
    expect(Math.exp(betaBinomialLogPmf(9, 4, 1, 1))).toBeCloseTo(0.1, 12);
  });

  it('has analytic derivatives that match finite differences', () => {
    const p = poolCounts([
      { n: 50, c: 3 },
      { n: 50, c: 0 },
      { n: 1000, c: 999 },
      { n: 7, c: 7 },
      { n: 50, c: 3 },
    ]);
    for (const [a, b] of [
      [0.2, 3],
      [4, 0.5],
    ] as const) {
      const h = 1e-6;
      const r = betaBinomialLogLik(p, a, b);
      const dA = (betaBinomialLogLik(p, a + h, b).value - betaBinomialLogLik(p, a - h, b).value) / (2 * h);
      const dB = (betaBinomialLogLik(p, a, b + h).value - betaBinomialLogLik(p, a, b - h).value) / (2 * h);
      expect(Math.abs(r.dA - dA) / Math.max(1, Math.abs(dA))).toBeLessThan(1e-6);
      expect(Math.abs(r.dB - dB) / Math.max(1, Math.abs(dB))).toBeLessThan(1e-6);
    }
  });

  it('keeps its digits for a concentrated Beta (a + b ~ 1e15–1e20): tends to the binomial, and agrees with the pmf', () => {
    const logBinom = (n: number, c: number, p: number) => {
      let lc = 0;
      for (let i = 1; i <= c; i++) lc += Math.log((n - c + i) / i);
      return lc + c * Math.log(p) + (n - c) * Math.log1p(-p);
    };
    for (const nu of [1e15, 1e20]) {
      expect(betaBinomialLogPmf(50, 20, 0.3 * nu, 0.7 * nu)).toBeCloseTo(logBinom(50, 20, 0.3), 6);
      const pooled = poolCounts([
        { n: 50, c: 20 },
        { n: 1000, c: 0 },
      ]);
      const want = betaBinomialLogPmf(50, 20, 1e-3 * nu, nu) + betaBinomialLogPmf(1000, 0, 1e-3 * nu, nu);
      const logChoose5020 = logBinom(50, 20, 0.5) - 50 * Math.log(0.5);
      expect(betaBinomialLogLik(pooled, 1e-3 * nu, nu).value).toBeCloseTo(want - logChoose5020, 6);
    }
  });

  it('digammaShift equals the plain difference where that is accurate and stays finite and positive for huge x', () => {
    for (const [x, s] of [
      [0.3, 5],
      [12, 7],
      [150, 1000],
      [2e3, 0.5],
    ] as const)
      expect(digammaShift(x, s)).toBeCloseTo(digamma(x + s) - digamma(x), 10);
    expect(digammaShift(1e20, 5)).toBeCloseTo(5e-20, 30);
  });

  it('pools equal counts with their weight and rejects invalid counts with a DomainError', () => {
    const p = poolCounts([
      { n: 10, c: 2 },
      { n: 10, c: 2 },
      { n: 5, c: 0 },
    ]);
    expect(Array.from(p.weight)).toEqual([1, 2]);
    expect(p.questions).toBe(3);
    expect(() => poolCounts([{ n: 10, c: 11 }])).toThrow(DomainError);
    expect(() => poolCounts([{ n: 0, c: 0 }])).toThrow(DomainError);
    expect(() => poolCounts([{ n: 2.5, c: 1 }])).toThrow(DomainError);
    expect(() => betaBinomialLogPmf(10, 2, -1, 1)).toThrow(DomainError);
  });
});

describe('fitBetaBinomial: maximum-likelihood Beta(a, b) from synthetic counts with known a, b', () => {
  for (const [a, b] of [
    [0.5, 2],
    [0.08, 3],
    [3, 1.5],
  ] as const) {
    it(`recovers a = ${a}, b = ${b} from 4,000 questions × 64 samples`, () => {
      const fit = fitBetaBinomial(drawCounts(createRng(7), a, b, 4000, 64));
      expect(fit.converged).toBe(true);
      expect(Math.abs(Math.log(fit.a / a))).toBeLessThan(0.12);
      expect(Math.abs(Math.log(fit.b / b))).toBeLessThan(0.12);
      expect(fit.mu).toBeCloseTo(a / (a + b), 1);
    });
  }

  it('refuses counts that leave a, b unidentified (all wrong or all right)', () => {
    expect(() =>
      fitBetaBinomial([
        { n: 5, c: 0 },
        { n: 9, c: 0 },
      ]),
    ).toThrow(DomainError);
    expect(() => fitBetaBinomial([{ n: 5, c: 5 }])).toThrow(DomainError);
  });
});

describe('fitT2BetaBinomial: θ0…θ4 by maximum likelihood across checkpoints', () => {
  const truth: T2Thetas = { theta0: 2.5, theta1: 2, theta2: 0.8, theta3: 2, theta4: -0.6 };
  const muNu = (t: T2Thetas, L: number) => {
    const mu = t.theta2 / (1 + Math.exp(t.theta1 * (L - t.theta0)));
    return { mu, nu: Math.exp(t.theta3 + t.theta4 * L) };
  };
  const rng = createRng(11);
  const losses = Array.from({ length: 12 }, (_, i) => 1.2 + (i * 3) / 11);
  const groups = losses.map((loss) => {
    const { mu, nu } = muNu(truth, loss);
    return { loss, counts: drawCounts(rng, mu * nu, (1 - mu) * nu, 400, 100) };
  });

  it('has an analytic gradient that matches finite differences', () => {
    const f = t2BetaBinomialObjective(prepareLossCountGroups(groups));
    expect(gradientError(f, [2.2, 1.5, 0.8, 1.5, -0.4], 1e-6)).toBeLessThan(1e-5);
    expect(gradientError(f, [3, 0.7, -0.5, 0.5, 0.2], 1e-6)).toBeLessThan(1e-5);
  });

  it('recovers μ(L̂) and ν(L̂) across the loss range of the data', () => {
    const fit = fitT2BetaBinomial(groups);
    expect(fit.groups).toBe(12);
    expect(fit.questions).toBe(4800);
    for (const L of [1.5, 2.5, 3.5]) {
      const got = muNu(fit.thetas, L),
        want = muNu(truth, L);
      expect(Math.abs(got.mu - want.mu)).toBeLessThan(0.03);
      expect(Math.abs(Math.log(got.nu / want.nu))).toBeLessThan(0.25);
    }
  });

  it('is deterministic for a seed and rejects bad input', () => {
    const a = fitT2BetaBinomial(groups.slice(0, 6), { starts: 4, seed: 3 });
    const b = fitT2BetaBinomial(groups.slice(0, 6), { starts: 4, seed: 3 });
    expect(a.thetas).toEqual(b.thetas);
    expect(() => fitT2BetaBinomial(groups.slice(0, 2))).toThrow(DomainError);
    expect(() => fitT2BetaBinomial([...groups.slice(0, 3), { loss: Number.NaN, counts: [{ n: 3, c: 1 }] }])).toThrow(
      DomainError,
    );
  });
});
