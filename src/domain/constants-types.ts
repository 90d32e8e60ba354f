/**
 * Types of the constant sets the laws take. Every shipped set cites its row of docs/laws.md.
 */

/** Constants of the Chinchilla parametric loss L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Approach 3). */
export interface ChinchillaConstants {
  /** Irreducible loss E (nats). */
  E: number;
  /** Parameter-term coefficient A (nats·params^α). */
  A: number;
  /** Data-term coefficient B (nats·tokens^β). */
  B: number;
  /** Parameter exponent α (dimensionless). */
  alpha: number;
  /** Data exponent β (dimensionless). */
  beta: number;
}

/** T² Approach 1 (Roberts et al. 2026, laws.md §2): L(N, D, k) = E + A/N^α + B/D^β + G/k^γ on task NLL. */
export interface T2Approach1Constants extends ChinchillaConstants {
  /** Sampling-term coefficient G (nats). */
  G: number;
  /** Sampling exponent γ (dimensionless). */
  gamma: number;
}

/**
 * T² Approach 2 (laws.md §2): stage 1 is a Chinchilla fit L̂(N, D) on task NLL (E, A, B, alpha, beta); stage 2 maps
 * it to a Beta distribution of per-question accuracy: μ = θ2/(1 + exp(θ1(L̂ − θ0))), ν = exp(θ3 + θ4·L̂).
 */
export interface T2Approach2Constants extends ChinchillaConstants {
  theta0: number;
  theta1: number;
  theta2: number;
  theta3: number;
  theta4: number;
}

/** Where a constant set comes from; the UI labels each kind differently. */
/**
 * 'fitted-public': fitted by this project on public results of real models (data/public, tools/public-fits).
 */
export type ConstantSetKind = 'published' | 'fitted-public' | 'fitted-testbed' | 'illustrative' | 'user';

/** The (N, D, k) box a set was fitted on; outside it the UI warns that the law extrapolates. */
export interface FittedRange {
  params: [number, number];
  tokens: [number, number];
  samples?: [number, number];
  /** Tokens per parameter D/N of the fitted runs, when recorded. */
  tokensPerParam?: [number, number];
  /** Training FLOPs C = 6ND of the fitted runs, when recorded. */
  trainFlops?: [number, number];
}

/** Metadata shared by every named constant set. */
export interface ConstantSetMeta {
  /** Stable id used in URLs and the CLI, e.g. "hoffmann-rounded". */
  id: string;
  /** Human-readable name. */
  name: string;
  kind: ConstantSetKind;
  /** Short citation, e.g. "Hoffmann et al. 2022, Eq. 10 (arXiv:2203.15556)". */
  source: string;
  /** Fitted range, when known. */
  range?: FittedRange;
  /** Free text shown beside the set (caveats, goodness of fit). */
  note?: string;
}

export interface ChinchillaSet extends ConstantSetMeta {
  constants: ChinchillaConstants;
  /** Standard errors of the constants, when the source publishes them (Besiroglu et al. 2024). */
  standardErrors?: ChinchillaConstants;
}

/** 95 % bootstrap interval of one constant: its 2.5th, 50th and 97.5th percentiles over the resamples. */
export interface ConstantInterval {
  p2_5: number;
  p50: number;
  p97_5: number;
}

/**
 * Bootstrap intervals of a fitted set's constants (refits on resamples of whole checkpoints; Besiroglu et al. 2024,
 * arXiv:2404.10102, laws.md §1): an interval for every constant, and how many resamples were fitted.
 */
export interface ConstantIntervals<C> {
  resamples: number;
  percentiles: Record<keyof C & string, ConstantInterval>;
}

export interface T2Approach1Set extends ConstantSetMeta {
  constants: T2Approach1Constants;
  /** Bootstrap intervals, when the set was fitted with them (the testbed sets). */
  intervals?: ConstantIntervals<T2Approach1Constants>;
}

export interface T2Approach2Set extends ConstantSetMeta {
  constants: T2Approach2Constants;
  /** Bootstrap intervals of stage 1 and stage 2 constants, when the set was fitted with them (the testbed sets). */
  intervals?: ConstantIntervals<T2Approach2Constants>;
}
