/**
 * Chart 3 data: quality against N along the budget constraint.
 * - Two-budget models: D = C_train/6N and k = C_inf/2N at the scenario's budgets, N ≤ C_inf/2 (k ≥ 1); the optimum
 *   is the law's optimum at those budgets; the design's point is the slice at the design's N.
 * - Lifetime view: the design's lifetime compute C = 6ND + 2NkT held with k fixed, so D = (C − 2NkT)/6N; the optimum
 *   is the loss-minimising N on that slice (grid + Brent on log N).
 */
import { isLifetimeAccounting, qualityModel } from '../../domain/quality-models';
import { minimize1dGrid } from '../../domain/optim/minimize1d';
import type { Scenario } from '../../domain/scenario';
import type { DesignPoint, IsoflopData } from '../explorer-data-types';
import { markOf } from './extrapolation';
import type { QualityLaw } from './law';
import { designPoint } from './points';
import { formatFlopsPlain } from './text';

/** Points along the slice. */
export const ISOFLOP_POINTS = 80;
/** Decades shown either side of the optimum. */
const HALF_SPAN = 2.5;

interface Slice {
  /** ln N range where the slice is defined. */
  lo: number;
  hi: number;
  at(params: number): { tokens: number; samples: number };
}

function range(optimumParams: number, designParams: number, lo: number, hi: number): [number, number] {
  const ln10 = Math.LN10;
  let a = Math.log(optimumParams) - HALF_SPAN * ln10;
  let b = Math.log(optimumParams) + HALF_SPAN * ln10;
  const d = Math.log(designParams);
  if (d < a && d > a - 2 * ln10) a = d - 0.25 * ln10;
  if (d > b && d < b + 2 * ln10) b = d + 0.25 * ln10;
  a = Math.max(lo, a);
  b = Math.min(hi, b);
  if (b - a < ln10) a = Math.max(lo, b - 3 * ln10);
  return [a, b];
}

function sweep(law: QualityLaw, slice: Slice, lnLo: number, lnHi: number) {
  const params = new Float64Array(ISOFLOP_POINTS);
  const tokens = new Float64Array(ISOFLOP_POINTS);
  const samples = new Float64Array(ISOFLOP_POINTS);
  const quality = new Float64Array(ISOFLOP_POINTS);
  for (let i = 0; i < ISOFLOP_POINTS; i++) {
    const n = Math.exp(lnLo + ((lnHi - lnLo) * i) / (ISOFLOP_POINTS - 1));
    const { tokens: d, samples: k } = slice.at(n);
    params[i] = n;
    tokens[i] = d;
    samples[i] = k;
    quality[i] = law.quality(n, d, k);
  }
  return { params, tokens, samples, quality };
}

function pointOn(law: QualityLaw, slice: Slice, n: number): DesignPoint {
  const { tokens, samples } = slice.at(n);
  return designPoint({ params: n, tokens, samples, quality: law.quality(n, tokens, samples) });
}

/** The isoFLOP slice with the extrapolation marks of its design and optimum (./extrapolation.ts). */
function withMarks(law: QualityLaw, data: IsoflopData): IsoflopData {
  const withSamples = qualityModel(law.model).usesSamples;
  return {
    ...data,
    extrapolation: {
      design: markOf(law.set, data.design, withSamples),
      optimum: markOf(law.set, data.optimum, withSamples),
    },
  };
}

/** The isoFLOP slice of `scenario` under `law`; `design` is the current design. */
export function buildIsoflop(law: QualityLaw, scenario: Scenario, design: DesignPoint): IsoflopData {
  return withMarks(law, buildSlice(law, scenario, design));
}

function buildSlice(law: QualityLaw, scenario: Scenario, design: DesignPoint): IsoflopData {
  if (isLifetimeAccounting(law.model)) {
    const k = scenario.samples;
    const served = 2 * k * scenario.tokensServed;
    const total = design.trainFlops + design.params * served;
    const slice: Slice = {
      lo: 0,
      // D > 0 needs 2NkT < C; stop where D has fallen to 1e-6 of the budget's share.
      hi: Math.log(total / Math.max(served, 1e-300)) + Math.log1p(-1e-6),
      at: (n) => ({ tokens: Math.max((total - n * served) / (6 * n), Number.MIN_VALUE), samples: k }),
    };
    if (!Number.isFinite(slice.hi)) slice.hi = Math.log(total / 6);
    const best = minimize1dGrid(
      (x) => law.sign * -law.quality(Math.exp(x), slice.at(Math.exp(x)).tokens, k),
      slice.lo,
      slice.hi,
      48,
      1e-10,
    );
    const optimum = pointOn(law, slice, Math.exp(best.x));
    const [a, b] = range(optimum.params, design.params, slice.lo, slice.hi);
    return {
      ...sweep(law, slice, a, b),
      optimum,
      design,
      constraint: `lifetime compute ${formatFlopsPlain(total)} FLOPs (6ND + 2NkT, k = ${formatFlopsPlain(k)}, T = ${formatFlopsPlain(scenario.tokensServed)})`,
      note: "Lifetime slice: every point spends the design's lifetime compute; bigger models leave fewer FLOPs for training once serving is paid for.",
    };
  }
  const { trainFlops: ct, inferenceFlops: ci } = scenario;
  const slice: Slice = {
    lo: 0,
    hi: Math.log(ci / 2),
    at: (n) => ({ tokens: ct / (6 * n), samples: ci / (2 * n) }),
  };
  const optimum = designPoint(law.optimumAt(ct, ci));
  const [a, b] = range(optimum.params, design.params, slice.lo, slice.hi);
  const onSlice = pointOn(law, slice, Math.min(design.params, ci / 2));
  return {
    ...sweep(law, slice, a, b),
    optimum,
    design: onSlice,
    constraint: `C_train = ${formatFlopsPlain(ct)} FLOPs, C_inf = ${formatFlopsPlain(ci)} FLOPs/token`,
    note: qualityModel(law.model).notes.isoflop,
  };
}
