/**
 * BY HAND, NOT IN CI: `npx tsx tools/public-fits/repeated-sampling.ts` (needs the local snapshot of the unlicensed
 * repeated-sampling repository, see ./repeated-sampling-data.ts; override its path with REPEATED_SAMPLING_MIRROR).
 * Fits, on the GSM8K counts of Pythia checkpoints (Schaeffer et al. 2025), the constants that only repeated sampling
 * identifies, and writes them with citation and a few aggregate values to tools/public-fits/transplant.json:
 * - per checkpoint: maximum-likelihood Beta(a, b) of per-problem single-sample accuracy (beta-binomial on (n, c));
 *   then ln ν = c0 + c1·μ by least squares over the checkpoints (approach2.logNuVsMu, the form ./transplant.ts reads);
 * - T² Approach 2 stage 2 on GSM8K: θ0…θ4 by maximum beta-binomial likelihood across checkpoints, with L̂(N, D) the
 *   Pythia LAMBADA stage-1 fit (./pythia-fit.ts, primary rule) at each checkpoint's (N, D): the covariate is
 *   TRANSPLANTED from LAMBADA (the same models), labelled so;
 * - T² Approach 1 on GSM8K: all 7 constants by least squares on −ln(mean unbiased pass@k) over checkpoints × k
 *   on one k grid for every checkpoint (k = 1, 2, 4, …, 128: 128 is the smallest per-problem n of any used
 *   checkpoint; a grid up to each checkpoint's own n would give the checkpoints that were sampled more, the weaker
 *   ones, more weight); G/(E + G) and γ are carried to other sets as approach1.gFraction and approach1.gamma.
 *   On these data E goes to its bound 0 (every problem is eventually solved by sampling, −ln pass@k → 0), so
 *   gFraction = 1: the whole k = 1 irreducible term is the sampling term.
 * Which checkpoints: post-warm-up (step ≥ 1,430) of the sizes that have LAMBADA results (70 M–12 B): 8 sizes × steps
 * 3,000, 10,000, 30,000, 100,000, 143,000 = 40. Per-problem sample counts differ (adaptive sampling: 128 to 10^6);
 * the beta-binomial likelihood stays valid under a sampling rule that depends only on outcomes already seen.
 * Bootstrap: 200 resamples of whole checkpoints, warm-started (Approach 1: the better of a warm and a fresh fit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bootstrapFit } from '../../src/domain/fit/bootstrap';
import { fitBetaBinomial, fitT2BetaBinomial, type T2Thetas } from '../../src/domain/fit/beta-binomial';
import { fitT2Approach1, type T2Approach1Point } from '../../src/domain/fit/fit-t2-approach1';
import { goodnessOfFit } from '../../src/domain/fit/goodness';
import { meanPassAtKEstimate } from '../../src/domain/passk';
import { betaPassAtK } from '../../src/domain/t2-approach2';
import type { ChinchillaConstants, T2Approach1Constants } from '../../src/domain/constants-types';
import { pythiaCheckpoints } from './pythia-data';
import { fitStage1, PRIMARY_RULE, selectStage1, span, stage1Loss } from './pythia-fit';
import { MIRROR_COMMIT, readSampledCheckpoints, REPO, type SampledCheckpoint } from './repeated-sampling-data';
import { gsm8kExtrapolation, refitApproach1 } from './repeated-sampling-extrapolation';
import { TRANSPLANT_FILE } from './transplant';

const RESAMPLES = 200;
/** k grid shared by every checkpoint: powers of 2 up to the smallest per-problem n of any used checkpoint (128). */
const K_GRID = [1, 2, 4, 8, 16, 32, 64, 128];
export const CITATION = `Schaeffer et al. 2025, "How Do Large Language Monkeys Get Their Power (Laws)?" (ICML 2025, openreview QqVZ28qems): per-problem sample counts of Pythia checkpoints on GSM8K, github.com/${REPO} @ ${MIRROR_COMMIT} (no licence: read, not copied; only these fitted constants are committed)`;

const muNu = (t: T2Thetas, L: number) => {
  const mu = t.theta2 / (1 + Math.exp(t.theta1 * (L - t.theta0)));
  return { mu, nu: Math.exp(t.theta3 + t.theta4 * L) };
};

function linearFit(x: readonly number[], y: readonly number[]) {
  const n = x.length,
    mx = x.reduce((s, v) => s + v, 0) / n,
    my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
    syy += (y[i]! - my) ** 2;
  }
  const slope = sxy / sxx,
    intercept = my - slope * mx;
  const ssRes = y.reduce((s, v, i) => s + (v - intercept - slope * x[i]!) ** 2, 0);
  return { intercept, slope, r2: 1 - ssRes / syy };
}

const nMin = (c: SampledCheckpoint) => Math.min(...c.counts.map((x) => x.n));

