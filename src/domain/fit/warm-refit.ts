/**
 * Warm-started refits of the T² laws (Roberts et al. 2026, arXiv:2604.01411; laws.md §2): one L-BFGS run from given
 * constants instead of a multi-start search. Used by bootstraps, where each resample is refitted starting from the
 * full-data fit (the app's own-data bootstrap, src/engine/fit-refit.ts, and the testbed's, tools/zoo/fit/bootstrap.ts).
 * Parametrisation as the full fits: Approach 1 in (ln E, ln A, ln B, ln G, α, β, γ); Approach 2 stage 2 in
 * (θ0, ln(θ1 − THETA1_MIN), logit θ2, θ3, θ4) with the stage-1 loss L̂(N, D) held fixed.
 */
import type { ChinchillaConstants, T2Approach1Constants, T2Approach2Constants } from '../constants-types';
import { lbfgs, LbfgsWorkspace } from '../optim/lbfgs';
import { t2Approach1Objective, type T2Approach1Point } from './fit-t2-approach1';
import { stage1Losses, t2Approach2Objective, THETA1_MIN, type T2Approach2Point } from './fit-t2-approach2';

/** Constants reached and the objective there (may be non-finite: the caller decides whether that is a failure). */
export interface WarmRefit<C> {
  constants: C;
  value: number;
}

const ws7 = new LbfgsWorkspace(7, 10);
const ws5 = new LbfgsWorkspace(5, 10);

/** Approach 1 (NLL with a k term) refitted on `points` by L-BFGS (≤ 2000 iterations) from `start`. */
export function warmRefitT2Approach1(
  points: readonly T2Approach1Point[],
  start: T2Approach1Constants,
): WarmRefit<T2Approach1Constants> {
  const objective = t2Approach1Objective(
    Float64Array.from(points, (p) => Math.log(p.params)),
    Float64Array.from(points, (p) => Math.log(p.tokens)),
    Float64Array.from(points, (p) => Math.log(p.samples)),
    Float64Array.from(points, (p) => p.nll),
  );
  const x0 = [
    Math.log(start.E),
    Math.log(start.A),
    Math.log(start.B),
    Math.log(start.G),
    start.alpha,
    start.beta,
    start.gamma,
  ];
  const r = lbfgs(objective, x0, { maxIterations: 2000 }, ws7);
  const x = r.x;
  return {
    constants: {
      E: Math.exp(x[0]!),
      A: Math.exp(x[1]!),
      B: Math.exp(x[2]!),
      G: Math.exp(x[3]!),
      alpha: x[4]!,
      beta: x[5]!,
      gamma: x[6]!,
    },
    value: r.value,
  };
}

/**
 * Approach 2 stage 2 (pass@k through the Beta model) refitted on `points` by L-BFGS (≤ 1000 iterations) from
 * `start`'s θ, with the loss L̂ = E + A/N^α + B/D^β of `stage1` fixed; the result carries `stage1`'s constants.
 */
export function warmRefitT2Approach2(
  points: readonly T2Approach2Point[],
  stage1: ChinchillaConstants,
  start: T2Approach2Constants,
): WarmRefit<T2Approach2Constants> {
  const loss = stage1Losses(points, stage1);
  const objective = t2Approach2Objective(
    loss,
    Float64Array.from(points, (p) => p.samples),
    Float64Array.from(points, (p) => p.passAtK),
  );
  const t2 = Math.min(1 - 1e-9, Math.max(1e-9, start.theta2));
  const r = lbfgs(
    objective,
    [
      start.theta0,
      Math.log(Math.max(1e-9, start.theta1 - THETA1_MIN)),
      Math.log(t2 / (1 - t2)),
      start.theta3,
      start.theta4,
    ],
    { maxIterations: 1000 },
    ws5,
  );
  const x = r.x;
  return {
    constants: {
      ...stage1,
      theta0: x[0]!,
      theta1: THETA1_MIN + Math.exp(x[1]!),
      theta2: 1 / (1 + Math.exp(-x[2]!)),
      theta3: x[3]!,
      theta4: x[4]!,
    },
    value: r.value,
  };
}
