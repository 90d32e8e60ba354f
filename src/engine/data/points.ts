/** DesignPoint construction shared by the chart builders (compute accounting of laws.md §0). */
import type { DesignPoint } from '../explorer-data-types';
import type { LawPoint } from './law';

/** A design with its training compute 6ND, inference compute 2Nk per token and tokens per parameter. */
export function designPoint(p: LawPoint): DesignPoint {
  return {
    params: p.params,
    tokens: p.tokens,
    samples: p.samples,
    trainFlops: 6 * p.params * p.tokens,
    inferenceFlops: 2 * p.params * p.samples,
    tokensPerParam: p.tokens / p.params,
    quality: p.quality,
  };
}
