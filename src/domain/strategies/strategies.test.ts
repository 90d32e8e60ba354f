import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors';
import { betaPassAtK } from '../t2-approach2';
import { getT2Approach2Set } from '../t2-sets';
import { defaultConstantSet } from '../registry';
import { t2Optimum } from '../t2-optimum';
import { betaBinomialLogPmf } from './beta-binomial';
import { betaExpectation } from './beta-quadrature';
import { regularizedIncompleteBeta } from './incomplete-beta';
import { MAJORITY_EXACT_MAX_K, majorityVoteAccuracy, majorityVoteLimit, majorityWinAtP } from './majority';
import { strategyAccuracyFromBeta, strategyLimitFromBeta } from './accuracy';
import { strategyAccuracy, strategyOptimum } from './optimum';
import { decodeStrategy, defaultChoice, encodeStrategy, STRATEGIES, type StrategyChoice } from './registry';
import { verifierAccuracy, verifierLimit, verifierWinAtP } from './verifier';

const vote = (agreement: number): StrategyChoice => ({ id: 'vote', params: { agreement } });
const bok = (recall: number, falsePositive: number): StrategyChoice => ({
  id: 'verifier',
  params: { recall, falsePositive },
});
const oracle: StrategyChoice = { id: 'oracle', params: {} };

const arbMu = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const arbNu = fc.double({ min: 0.05, max: 200, noNaN: true });
const arbChoice = fc.oneof(
  fc.double({ min: 0.01, max: 1, noNaN: true }).map(vote),
  fc
    .tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.95, noNaN: true }))
    .map(([r, f]) => bok(r, f)),
);

describe('regularised incomplete Beta', () => {
  it('matches closed forms', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13);
    expect(regularizedIncompleteBeta(0.5, 3.7, 3.7)).toBeCloseTo(0.5, 13);
    // I_0.3(2, 3) = Σ_{j=2..4} C(4, j) 0.3^j 0.7^(4−j) = 0.3483
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 13);
  });
  it('rejects bad input', () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(DomainError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(DomainError);
  });
});

describe('beta-binomial', () => {
  it('sums to 1 with mean k·a/(a + b) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), arbMu, arbNu, (k, mu, nu) => {
        const lp = betaBinomialLogPmf(k, mu * nu, (1 - mu) * nu);
        let sum = 0;
        let mean = 0;
        lp.forEach((l, x) => {
          sum += Math.exp(l);
          mean += x * Math.exp(l);
        });
        return Math.abs(sum - 1) < 1e-9 && Math.abs(mean - k * mu) < 1e-7 * Math.max(1, k);
      }),
    );
  });
});

/** Brute force: enumerate (correct, distractor, singleton) counts and break plurality ties uniformly. */
function bruteMajority(p: number, k: number, s: number): number {
  let total = 0;
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  for (let x = 0; x <= k; x++) {
    for (let y = 0; x + y <= k; y++) {
      const z = k - x - y;
      const prob = (fact(k) / (fact(x) * fact(y) * fact(z))) * p ** x * ((1 - p) * s) ** y * ((1 - p) * (1 - s)) ** z;
      const counts = [x, y, ...Array<number>(z).fill(1)].filter((c) => c > 0);
      const top = Math.max(...counts);
      const tied = counts.filter((c) => c === top).length;
      if (x === top && x > 0) total += prob / tied;
    }
  }
  return total;
}

describe('majority voting (Wu et al. 2024 Theorem 1 limit; our agreement model)', () => {
  it('per question, equals a brute-force plurality count with random tie-breaks', () => {
    for (const p of [0.05, 0.3, 0.5, 0.8]) {
      for (const s of [0.1, 0.5, 1]) {
        for (let k = 1; k <= 8; k++) expect(majorityWinAtP(p, k, s)).toBeCloseTo(bruteMajority(p, k, s), 12);
      }
    }
  });
  it('binary answers, a = b = 1, k = 3: X uniform on 0…3, so P(X ≥ 2) = 1/2', () => {
    expect(majorityVoteAccuracy(1, 1, 3, 1, betaPassAtK(1, 1, 3))).toBeCloseTo(0.5, 12);
  });
  it('converges to its limit 1 − I_t(a, b), t = s/(1 + s), as k grows', () => {
    for (const [a, b, s] of [
      [3, 1, 0.3],
      [0.6, 1.4, 0.3],
      [2, 2, 1],
      [0.3, 5, 0.1],
    ] as const) {
      const limit = majorityVoteLimit(a, b, s);
      const atK = majorityVoteAccuracy(a, b, MAJORITY_EXACT_MAX_K, s, 1);
      expect(Math.abs(atK - limit)).toBeLessThan(0.02); // the exact sum at k = 128 is already near the limit
      expect(Math.abs(majorityVoteAccuracy(a, b, 1e7, s, 1) - limit)).toBeLessThan(1e-6);
    }
    // s = 1, a = b: half the questions have p > ½
    expect(majorityVoteLimit(2.5, 2.5, 1)).toBeCloseTo(0.5, 12);
  });
});

