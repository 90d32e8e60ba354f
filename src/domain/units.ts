/**
 * Quantities of the domain. Plain numbers with names that carry their unit, so signatures say what they take.
 * Conventions follow docs/laws.md §0: N counts all parameters (embeddings included), D counts training
 * tokens, k counts samples drawn per question at test time, compute is in FLOPs and loss in nats.
 */

/** Model parameters N (count, all of them). */
export type Params = number;
/** Training tokens D (count). */
export type Tokens = number;
/** Samples drawn per question at test time, k (count; continuous in the laws, an integer when sampling). */
export type Samples = number;
/** Floating-point operations. */
export type Flops = number;
/** Loss in nats (per token for pretraining loss; per answer for T²'s task NLL). */
export type Nats = number;
/** A probability or accuracy in [0, 1]. */
export type Probability = number;
