/**
 * The Chinchilla parametric loss (Hoffmann et al. 2022, arXiv:2203.15556, Approach 3; laws.md §1):
 * L(N, D) = E + A/N^α + B/D^β, its closed-form compute-optimal frontier under C = 6ND (Hoffmann Eq. 4), and the
 * iso-loss curves that Sardana et al. (§4) and Epoch (§5) move along. N in parameters, D in tokens, L in nats/token.
 */
import { DomainError, assertPositive } from './errors';
import type { ChinchillaConstants } from './constants-types';
import type { Flops, Nats, Params, Tokens } from './units';

/**
 * Throws a DomainError unless A, B, α, β are positive finite numbers and E is a non-negative finite one. E = 0 (no
 * irreducible floor) is a fitted value at its bound in some shipped T² Approach 1 sets (laws.md §2): the loss and the
 * compute-optimal frontier (which does not depend on E) stay well defined.
 */
export function assertChinchillaConstants(c: ChinchillaConstants): void {
  if (!(Number.isFinite(c.E) && c.E >= 0))
    throw new DomainError(`Chinchilla constant E must be a non-negative finite number (got ${c.E})`);
  for (const key of ['A', 'B', 'alpha', 'beta'] as const) assertPositive(`Chinchilla constant ${key}`, c[key]);
}

/**
 * L(N, D) = E + A/N^α + B/D^β in nats per token (Hoffmann et al. 2022, Eq. 2 with the Approach 3 fit; laws.md §1).
 * @param params N (> 0), all parameters.
 * @param tokens D (> 0), training tokens.
 */
export function chinchillaLoss(c: ChinchillaConstants, params: Params, tokens: Tokens): Nats {
  assertPositive('params', params);
  assertPositive('tokens', tokens);
  return chinchillaLossUnchecked(c, params, tokens);
}

/**
 * The Chinchilla loss E + A/N^α + B/D^β (nats) without the argument checks, for fits' inner loops over validated runs
 * (src/engine/fit-job.ts); the formula is written only here.
 */
export function chinchillaLossUnchecked(c: ChinchillaConstants, params: Params, tokens: Tokens): Nats {
  return c.E + c.A / params ** c.alpha + c.B / tokens ** c.beta;
}

/** A point on the compute-optimal frontier. */
export interface ChinchillaOptimum {
  /** N_opt (parameters). */
  params: Params;
  /** D_opt (tokens). */
  tokens: Tokens;
  /** D_opt/N_opt. */
  tokensPerParam: number;
  /** L(N_opt, D_opt) in nats. */
  loss: Nats;
  /** 6·N_opt·D_opt (FLOPs). */
  flops: Flops;
}

function optimumAt(c: ChinchillaConstants, params: Params, tokens: Tokens): ChinchillaOptimum {
  return {
    params,
    tokens,
    tokensPerParam: tokens / params,
    loss: chinchillaLoss(c, params, tokens),
    flops: 6 * params * tokens,
  };
}

/**
 * The loss-minimising (N, D) for a training budget C under C = 6ND, closed form (Hoffmann et al. 2022, Eq. 4;
 * laws.md §1): G = (αA/(βB))^(1/(α+β)), N_opt = G·(C/6)^(β/(α+β)), D_opt = (C/6)^(α/(α+β))/G.
 * @param flops training budget C (FLOPs, > 0).
 */
export function chinchillaOptimum(c: ChinchillaConstants, flops: Flops): ChinchillaOptimum {
  assertChinchillaConstants(c);
  assertPositive('training FLOPs', flops);
  const s = c.alpha + c.beta;
  const logG = (Math.log(c.alpha * c.A) - Math.log(c.beta * c.B)) / s;
  const logHalfC = Math.log(flops / 6);
  return optimumAt(c, Math.exp(logG + (c.beta / s) * logHalfC), Math.exp((c.alpha / s) * logHalfC - logG));
}

