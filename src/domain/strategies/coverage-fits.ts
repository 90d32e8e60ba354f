/**
 * Published fits of Brown et al. 2024's coverage law, coverage ≈ exp(a·k^b) (Large Language Monkeys,
 * arXiv:2407.21787; laws.md §3), drawn on the pass@k chart as reference curves. Only what laws.md records ships here:
 * one fit, Llama-3-8B-Instruct on MATH, transcribed from a figure (approximate, labelled so). The paper fits more models
 * and tasks; their constants could not be checked here, so none is added (issue 15: "only published fits").
 */
import { MONKEYS_LLAMA3_8B_MATH } from '../passk';

/** One published coverage fit. */
export interface CoverageFit {
  id: string;
  label: string;
  a: number;
  b: number;
  approximate: boolean;
  source: string;
  /** k range drawn (samples); the law is not drawn beyond it. */
  samples: readonly [number, number];
}

/** The fits drawn on the pass@k chart. */
export const COVERAGE_FITS: readonly CoverageFit[] = Object.freeze([
  {
    id: 'monkeys-llama3-8b-math',
    label: 'Brown et al. 2024: Llama-3-8B-Instruct on MATH, exp(−1.33·k^−0.43) (approx., from a figure)',
    a: MONKEYS_LLAMA3_8B_MATH.a,
    b: MONKEYS_LLAMA3_8B_MATH.b,
    approximate: true,
    source: MONKEYS_LLAMA3_8B_MATH.source,
    samples: [1, 1e4],
  },
]);