/** −ln(mean unbiased pass@k) per checkpoint and k ≤ its smallest n (points with pass@k = 0 are dropped). */
function approach1Points(cps: readonly SampledCheckpoint[]): (T2Approach1Point & { id: string })[] {
  const out: (T2Approach1Point & { id: string })[] = [];
  for (const c of cps) {
    for (const k of K_GRID) {
      if (k > nMin(c)) break;
      const p = meanPassAtKEstimate(c.counts, k);
      if (p > 0) out.push({ params: c.params, tokens: c.tokens, samples: k, nll: -Math.log(p), id: c.nickname });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
  const pythia = pythiaCheckpoints().filter((c) => c.suite === 'standard');
  const stage1: ChinchillaConstants = fitStage1(selectStage1(pythia, PRIMARY_RULE));
  log(`stage 1 (LAMBADA, ${PRIMARY_RULE}): ${JSON.stringify(stage1)}`);
  const lambadaSizes = new Set(pythia.map((c) => c.size.label));
  const gsmAll = await readSampledCheckpoints('gsm8k');
  const gsm = gsmAll.filter((c) => !c.warmup && lambadaSizes.has(c.sizeLabel));
  const math = await readSampledCheckpoints('math');
  log(`GSM8K: ${gsmAll.length} checkpoints, ${gsm.length} used; MATH: ${math.length} checkpoints`);
  const lossOf = (c: SampledCheckpoint) => stage1Loss(stage1, c.params, c.tokens);

  // Per-checkpoint maximum likelihood.
  const per = gsm.map((c) => ({ c, fit: fitBetaBinomial(c.counts), loss: lossOf(c) }));
  for (const p of per)
    log(
      `${p.c.nickname}: L̂ ${p.loss.toFixed(3)} μ ${p.fit.mu.toExponential(3)} ν ${p.fit.nu.toFixed(1)} a ${p.fit.a.toFixed(3)}`,
    );
  const lnNu = per.map((p) => Math.log(p.fit.nu));
  const vsMu = linearFit(
    per.map((p) => p.fit.mu),
    lnNu,
  );
  const vsLogMu = linearFit(
    per.map((p) => Math.log(p.fit.mu)),
    lnNu,
  );
  const vsLoss = linearFit(
    per.map((p) => p.loss),
    lnNu,
  );
  const aValues = per.map((p) => p.fit.a).sort((x, y) => x - y);
  log(`ln ν vs μ: ${JSON.stringify(vsMu)}; vs ln μ: ${JSON.stringify(vsLogMu)}; vs L̂: ${JSON.stringify(vsLoss)}`);
  const muNuDraws = bootstrapFit(
    per,
    (s) => {
      const f = linearFit(
        s.map((p) => p.fit.mu),
        s.map((p) => Math.log(p.fit.nu)),
      );
      return { c0: f.intercept, c1: f.slope };
    },
    { resamples: RESAMPLES, seed: 5 },
  );

  // Joint θ0…θ4 by beta-binomial likelihood.
  const groups = gsm.map((c) => ({ loss: lossOf(c), counts: c.counts, id: c.nickname }));
  const joint = fitT2BetaBinomial(groups, { starts: 64, seed: 1 });
  log(`joint θ: ${JSON.stringify(joint.thetas)} logLik ${joint.logLik.toFixed(2)}`);
  const jointBoot = bootstrapFit(
    groups,
    (s, r) =>
      fitT2BetaBinomial(s, { starts: 2, seed: 100 + r, initial: joint.thetas }).thetas as unknown as Record<
        keyof T2Thetas,
        number
      >,
    { resamples: RESAMPLES, seed: 7, groupBy: (g) => g.id },
  );
  log(`joint θ bootstrap: ${JSON.stringify(jointBoot.percentiles)}`);

  // pass@k goodness of the joint fit on the measured (unbiased) pass@k.
  const obs: number[] = [],
    predJoint: number[] = [],
    predPer: number[] = [];
  for (const p of per) {
    for (const k of K_GRID) {
      if (k > nMin(p.c)) break;
      obs.push(meanPassAtKEstimate(p.c.counts, k));
      const { mu, nu } = muNu(joint.thetas, p.loss);
      predJoint.push(betaPassAtK(mu * nu, (1 - mu) * nu, k));
      predPer.push(betaPassAtK(p.fit.a, p.fit.b, k));
    }
  }
  const gJoint = goodnessOfFit(obs, predJoint),
    gPer = goodnessOfFit(obs, predPer);
  log(`pass@k goodness: joint ${JSON.stringify(gJoint)}; per-checkpoint Beta ${JSON.stringify(gPer)}`);

  // Approach 1 on −ln pass@k.
  const a1Points = approach1Points(gsm);
  const a1 = fitT2Approach1(a1Points, { starts: 500, refine: 64, seed: 1 });
  const a1Pred = a1Points.map(
    (p) =>
      a1.constants.E +
      a1.constants.A / p.params ** a1.constants.alpha +
      a1.constants.B / p.tokens ** a1.constants.beta +
      a1.constants.G / p.samples ** a1.constants.gamma,
  );
  const gA1 = goodnessOfFit(
    a1Points.map((p) => p.nll),
    a1Pred,
  );
  log(`Approach 1: ${JSON.stringify(a1.constants)} ${JSON.stringify(gA1)}`);
  const a1Boot = bootstrapFit(
    a1Points,
    (s, r) => {
      const c = refitApproach1(s, a1.constants, 300 + r);
      return { ...c, gFraction: c.G / (c.E + c.G) } as unknown as Record<
        keyof T2Approach1Constants | 'gFraction',
        number
      >;
    },
    { resamples: RESAMPLES, seed: 9, groupBy: (p) => p.id },
  );

  const extrapolation = gsm8kExtrapolation(pythia, gsm, RESAMPLES);
  log(`GSM8K extrapolation: ${JSON.stringify(extrapolation.errors)} ${JSON.stringify(extrapolation.intervals)}`);
  const mathSolved = math.filter((c) => !c.warmup && c.counts.some((x) => x.c > 0)).length;
  const range = {
    params: span(gsm.map((c) => c.params)),
    tokens: span(gsm.map((c) => c.tokens)),
    tokensPerParam: span(gsm.map((c) => c.tokens / c.params)),
    trainFlops: span(gsm.map((c) => 6 * c.params * c.tokens)),
    samplesPerProblem: span(gsm.flatMap((c) => c.counts.map((x) => x.n))),
    samples: [1, Math.min(...gsm.map(nMin))] as [number, number],
  };
  const gFraction = a1.constants.G / (a1.constants.E + a1.constants.G);
  const previous = JSON.parse(readFileSync(TRANSPLANT_FILE, 'utf8')) as Record<string, unknown>;
  const out = {
    provisional: false,
    source: CITATION,
    fittedBy: 'tools/public-fits/repeated-sampling.ts (run by hand; not in CI: the data cannot be committed)',
    fittedOn: `GSM8K, ${gsm.length} Pythia checkpoints (standard Pile; 70 M–12 B × steps 3,000–143,000, post warm-up), 128 problems each, ${range.samplesPerProblem[0]}–${range.samplesPerProblem[1]} samples per problem`,
    approach1: {
      gamma: a1.constants.gamma,
      gFraction,
      fittedOn: `GSM8K −ln(mean unbiased pass@k), k = 1…${Math.max(...a1Points.map((p) => p.samples))}, ${a1Points.length} points; a full 7-constant T² Approach 1 fit, of which only γ and G/(E + G) are carried`,
      constants: a1.constants,
      goodness: gA1,
      intervals: { resamples: a1Boot.resamples, percentiles: a1Boot.percentiles },
    },
    approach2: {
      logNuVsMu: { c0: vsMu.intercept, c1: vsMu.slope },
      fittedOn: `ln ν = c0 + c1·μ by least squares over the per-checkpoint maximum-likelihood Beta fits of ${per.length} GSM8K checkpoints; μ spans ${span(
        per.map((p) => p.fit.mu),
      )
        .map((v) => v.toExponential(2))
        .join('–')} only (GSM8K accuracy of base Pythia stays ≤ 1.4 %): any use at larger μ is an extrapolation`,
      r2: vsMu.r2,
      alternatives: {
        lnNuVsLnMu: { c0: vsLogMu.intercept, c1: vsLogMu.slope, r2: vsLogMu.r2 },
        lnNuVsLambadaLoss: { c0: vsLoss.intercept, c1: vsLoss.slope, r2: vsLoss.r2 },
      },
      betaA: {
        median: aValues[aValues.length >> 1],
        min: aValues[0],
        max: aValues[aValues.length - 1],
        note: 'a = μν, the exponent of the k^(−a) tail of the failure rate (laws.md §3)',
      },
      draws: muNuDraws.percentiles,
    },
    nu: {
      theta3: joint.thetas.theta3,
      theta4: joint.thetas.theta4,
      source: CITATION,
      fittedOn:
        'GSM8K per-problem counts, maximum beta-binomial likelihood of all five θ jointly; L̂ = the Pythia LAMBADA stage-1 fit (total parameters) at each checkpoint: ν(L̂) holds on that L̂ scale only',
      range,
    },
    pythiaGsm8k: {
      stage1,
      thetas: joint.thetas,
      logLik: joint.logLik,
      intervals: { resamples: jointBoot.resamples, percentiles: jointBoot.percentiles },
      goodness: {
        passAtK: gJoint,
        perCheckpointBeta: gPer,
        kGrid: 'k = 1, 2, 4, …, 128 (unbiased estimator; 128 ≤ every problem’s n)',
      },
      range,
      extrapolation,
    },
    math: {
      checkpoints: math.length,
      postWarmupWithAnySolved: mathSolved,
      used: false,
      why: 'MATH: pass@1 of base Pythia is at most about 0.8 % (below 0.1 % for most checkpoints; 38 post-warm-up checkpoints solve any problem at all); not fitted (successes too sparse for θ, and not attempted for lack of time), so θ and ν rest on GSM8K alone',
    },
    previousProvisional: previous.provisional === true ? 'replaced the pubfit placeholder' : undefined,
  };
  writeFileSync(TRANSPLANT_FILE, `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote ${TRANSPLANT_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