/**
 * The cheapest model (least 6ND) that reaches `loss`: the compute-optimal point whose loss is `loss`. At that point
 * the two reducible terms split the excess loss in the ratio β : α (the first-order condition αA/N^α = βB/D^β), so
 * N = (A(α+β)/(β(ℓ−E)))^(1/α) and D = (B(α+β)/(α(ℓ−E)))^(1/β). Used as the "equal-loss Chinchilla-style model" of
 * Sardana et al. (laws.md §4).
 * @throws DomainError when loss ≤ E: no finite model reaches the irreducible loss.
 */
export function chinchillaOptimumForLoss(c: ChinchillaConstants, loss: Nats): ChinchillaOptimum {
  assertChinchillaConstants(c);
  if (!Number.isFinite(loss)) throw new DomainError(`target loss must be a finite number (got ${loss})`);
  const excess = loss - c.E;
  if (!(excess > 0)) {
    throw new DomainError(`target loss ${loss} nats is unreachable: it must exceed the irreducible loss E = ${c.E}`);
  }
  const s = c.alpha + c.beta;
  const params = Math.exp((Math.log(c.A * s) - Math.log(c.beta * excess)) / c.alpha);
  const tokens = Math.exp((Math.log(c.B * s) - Math.log(c.alpha * excess)) / c.beta);
  const point = optimumAt(c, params, tokens);
  return { ...point, loss };
}

function assertFiniteLoss(loss: Nats): void {
  if (!Number.isFinite(loss)) throw new DomainError(`loss must be a finite number (got ${loss})`);
}

/**
 * On the iso-loss curve L(N, D) = loss: N(D) = (A/(ℓ − E − B/D^β))^(1/α) (laws.md §4). Returns null when no finite N
 * reaches `loss` with `tokens` tokens (ℓ − E − B/D^β ≤ 0).
 */
export function isoLossParams(c: ChinchillaConstants, loss: Nats, tokens: Tokens): Params | null {
  assertFiniteLoss(loss);
  assertPositive('tokens', tokens);
  const room = loss - c.E - c.B / tokens ** c.beta;
  if (!(room > 0)) return null;
  const params = (c.A / room) ** (1 / c.alpha);
  return Number.isFinite(params) ? params : null;
}

/** On the iso-loss curve: D(N) = (B/(ℓ − E − A/N^α))^(1/β); null when unreachable with `params` parameters. */
export function isoLossTokens(c: ChinchillaConstants, loss: Nats, params: Params): Tokens | null {
  assertFiniteLoss(loss);
  assertPositive('params', params);
  const room = loss - c.E - c.A / params ** c.alpha;
  if (!(room > 0)) return null;
  const tokens = (c.B / room) ** (1 / c.beta);
  return Number.isFinite(tokens) ? tokens : null;
}

/**
 * Samples the iso-loss curve L(N, D) = loss through u = A·N^(−α)/(ℓ − E), the share of the excess loss taken by the
 * parameter term (laws.md §5): N = (A/(u(ℓ−E)))^(1/α), D = (B/((1−u)(ℓ−E)))^(1/β). Points are evenly spaced in
 * logit(u) over [−logitSpan, logitSpan] (default 6, u from 0.0025 to 0.9975), ordered from large N to small N.
 * @throws DomainError when loss ≤ E or points < 2.
 */
export function isoLossCurve(
  c: ChinchillaConstants,
  loss: Nats,
  points: number,
  logitSpan = 6,
): { params: Float64Array; tokens: Float64Array } {
  assertChinchillaConstants(c);
  if (!Number.isInteger(points) || points < 2) throw new DomainError(`points must be an integer ≥ 2 (got ${points})`);
  assertPositive('logit span', logitSpan);
  chinchillaOptimumForLoss(c, loss); // validates loss > E
  const excess = loss - c.E;
  const params = new Float64Array(points);
  const tokens = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const z = -logitSpan + (2 * logitSpan * i) / (points - 1);
    const u = 1 / (1 + Math.exp(-z));
    const oneMinusU = 1 / (1 + Math.exp(z)); // not 1 − u, which loses digits as u → 1
    params[i] = (c.A / (u * excess)) ** (1 / c.alpha);
    tokens[i] = (c.B / (oneMinusU * excess)) ** (1 / c.beta);
  }
  return { params, tokens };
}
