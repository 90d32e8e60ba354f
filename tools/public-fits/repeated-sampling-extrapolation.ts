/**
 * BY HAND, NOT IN CI (part of ./repeated-sampling.ts): the T² extrapolation test on the GSM8K repeated-sampling
 * counts of Pythia (laws.md §8). Fit on the checkpoints with D/N ≤ 40 (stage 1 on the LAMBADA checkpoints with
 * D/N ≤ 40, primary rule; θ0…θ4 by beta-binomial likelihood, Approach 1 on −ln pass@k), predict those with D/N ≥ 80:
 * - Approach 2: pass@k, k = 1, 2, …, 128, scored where the measured pass@k lies in [0.05, 0.95];
 * - Approach 1: −ln pass@k, scored where it is ≥ 1 nat.
 * Baseline: the same-size fitted checkpoint with the largest D (its measured value at the same k). Relative error
 * |pred − obs|/obs, bias = mean (pred − obs)/obs. Intervals: 2.5/50/97.5 percentiles over resamples that redraw
 * fitted and held-out checkpoints (θ refitted from the split's fit plus 2 seeded restarts, Approach 1 the better of a warm and a fresh fit).
 */
import { percentile } from '../../src/domain/fit/bootstrap';
import { fitT2BetaBinomial, type T2Thetas } from '../../src/domain/fit/beta-binomial';
import { fitT2Approach1, type T2Approach1Point } from '../../src/domain/fit/fit-t2-approach1';
import { warmRefitT2Approach1 } from '../../src/domain/fit/warm-refit';
import { meanPassAtKEstimate } from '../../src/domain/passk';
import { createRng } from '../../src/domain/random';
import { betaPassAtK } from '../../src/domain/t2-approach2';
import type { ChinchillaConstants, T2Approach1Constants } from '../../src/domain/constants-types';
import type { PythiaCheckpoint } from './pythia-data';
import { fitStage1, PRIMARY_RULE, selectStage1, stage1Loss } from './pythia-fit';
import type { SampledCheckpoint } from './repeated-sampling-data';

/**
 * Bootstrap refit of Approach 1: the better of a warm refit from `start` and a fresh 32-restart fit (a warm start
 * alone cannot leave the E = 0 bound, which would give E a zero-width interval).
 */
export function refitApproach1(
  points: readonly T2Approach1Point[],
  start: T2Approach1Constants,
  seed: number,
): T2Approach1Constants {
  const warm = warmRefitT2Approach1(points, start);
  const fresh = fitT2Approach1(points, { starts: 32, refine: 4, seed });
  return Number.isFinite(warm.value) && warm.value <= fresh.objective ? warm.constants : fresh.constants;
}

const K = [1, 2, 4, 8, 16, 32, 64, 128];
const dn = (c: { tokens: number; params: number }) => c.tokens / c.params;

interface Prepared {
  c: SampledCheckpoint;
  passAtK: number[];
}

function score(pairs: { pred: number; obs: number }[]) {
  if (pairs.length === 0) return { mre: Number.NaN, bias: Number.NaN, n: 0 };
  let mre = 0,
    bias = 0;
  for (const p of pairs) {
    mre += Math.abs(p.pred - p.obs) / p.obs;
    bias += (p.pred - p.obs) / p.obs;
  }
  return { mre: mre / pairs.length, bias: bias / pairs.length, n: pairs.length };
}

