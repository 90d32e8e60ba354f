/**
 * Named constant sets and the manifest's `fits` block from the testbed fits (./run.ts). The sets use the entry format
 * of src/domain/t2-sets.ts (kind 'fitted-testbed', range, note), one per approach and scope (macro first, so the
 * registry's default T² set is the macro one), ids 't2-testbed-<scope>'.
 */
import type { FitMetrics } from './metrics';
import { FIT_OPTIONS, type ExtrapolationTest, type ScopeFit } from './run';
import type { FittedSetEntry } from './types';

/** The paper's extrapolation errors (Roberts et al. 2026; laws.md §2): both approaches overestimate. */
export const PAPER_EXTRAPOLATION = { approach1RelativeError: 0.028, approach2RelativeError: 0.084, bothOverestimate: true } as const;

const SOURCE = 'Fitted by T² Explorer (tools/zoo/fit.ts, src/domain/fit) on its own tiny testbed (tools/zoo, public/models); law form of Roberts et al. 2026, arXiv:2604.01411 (laws.md §2)';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)} %`);
const fmt = (v: number, digits = 3) => Number(v.toPrecision(digits)).toString();
const scopeLabel = (scope: string) => (scope === 'macro' ? 'macro average of the 3 tasks' : `${scope} task`);
const direction = (m: FitMetrics) => (m.relativeErrorOfMean > 0 ? 'overestimates' : 'underestimates');

const CAVEATS = 'Caveats: tiny character-level models (28.7K–1.87M params, 16-token context), 3 synthetic tasks with 200 held-out problems each, answer NLL on its own scale (a 4-digit answer at chance costs 4·ln 10 ≈ 9.2 nats; the paper\'s task NLLs are ~10–20 nats on other tasks). Most checkpoints sit on that chance plateau and tasks switch on abruptly, which the smooth law cannot follow. A demonstration of the fitting method on real models, not the paper\'s constants; outside the fitted range it extrapolates.';

function approach1Note(scope: string, fit: ScopeFit, x: ExtrapolationTest): string {
  const m = fit.approach1.metrics;
  return `T² Approach 1 fitted on the ${scopeLabel(scope)}: fitT2Approach1 (seed ${FIT_OPTIONS.seed}, ${FIT_OPTIONS.approach1Starts} restarts) on ${fit.checkpoints} checkpoints × k = 1…64 (${m.n} points). `
    + 'Target: mean over problems of −log(1 − (1 − p_i)^k), p_i = the model\'s teacher-forced probability of the exact answer (our reading of the paper\'s E_i[−log pass@k_i]; at k = 1 the mean answer NLL). '
    + `Goodness: R² = ${fmt(m.r2)}, RMSE = ${fmt(m.rmse)} nats. `
    + `Extrapolation (fit on the ${x.fittedOn.checkpoints} isoFLOP checkpoints, predict the ${x.predicted.checkpoints} overtrained): mean relative error ${pct(x.approach1.meanRelativeError)} on NLL (paper: 2.8 %); it ${direction(x.approach1)} (mean NLL off by ${pct(x.approach1.relativeErrorOfMean)}). `
    + CAVEATS;
}

function approach2Note(scope: string, fit: ScopeFit, x: ExtrapolationTest): string {
  const m = fit.approach2.metrics;
  const s = fit.stage1.metrics;
  return `T² Approach 2 fitted on the ${scopeLabel(scope)}: stage 1 = fitChinchilla (Hoffmann grid) on the ${fit.checkpoints} checkpoints' mean answer NLL (R² = ${fmt(s.r2)}, RMSE = ${fmt(s.rmse)} nats); `
    + `stage 2 = fitT2Approach2 (seed ${FIT_OPTIONS.seed}, ${FIT_OPTIONS.approach2Starts} restarts) on measured pass@k, k = 1…64 (${m.n} points, unbiased estimator from 64 samples at temperature 1${fit.approach2.converged ? '' : '; L-BFGS stopped at its iteration cap'}). `
    + `Goodness: R² = ${fmt(m.r2)}, RMSE = ${fmt(m.rmse)} (accuracy). `
    + `Extrapolation (fit on the ${x.fittedOn.checkpoints} isoFLOP checkpoints, predict the ${x.predicted.checkpoints} overtrained): mean relative error ${pct(x.approach2.meanRelativeError)} on accuracy (paper: 8.4 %); it ${direction(x.approach2)} (mean accuracy off by ${pct(x.approach2.relativeErrorOfMean)}). `
    + CAVEATS;
}

/** The t2-fitted.json entries: Approach 1 then Approach 2 for each scope, in the order given. */
export function fittedSetEntries(results: readonly { scope: string; fit: ScopeFit; extrapolation: ExtrapolationTest }[]): FittedSetEntry[] {
  const one = (approach: 1 | 2) => results.map(({ scope, fit, extrapolation }): FittedSetEntry => ({
    approach,
    id: `t2-testbed-${scope}`,
    name: `T² Approach ${approach}, ${scope === 'macro' ? 'macro average of 3 tasks' : `${scope} task`} (fitted on our tiny testbed)`,
    kind: 'fitted-testbed',
    source: SOURCE,
    note: approach === 1 ? approach1Note(scope, fit, extrapolation) : approach2Note(scope, fit, extrapolation),
    range: fit.range,
    constants: approach === 1 ? fit.approach1.constants : fit.approach2.constants,
  }));
  return [...one(1), ...one(2)];
}

/** The manifest's `fits` block: method, settings, per-scope sets with goodness of fit, and the extrapolation test. */
export function fitsBlock(results: readonly { scope: string; fit: ScopeFit; extrapolation: ExtrapolationTest }[]): Record<string, unknown> {
  return {
    createdBy: 'tools/zoo/fit.ts',
    constantSets: 'src/domain/data/t2-fitted.json',
    inputs: ['public/models/manifest.json (pass@k, mean answer NLL)', 'tools/zoo/results/answer-logprobs.json (per-problem answer log-probabilities)'],
    method: {
      approach1: 'fitT2Approach1 on (N, D, k, mean_i −log(1 − (1 − p_i)^k)), p_i = exp(answer log-prob by teacher forcing), k = 1…64',
      approach2: 'stage 1: fitChinchilla on (N, D, mean answer NLL); stage 2: fitT2Approach2 on (N, D, k, measured pass@k)',
      macro: 'targets averaged over the tasks (each task weighs the same), then fitted like a task',
      extrapolation: 'the same fits on the isoflop checkpoints only, evaluated on the overtrained checkpoints at every k',
      relativeError: 'mean |pred − obs|/obs over points with obs ≥ floor; relativeErrorOfMean = (Σpred − Σobs)/Σobs (> 0: overestimates)',
    },
    settings: FIT_OPTIONS,
    sets: results.map(({ scope, fit }) => ({
      scope, id: `t2-testbed-${scope}`, checkpoints: fit.checkpoints, range: fit.range,
      approach1: { constants: fit.approach1.constants, converged: fit.approach1.converged, goodness: fit.approach1.metrics },
      approach2: {
        constants: fit.approach2.constants, converged: fit.approach2.converged, goodness: fit.approach2.metrics,
        stage1Goodness: fit.stage1.metrics, stage1Converged: fit.stage1.converged,
      },
    })),
    extrapolation: {
      paper: PAPER_EXTRAPOLATION,
      byScope: Object.fromEntries(results.map(({ scope, extrapolation }) => [scope, extrapolation])),
    },
  };
}