describe('best-of-k with an imperfect verifier (our accept/reject model)', () => {
  it('per question, equals brute-force enumeration of accepted and rejected samples', () => {
    const brute = (p: number, k: number, r: number, f: number): number => {
      // categories: accepted-correct α, accepted-wrong β, rejected-correct γ, rejected-wrong δ
      const al = p * r;
      const be = (1 - p) * f;
      const ga = p * (1 - r);
      const de = (1 - p) * (1 - f);
      const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
      let total = 0;
      for (let i = 0; i <= k; i++)
        for (let j = 0; i + j <= k; j++)
          for (let g = 0; i + j + g <= k; g++) {
            const d = k - i - j - g;
            const prob = (fact(k) / (fact(i) * fact(j) * fact(g) * fact(d))) * al ** i * be ** j * ga ** g * de ** d;
            total += prob * (i + j > 0 ? i / (i + j) : g / k);
          }
      return total;
    };
    for (const p of [0.1, 0.5, 0.9])
      for (const [r, f] of [
        [0.9, 0.1],
        [0.6, 0.3],
        [1, 0],
      ]) {
        for (let k = 1; k <= 6; k++)
          expect(verifierWinAtP(p, k, { recall: r, falsePositive: f })).toBeCloseTo(brute(p, k, r, f), 12);
      }
  });
  it('a perfect verifier (r = 1, f = 0) is pass@k (property)', () => {
    fc.assert(
      fc.property(arbMu, arbNu, fc.double({ min: 1, max: 1e4, noNaN: true }), (mu, nu, k) => {
        const a = mu * nu;
        const b = (1 - mu) * nu;
        return Math.abs(verifierAccuracy(a, b, k, { recall: 1, falsePositive: 0 }) - betaPassAtK(a, b, k)) < 1e-8;
      }),
      { numRuns: 60 },
    );
  });
  it('plateaus at the mean precision E[p·r/(p·r + (1 − p)·f)]', () => {
    const rates = { recall: 0.9, falsePositive: 0.1 };
    const limit = verifierLimit(0.6, 1.4, rates);
    expect(Math.abs(verifierAccuracy(0.6, 1.4, 1e6, rates) - limit)).toBeLessThan(1e-9);
    expect(limit).toBeLessThan(0.7); // far below pass@∞ = 1: the plateau
  });
  it('the quadrature agrees with a 10-fold finer rule (property)', () => {
    fc.assert(
      fc.property(
        arbMu,
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (mu, nu, k) => {
          const a = mu * nu;
          const b = (1 - mu) * nu;
          const f = (p: number) => verifierWinAtP(p, k, { recall: 0.8, falsePositive: 0.05 });
          return Math.abs(betaExpectation(a, b, f, Math.max(k, 16)) - betaExpectation(a, b, f, 1e30, 0.1)) < 1e-7;
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('every strategy (issue 15 checks)', () => {
  it('k = 1 equals pass@1 = μ (property)', () => {
    fc.assert(
      fc.property(
        arbChoice,
        arbMu,
        arbNu,
        (choice, mu, nu) => Math.abs(strategyAccuracyFromBeta(choice, mu, nu, 1) - mu) < 1e-9,
      ),
    );
  });
  it('pass@k bounds every strategy from above (property)', () => {
    fc.assert(
      fc.property(
        arbChoice,
        arbMu,
        arbNu,
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (choice, mu, nu, k) =>
          strategyAccuracyFromBeta(choice, mu, nu, k) <= strategyAccuracyFromBeta(oracle, mu, nu, k) + 1e-12,
      ),
      { numRuns: 150 },
    );
  });
  it('approaches its limit as k grows, and the limit is at most 1 (property)', () => {
    // f ≥ 0.01: with f = 0 the verifier is pass@k thinned by r, whose failure falls only as k^(−a) (laws.md §3)
    const limited = arbChoice.filter((c) => c.id !== 'verifier' || c.params.falsePositive! >= 0.01);
    fc.assert(
      fc.property(limited, arbMu, fc.double({ min: 0.2, max: 50, noNaN: true }), (choice, mu, nu) => {
        const limit = strategyLimitFromBeta(choice, mu, nu);
        return limit <= 1 && Math.abs(strategyAccuracyFromBeta(choice, mu, nu, 1e8) - limit) < 1e-5;
      }),
      { numRuns: 60 },
    );
  });
  it('degenerate Betas: ν → 0 gives μ, μ = 0 gives 0', () => {
    expect(strategyAccuracyFromBeta(vote(0.3), 0.4, 1e-12, 50)).toBe(0.4);
    expect(strategyAccuracyFromBeta(bok(0.9, 0.1), 0, 3, 50)).toBe(0);
    expect(strategyAccuracyFromBeta(bok(0.9, 0.1), 0.4, Number.POSITIVE_INFINITY, 1)).toBeCloseTo(0.4, 12);
  });
  it('never NaN on random input and refuses bad parameters', () => {
    fc.assert(
      fc.property(
        arbChoice,
        arbMu,
        fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 1e7, noNaN: true }),
        (c, mu, nu, k) => {
          const v = strategyAccuracyFromBeta(c, mu, nu, k);
          return v >= 0 && v <= 1;
        },
      ),
      { numRuns: 100 },
    );
    expect(() => strategyAccuracyFromBeta(vote(0), 0.3, 2, 5)).toThrow(DomainError);
    expect(() => strategyAccuracyFromBeta(bok(0.9, 1), 0.3, 2, 5)).toThrow(/false-positive/);
    expect(() => strategyAccuracyFromBeta({ id: 'nope' as 'oracle', params: {} }, 0.3, 2, 5)).toThrow(
      /unknown test-time strategy/,
    );
  });
});

describe('strategy optimum (two budgets, laws.md §0)', () => {
  const c = getT2Approach2Set(defaultConstantSet('t2-2'))!.constants;
  it('the oracle is exactly T² Approach 2', () => {
    expect(strategyOptimum(c, oracle, 2.56e19, 2e9)).toEqual(t2Optimum(2, c, 2.56e19, 2e9));
  });
  it('beats a brute-force grid over N for each strategy', () => {
    for (const choice of [vote(0.3), bok(0.9, 0.1)]) {
      const o = strategyOptimum(c, choice, 2.56e19, 2e9);
      let best = 0;
      for (let i = 0; i <= 600; i++) {
        const n = Math.exp((Math.log(1e9) * i) / 600);
        best = Math.max(best, strategyAccuracy(c, choice, n, 2.56e19 / (6 * n), Math.max(1, 2e9 / (2 * n))));
      }
      expect(o.value).toBeGreaterThanOrEqual(best - 1e-9);
      expect(o.value).toBeCloseTo(strategyAccuracy(c, choice, o.params, o.tokens, o.samples), 12);
    }
  });
  it('an imperfect verifier moves the optimum to a larger model with fewer samples at the T² setting', () => {
    const o = strategyOptimum(c, oracle, 2.56e19, 2e9);
    const v = strategyOptimum(c, bok(0.9, 0.1), 2.56e19, 2e9);
    const m = strategyOptimum(c, vote(0.3), 2.56e19, 2e9);
    expect(v.params).toBeGreaterThan(o.params * 1.2);
    expect(m.params).toBeGreaterThan(v.params);
    expect(m.samples).toBeLessThan(o.samples);
  });
});

describe('strategy registry and URL form', () => {
  it('round-trips every choice (property)', () => {
    fc.assert(
      fc.property(arbChoice, (choice) => {
        const d = decodeStrategy(encodeStrategy(choice));
        return d.ok && JSON.stringify(d.value) === JSON.stringify(choice) && d.warning === undefined;
      }),
    );
    for (const s of STRATEGIES)
      expect(decodeStrategy(encodeStrategy(defaultChoice(s.id)))).toEqual({ ok: true, value: defaultChoice(s.id) });
  });
  it('reads a bare id with defaults, clamps with a warning, refuses junk', () => {
    expect(decodeStrategy('bok')).toEqual({ ok: true, value: defaultChoice('verifier') });
    const clamped = decodeStrategy('vote_7');
    expect(clamped.ok && clamped.value.params.agreement).toBe(1);
    expect(clamped.ok && clamped.warning).toMatch(/set to 1/);
    expect(decodeStrategy('vote_x')).toMatchObject({ ok: false });
    expect(decodeStrategy('bok_0.9')).toMatchObject({ ok: false });
    expect(decodeStrategy('magic')).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown strategy/) });
    expect(decodeStrategy('vote_1e999')).toMatchObject({ ok: false });
  });
  it('every extra parameter is labelled an assumption, with a default inside its bounds', () => {
    for (const s of STRATEGIES)
      for (const p of s.params) {
        expect(p.help).toMatch(/^Assumption:/);
        expect(p.default).toBeGreaterThanOrEqual(p.min);
        expect(p.default).toBeLessThanOrEqual(p.max);
      }
  });
});