function evaluate(
  fitted: readonly Prepared[],
  held: readonly Prepared[],
  s1: ChinchillaConstants,
  thetas: T2Thetas,
  a1: T2Approach1Constants,
) {
  const base = (c: SampledCheckpoint) => {
    const same = fitted.filter((f) => f.c.sizeLabel === c.sizeLabel);
    return same.length ? same.reduce((m, f) => (f.c.tokens > m.c.tokens ? f : m)) : undefined;
  };
  const acc: { pred: number; obs: number }[] = [],
    accBase: { pred: number; obs: number }[] = [];
  const nll: { pred: number; obs: number }[] = [],
    nllBase: { pred: number; obs: number }[] = [];
  for (const h of held) {
    const L = stage1Loss(s1, h.c.params, h.c.tokens);
    const mu = thetas.theta2 / (1 + Math.exp(thetas.theta1 * (L - thetas.theta0)));
    const nu = Math.exp(thetas.theta3 + thetas.theta4 * L);
    const b = base(h.c);
    K.forEach((k, i) => {
      const obs = h.passAtK[i]!;
      if (obs >= 0.05 && obs <= 0.95) {
        acc.push({ pred: betaPassAtK(mu * nu, (1 - mu) * nu, k), obs });
        if (b) accBase.push({ pred: b.passAtK[i]!, obs });
      }
      if (obs > 0 && -Math.log(obs) >= 1) {
        const pred = a1.E + a1.A / h.c.params ** a1.alpha + a1.B / h.c.tokens ** a1.beta + a1.G / k ** a1.gamma;
        nll.push({ pred, obs: -Math.log(obs) });
        if (b && b.passAtK[i]! > 0) nllBase.push({ pred: -Math.log(b.passAtK[i]!), obs: -Math.log(obs) });
      }
    });
  }
  return {
    approach2PassAtK: { law: score(acc), baseline: score(accBase) },
    approach1Nll: { law: score(nll), baseline: score(nllBase) },
  };
}

const a1Points = (ps: readonly Prepared[]) =>
  ps.flatMap((p) =>
    K.flatMap((k, i) =>
      p.passAtK[i]! > 0 ? [{ params: p.c.params, tokens: p.c.tokens, samples: k, nll: -Math.log(p.passAtK[i]!) }] : [],
    ),
  );

/** The D/N ≤ 40 → D/N ≥ 80 test on GSM8K, with bootstrap intervals. */
export function gsm8kExtrapolation(
  pythia: readonly PythiaCheckpoint[],
  gsm: readonly SampledCheckpoint[],
  resamples: number,
) {
  const lambadaFit = selectStage1(
    pythia.filter((c) => c.tokens / c.size.totalParams <= 40),
    PRIMARY_RULE,
  );
  const s1 = fitStage1(lambadaFit);
  const prep = gsm.map((c) => ({ c, passAtK: K.map((k) => meanPassAtKEstimate(c.counts, k)) }));
  const fitted = prep.filter((p) => dn(p.c) <= 40),
    held = prep.filter((p) => dn(p.c) >= 80);
  const groups = (ps: readonly Prepared[]) =>
    ps.map((p) => ({ loss: stage1Loss(s1, p.c.params, p.c.tokens), counts: p.c.counts }));
  const thetas = fitT2BetaBinomial(groups(fitted), { starts: 64, seed: 1 }).thetas;
  const a1 = fitT2Approach1(a1Points(fitted), { starts: 500, refine: 64, seed: 1 }).constants;
  const point = evaluate(fitted, held, s1, thetas, a1);
  const rng = createRng(21);
  const draws: Record<string, number[]> = {};
  for (let r = 0; r < resamples; r++) {
    const f = fitted.map(() => fitted[rng.int(fitted.length)]!),
      h = held.map(() => held[rng.int(held.length)]!);
    try {
      const t = fitT2BetaBinomial(groups(f), { starts: 2, seed: 500 + r, initial: thetas }).thetas;
      const a = refitApproach1(a1Points(f), a1, 700 + r);
      const e = evaluate(f, h, s1, t, a);
      for (const q of ['approach2PassAtK', 'approach1Nll'] as const) {
        (draws[`${q}.law`] ??= []).push(e[q].law.mre);
        (draws[`${q}.baseline`] ??= []).push(e[q].baseline.mre);
      }
    } catch {
      /* a resample that cannot be fitted is skipped */
    }
  }
  const pct = (v: number[]) => {
    const s = Float64Array.from(v.filter(Number.isFinite)).sort();
    return { p2_5: percentile(s, 0.025), p50: percentile(s, 0.5), p97_5: percentile(s, 0.975), resamples: s.length };
  };
  return {
    split:
      'fit D/N ≤ 40, predict D/N ≥ 80 (total parameters); stage 1 refitted on the LAMBADA checkpoints with D/N ≤ 40',
    fittedCheckpoints: fitted.length,
    heldOutCheckpoints: held.length,
    stage1: s1,
    thetas,
    approach1: a1,
    errors: point,
    intervals: Object.fromEntries(Object.entries(draws).map(([k, v]) => [k, pct(v)])),
  };
}
