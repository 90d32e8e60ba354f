/**
 * The shipped Pythia sets (src/domain/data/t2-public.json), built from the LAMBADA fits (./pythia-fit.ts, recomputed
 * from the committed data) and the repeated-sampling constants in ./transplant.json (fitted by hand by
 * ./repeated-sampling.ts on GSM8K counts that cannot be committed). Four sets:
 * - Approach 2, GSM8K: stage 1 on LAMBADA NLL, θ0…θ4 by beta-binomial likelihood on GSM8K per-problem counts;
 * - Approach 2, LAMBADA: stage 1 and μ on LAMBADA, ν = exp(θ3 + θ4·L̂) transplanted from the GSM8K fit;
 * - Approach 1, GSM8K: all 7 constants on GSM8K −ln pass@k over (N, D, k);
 * - Approach 1, LAMBADA: the k = 1 slice on LAMBADA NLL, G and γ transplanted from the GSM8K fit.
 * Bootstrap of the LAMBADA-fitted constants: `resamples` resamples of whole checkpoints (seeded), stage 1 refitted from
 * the full fit plus one seeded start, μ warm-started; transplanted constants carry their own (GSM8K) intervals.
 */
import { percentile } from '../../src/domain/fit/bootstrap';
import type { MuConstants } from '../../src/domain/fit/fit-mu';
import { createRng } from '../../src/domain/random';
import type {
  ChinchillaConstants,
  ConstantInterval,
  T2Approach1Constants,
  T2Approach2Constants,
} from '../../src/domain/constants-types';
import type { PythiaCheckpoint } from './pythia-data';
import { fitLambadaMu, refitStage1 } from './pythia-fit';

type Pct = ConstantInterval;
export interface PythiaTransplant {
  source: string;
  approach1: {
    gamma: number;
    gFraction: number;
    constants: T2Approach1Constants;
    goodness: { r2: number; rmse: number; n: number };
    intervals: { resamples: number; percentiles: Record<string, Pct> };
  };
  nu: { theta3: number; theta4: number; range: { samples: [number, number]; samplesPerProblem: [number, number] } };
  pythiaGsm8k: {
    stage1: ChinchillaConstants;
    thetas: { theta0: number; theta1: number; theta2: number; theta3: number; theta4: number };
    intervals: { resamples: number; percentiles: Record<string, Pct> };
    goodness: { passAtK: { r2: number; rmse: number; n: number } };
    range: {
      params: [number, number];
      tokens: [number, number];
      tokensPerParam: [number, number];
      trainFlops: [number, number];
      samples: [number, number];
    };
    extrapolation: {
      fittedCheckpoints: number;
      heldOutCheckpoints: number;
      errors: Record<
        'approach2PassAtK' | 'approach1Nll',
        { law: { mre: number; bias: number; n: number }; baseline: { mre: number; bias: number; n: number } }
      >;
      intervals: Record<string, Pct>;
    };
  };
}

const pct = (v: number[]): Pct => {
  const s = Float64Array.from(v).sort();
  return { p2_5: percentile(s, 0.025), p50: percentile(s, 0.5), p97_5: percentile(s, 0.975) };
};

/** Bootstrap of stage 1 + μ on LAMBADA; returns per-constant draws (E, A, B, alpha, beta, theta0, theta1, theta2). */
export function bootstrapLambada(
  cps: readonly PythiaCheckpoint[],
  stage1: ChinchillaConstants,
  mu: MuConstants,
  resamples: number,
  seed: number,
) {
  const rng = createRng(seed);
  const draws: Record<string, number[]> = {};
  let failures = 0;
  for (let r = 0; r < resamples; r++) {
    const sample = cps.map(() => cps[rng.int(cps.length)]!);
    try {
      const s1 = refitStage1(sample, stage1, seed + r + 1);
      const m = fitLambadaMu(sample, s1, mu);
      for (const [k, v] of Object.entries({ ...s1, theta0: m.theta0, theta1: m.theta1, theta2: m.theta2 }))
        (draws[k] ??= []).push(v);
    } catch {
      failures++;
    }
  }
  return { resamples: resamples - failures, failures, draws };
}

/** The four sets' constants and intervals (names and notes are added by ./pythia-notes.ts). */
export function pythiaConstants(
  stage1: ChinchillaConstants,
  mu: MuConstants,
  boot: ReturnType<typeof bootstrapLambada>,
  t: PythiaTransplant,
) {
  const d = boot.draws;
  const s1Pct = Object.fromEntries(['E', 'A', 'B', 'alpha', 'beta'].map((k) => [k, pct(d[k]!)])) as Record<
    keyof ChinchillaConstants,
    Pct
  >;
  const g = t.pythiaGsm8k;
  const a2Gsm8k: T2Approach2Constants = { ...stage1, ...g.thetas };
  const a2Lambada: T2Approach2Constants = {
    ...stage1,
    theta0: mu.theta0,
    theta1: mu.theta1,
    theta2: mu.theta2,
    theta3: t.nu.theta3,
    theta4: t.nu.theta4,
  };
  const f = t.approach1.gFraction;
  const a1Lambada: T2Approach1Constants = {
    ...stage1,
    E: (1 - f) * stage1.E,
    G: f * stage1.E,
    gamma: t.approach1.gamma,
  };
  const a1Gsm8k: T2Approach1Constants = { ...t.approach1.constants };
  const tp = t.approach1.intervals.percentiles;
  const gp = g.intervals.percentiles;
  return {
    a2Gsm8k: {
      constants: a2Gsm8k,
      intervals: {
        resamples: Math.min(boot.resamples, g.intervals.resamples),
        percentiles: {
          ...s1Pct,
          theta0: gp.theta0!,
          theta1: gp.theta1!,
          theta2: gp.theta2!,
          theta3: gp.theta3!,
          theta4: gp.theta4!,
        },
      },
    },
    a2Lambada: {
      constants: a2Lambada,
      intervals: {
        resamples: Math.min(boot.resamples, g.intervals.resamples),
        percentiles: {
          ...s1Pct,
          theta0: pct(d.theta0!),
          theta1: pct(d.theta1!),
          theta2: pct(d.theta2!),
          theta3: gp.theta3!,
          theta4: gp.theta4!,
        },
      },
    },
    a1Lambada: {
      constants: a1Lambada,
      intervals: {
        resamples: Math.min(boot.resamples, t.approach1.intervals.resamples),
        percentiles: {
          ...s1Pct,
          E: pct(d.E!.map((e) => (1 - f) * e)),
          G: pct(d.E!.map((e) => f * e)),
          gamma: tp.gamma!,
        },
      },
    },
    a1Gsm8k: {
      constants: a1Gsm8k,
      intervals: {
        resamples: t.approach1.intervals.resamples,
        percentiles: Object.fromEntries(['E', 'A', 'B', 'alpha', 'beta', 'G', 'gamma'].map((k) => [k, tp[k]!])),
      },
    },
  };
}
