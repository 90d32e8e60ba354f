import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  inferenceFlopsPerToken,
  lifetimeFlops,
  samplesForInferenceBudget,
  tokensForTrainingBudget,
  trainingFlops,
} from './compute';
import { DomainError } from './errors';

const positive = fc.double({ min: 1e3, max: 1e15, noNaN: true });

describe('compute accounting (laws.md §0)', () => {
  it("charges 6ND for training: Chinchilla's 70 B × 1.4 T is within 2.5 % of the Gopher budget 5.76e23 (laws.md §1)", () => {
    expect(trainingFlops(70e9, 1.4e12)).toBeCloseTo(5.88e23, -20);
    // The paper's 5.76e23 is the Gopher budget; 6ND of Chinchilla's (N, D) lands within 2 % of it.
    expect(Math.abs(trainingFlops(70e9, 1.4e12) / 5.76e23 - 1)).toBeLessThan(0.025);
  });
  it('charges 2Nk per token served', () => {
    expect(inferenceFlopsPerToken(70e9, 1)).toBe(1.4e11); // laws.md §2: "1.4e11 (one forward pass of a 70 B model)"
    expect(inferenceFlopsPerToken(37e6, 27)).toBe(2 * 37e6 * 27);
  });
  it('lifetime = training + k·T·2N', () => {
    expect(lifetimeFlops(1e9, 2e10, 4, 1e12)).toBe(6 * 1e9 * 2e10 + 2 * 1e9 * 4 * 1e12);
    expect(lifetimeFlops(1e9, 2e10, 4, 0)).toBe(trainingFlops(1e9, 2e10));
  });
  it('reproduces the T² bookkeeping of laws.md §2 (k and D/N at given budgets)', () => {
    expect(samplesForInferenceBudget(37e6, 2e9)).toBeCloseTo(27.0, 1);
    expect(samplesForInferenceBudget(901e6, 2e9)).toBeCloseTo(1.11, 2);
    expect(tokensForTrainingBudget(37e6, 2.56e19) / 37e6).toBeCloseTo(3117, -1);
    expect(Math.round(tokensForTrainingBudget(901e6, 2.56e19) / 901e6)).toBe(5);
  });
  it('budget inverses round-trip (property)', () => {
    fc.assert(
      fc.property(positive, positive, (n, d) => {
        const c = trainingFlops(n, d);
        return Math.abs(tokensForTrainingBudget(n, c) / d - 1) < 1e-12;
      }),
    );
    fc.assert(
      fc.property(positive, fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (n, k) => {
        return Math.abs(samplesForInferenceBudget(n, inferenceFlopsPerToken(n, k)) / k - 1) < 1e-12;
      }),
    );
  });
  it('rejects non-positive or non-finite counts with a DomainError', () => {
    expect(() => trainingFlops(-1, 1e9)).toThrow(DomainError);
    expect(() => trainingFlops(1e9, Number.NaN)).toThrow(DomainError);
    expect(() => inferenceFlopsPerToken(1e9, 0)).toThrow(DomainError);
    expect(() => lifetimeFlops(1e9, 1e9, 1, -5)).toThrow(/tokens served/);
    expect(() => tokensForTrainingBudget(1e9, Number.POSITIVE_INFINITY)).toThrow(DomainError);
    expect(() => samplesForInferenceBudget(0, 1e9)).toThrow(DomainError);
  });
});
