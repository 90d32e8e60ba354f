/**
 * Named constant sets and the manifest's `fits` block from the testbed fits (./run.ts). The sets use the entry format
 * of src/domain/t2-sets.ts (kind 'fitted-testbed', range, note), one per approach and scope (macro first, so the
 * registry's default T² set is the macro one), ids 't2-testbed-<scope>'. With the bootstrap (./bootstrap.ts), each set
 * carries its 95 % intervals and the manifest its percentiles, counts, settings and first draws (for the CI replay).
 */
import type { Percentiles } from '../../../src/domain/fit/bootstrap';
import { assertT2Approach1Constants } from '../../../src/domain/t2-approach1';
import { assertT2Approach2Constants } from '../../../src/domain/t2-approach2';
import type { T2Approach1Constants, T2Approach2Constants } from '../../../src/domain/constants-types';
import {
  BOOTSTRAP_OPTIONS,
  extrapolationSettings,
  type ApproachBootstrap,
  type BootstrapSettings,
  type ScopeBootstrap,
} from './bootstrap';
import type { FitMetrics } from './metrics';
import { REPORT_ACCURACY_BAND, REPORT_BOOTSTRAP, REPORT_NLL_MIN, type ScopeReport } from './report';
import { FIT_OPTIONS, type ExtrapolationTest, type ScopeFit } from './run';
import type { FittedSetEntry } from './types';

/** One scope's results as fit.ts produces them (bootstrap absent when it was skipped). */
export interface ScopeResultLike {
  scope: string;
  fit: ScopeFit;
  extrapolation: ExtrapolationTest;
  report?: ScopeReport;
  bootstrap?: ScopeBootstrap;
}

/** The paper's extrapolation errors (Roberts et al. 2026; laws.md §2): both approaches overestimate. */
export const PAPER_EXTRAPOLATION = {
  approach1RelativeError: 0.028,
  approach2RelativeError: 0.084,
  bothOverestimate: true,
} as const;

const SOURCE =
  'Fitted by T² Explorer (tools/zoo/fit.ts, src/domain/fit) on its own tiny testbed (tools/zoo, public/models); law form of Roberts et al. 2026, arXiv:2604.01411 (laws.md §2)';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)} %`);
const fmt = (v: number, digits = 3) => Number(v.toPrecision(digits)).toString();
/** Tasks of the testbed (set by fittedSetEntries / fitsBlock from the scopes: macro + one per task). */
let TASKS = 2;
const scopeLabel = (scope: string) => (scope === 'macro' ? `macro average of the ${TASKS} tasks` : `${scope} task`);
const direction = (m: FitMetrics) => (m.relativeErrorOfMean > 0 ? 'overestimates' : 'underestimates');

const SYMBOL: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', theta1: 'θ1' };
const interval = (p: Percentiles | undefined, name: string) => (p ? `${name} ∈ [${fmt(p.p2_5)}, ${fmt(p.p97_5)}]` : '');

/** One sentence on the bootstrap intervals (exponents only; every constant's interval is in the set's `intervals`). */
function bootstrapSentence(b: ApproachBootstrap<object> | undefined, exponents: string[]): string {
  if (!b) return '';
  const p = b.percentiles as Record<string, Percentiles>;
  const list = exponents
    .map((k) => interval(p[k], SYMBOL[k] ?? k))
    .filter(Boolean)
    .join(', ');
  return `95 % bootstrap intervals (${b.resamples} resamples of whole checkpoints, refits warm-started at this fit): ${list}. `;
}

const kParams = (n: number) => `${Number((n / 1000).toPrecision(3))}K`;

/** Caveats of every testbed set, with the fitted range of N. */
function caveats(fit: ScopeFit): string {
  const [n0, n1] = fit.range.params;
  return (
    `Caveats: tiny character-level models (${kParams(n0)}–${kParams(n1)} params, 16-token context), ${TASKS} synthetic recall tasks (Zipf-like frequencies, noisy training labels) with 200 held-out problems each, answer NLL on its own scale (a 3-digit answer at chance costs 3·ln 10 ≈ 6.9 nats; the paper's task NLLs are ~10–20 nats on other tasks). ` +
    "Checkpoints within 1 nat of that chance level are not in the zoo. A demonstration of the fitting method on real models, not the paper's constants; outside the fitted range it extrapolates."
  );
}

/**
 * Why a fitted set cannot be shipped, or null. The app's laws require positive scales and exponents
 * (assertT2Approach1Constants / assertT2Approach2Constants): a fit that lands on a non-positive exponent (e.g. an NLL
 * that rises with D, as on the skills task where rare skills become confidently wrong) is not a usable law and is
 * listed in the manifest's `fits.rejectedSets` instead of shipping. So is an Approach 2 set whose profiled stage 1
 * (`stage1AtBound`, from fitChinchillaProfiled) lost its N or D term at a bound.
 */
export function rejectionOf(
  approach: 1 | 2,
  constants: T2Approach1Constants | T2Approach2Constants,
  stage1AtBound: readonly string[] = [],
): string | null {
  // A profiled stage 1 whose N or D term vanished (coefficient at 0, exponent at 0 or at its cap) does not describe an
  // NLL that falls with N and D, which stage 2 maps to accuracy: not a usable law either (E at its bound is fine).
  const lost = stage1AtBound.filter((k) => k !== 'E');
  if (approach === 2 && lost.length > 0)
    return `T² Approach 2 stage 1 (profiled-E fit) ends at a bound of ${lost.join(', ')}: the answer NLL does not fall with N and D as the law needs`;
  try {
    if (approach === 1) assertT2Approach1Constants(constants as T2Approach1Constants);
    else assertT2Approach2Constants(constants as T2Approach2Constants);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function approach1Note(scope: string, fit: ScopeFit, x: ExtrapolationTest, b?: ScopeBootstrap): string {
  const m = fit.approach1.metrics;
  return (
    `T² Approach 1 fitted on the ${scopeLabel(scope)}: fitT2Approach1 (seed ${FIT_OPTIONS.seed}, ${FIT_OPTIONS.approach1Starts} restarts) on ${fit.checkpoints} checkpoints × k = 1…64 (${m.n} points). ` +
    "Target: mean over problems of −log(1 − (1 − p_i)^k), p_i = the model's teacher-forced probability of the exact answer (our reading of the paper's E_i[−log pass@k_i]; at k = 1 the mean answer NLL). " +
    `Goodness: R² = ${fmt(m.r2)}, RMSE = ${fmt(m.rmse)} nats. ` +
    bootstrapSentence(b?.approach1, ['alpha', 'beta', 'gamma']) +
    `Extrapolation (fit on the ${x.fittedOn.checkpoints} isoFLOP checkpoints, predict the ${x.predicted.checkpoints} overtrained): mean relative error ${pct(x.approach1.meanRelativeError)} on NLL (paper: 2.8 %); it ${direction(x.approach1)} (mean NLL off by ${pct(x.approach1.relativeErrorOfMean)}). ` +
    caveats(fit)
  );
}

function approach2Note(scope: string, fit: ScopeFit, x: ExtrapolationTest, b?: ScopeBootstrap): string {
  const m = fit.approach2.metrics;
  const s = fit.stage1.metrics;
  const st = fit.stage1;
  const bound = st.atBound.length ? `; at a bound of the fit: ${st.atBound.map((k) => SYMBOL[k] ?? k).join(', ')}` : '';
  return (
    `T² Approach 2 fitted on the ${scopeLabel(scope)}: stage 1 = fitChinchillaProfiled on the ${fit.checkpoints} checkpoints' mean answer NLL ` +
    `(E profiled over [0.01, 0.95]·min NLL = [${fmt(st.eBounds[0])}, ${fmt(st.eBounds[1])}] nats, ${FIT_OPTIONS.stage1Weights === 'isoflop' ? `inverse-variance weights per isoFLOP group (${st.groups} groups)` : 'unweighted'}, as Roberts et al. App. F; E = ${fmt(st.constants.E)}${bound}; R² = ${fmt(s.r2)}, RMSE = ${fmt(s.rmse)} nats); ` +
    `stage 2 = fitT2Approach2 (seed ${FIT_OPTIONS.seed}, ${FIT_OPTIONS.approach2Starts} restarts) on measured pass@k, k = 1…64 (${m.n} points, unbiased estimator from 64 samples at temperature 1${fit.approach2.converged ? '' : '; L-BFGS stopped at its iteration cap'}). ` +
    `Goodness: R² = ${fmt(m.r2)}, RMSE = ${fmt(m.rmse)} (accuracy). ` +
    bootstrapSentence(b?.approach2, ['alpha', 'beta', 'theta1']) +
    `Extrapolation (fit on the ${x.fittedOn.checkpoints} isoFLOP checkpoints, predict the ${x.predicted.checkpoints} overtrained): mean relative error ${pct(x.approach2.meanRelativeError)} on accuracy (paper: 8.4 %); it ${direction(x.approach2)} (mean accuracy off by ${pct(x.approach2.relativeErrorOfMean)}). ` +
    caveats(fit)
  );
}

/** The t2-fitted.json entries: Approach 1 then Approach 2 for each scope, in the order given, without rejected sets (rejectionOf). */
export function fittedSetEntries(results: readonly ScopeResultLike[]): FittedSetEntry[] {
  TASKS = Math.max(1, results.filter((r) => r.scope !== 'macro').length);
  const one = (approach: 1 | 2) =>
    results.map(({ scope, fit, extrapolation, bootstrap }): FittedSetEntry => ({
      approach,
      id: `t2-testbed-${scope}`,
      name: `T² Approach ${approach}, ${scope === 'macro' ? `macro average of ${TASKS} tasks` : `${scope} task`} (fitted on our tiny testbed)`,
      kind: 'fitted-testbed',
      source: SOURCE,
      note:
        approach === 1
          ? approach1Note(scope, fit, extrapolation, bootstrap)
          : approach2Note(scope, fit, extrapolation, bootstrap),
      range: fit.range,
      constants: approach === 1 ? fit.approach1.constants : fit.approach2.constants,
      ...(bootstrap ? { intervals: intervalsOf(approach === 1 ? bootstrap.approach1 : bootstrap.approach2) } : {}),
    }));
  const atBound = new Map(results.map((r) => [`t2-testbed-${r.scope}`, r.fit.stage1.atBound]));
  return [...one(1), ...one(2)].filter((e) => rejectionOf(e.approach, e.constants, atBound.get(e.id)) === null);
}

/** The fitted sets left out of t2-fitted.json, with the reason (the domain's validation message). */
export function rejectedSets(results: readonly ScopeResultLike[]): { id: string; approach: 1 | 2; reason: string }[] {
  return ([1, 2] as const).flatMap((approach) =>
    results.flatMap(({ scope, fit }) => {
      const reason = rejectionOf(
        approach,
        approach === 1 ? fit.approach1.constants : fit.approach2.constants,
        fit.stage1.atBound,
      );
      return reason === null ? [] : [{ id: `t2-testbed-${scope}`, approach, reason }];
    }),
  );
}

const intervalsOf = (b: ApproachBootstrap<object>) =>
  ({ resamples: b.resamples, percentiles: b.percentiles }) as FittedSetEntry['intervals'];

/** What the manifest stores of one approach's bootstrap. */
const bootstrapEntry = (b: ApproachBootstrap<object>) => ({
  resamples: b.resamples,
  failures: b.failures,
  percentiles: b.percentiles,
  firstDraws: b.firstDraws,
});

/** The `bootstrap` method block of the manifest (settings included). */
export function bootstrapMethod(settings: BootstrapSettings = BOOTSTRAP_OPTIONS): Record<string, unknown> {
  return {
    method:
      'bootstrapFit (src/domain/fit/bootstrap.ts): resample whole checkpoints (all k together) with replacement, refit, 2.5/50/97.5th percentiles of every constant; ' +
      'Approach 1: L-BFGS warm-started at the full-data fit vs fitT2Approach1 with approach1Starts fresh restarts (approach1Refine refined), lower objective wins; ' +
      'Approach 2: stage 1 fitChinchillaProfiled (E profiled over [0.01, 0.95]·min NLL on stage1EGrid grid points + Brent, fits weights as settings.stage1Weights, the full-data α, β added to its inner starts), then stage 2 warm-started at the full-data θ vs fitT2Approach2 with approach2Starts restarts, lower objective wins; ' +
      'resampling seed `seed`, fresh starts of resample r seeded refitSeed + r; firstDraws = the constants of the first keepDraws resamples (null: refit failed), replayed in CI',
    settings,
  };
}

/** The manifest's `fits` block: method, settings, per-scope sets with goodness of fit (and bootstrap), and the extrapolation test. */
export function fitsBlock(
  results: readonly ScopeResultLike[],
  bootstrapSettings: BootstrapSettings = BOOTSTRAP_OPTIONS,
): Record<string, unknown> {
  const withBootstrap = results.every((r) => r.bootstrap);
  return {
    createdBy: 'tools/zoo/fit.ts',
    constantSets: 'src/domain/data/t2-fitted.json',
    inputs: [
      'public/models/manifest.json (pass@k, mean answer NLL)',
      'tools/zoo/results/answer-logprobs.json (per-problem answer log-probabilities)',
    ],
    method: {
      approach1:
        'fitT2Approach1 on (N, D, k, mean_i −log(1 − (1 − p_i)^k)), p_i = exp(answer log-prob by teacher forcing), k = 1…64',
      approach2:
        "stage 1: fitChinchillaProfiled on (N, D, mean answer NLL): weighted least squares Σ w_i (E + A/N^α + B/D^β − NLL_i)², E profiled over [0.01, 0.95]·min NLL (stage1EGrid grid + Brent), A, B ≥ 0 by weighted NNLS for each (α, β) ∈ (0, 5)² (variable projection; 14×14 screen + L-BFGS from the 3 best), w_i = 1/variance of NLL in the isoFLOP group of C = 6ND (points within ×1.1 of the group's smallest C; groups of one take the median variance, variances floored at 0.01 × median, weights of mean 1; src/domain/fit/isoflop-weights.ts) when stage1Weights = isoflop (Roberts et al. 2026 App. F); stage 2: fitT2Approach2 on (N, D, k, measured pass@k), θ1 ≥ 1e-6",
      macro: 'targets averaged over the tasks (each task weighs the same), then fitted like a task',
      extrapolation:
        'the same fits on the isoflop checkpoints only, evaluated on the overtrained checkpoints at every k',
      relativeError:
        'mean |pred − obs|/obs over points with obs ≥ floor; relativeErrorOfMean = (Σpred − Σobs)/Σobs (> 0: overestimates)',
    },
    settings: FIT_OPTIONS,
    rejectedSets: rejectedSets(results),
    ...(withBootstrap ? { bootstrap: bootstrapMethod(bootstrapSettings) } : {}),
    sets: results.map(({ scope, fit, bootstrap }) => ({
      scope,
      id: `t2-testbed-${scope}`,
      checkpoints: fit.checkpoints,
      range: fit.range,
      approach1: {
        constants: fit.approach1.constants,
        converged: fit.approach1.converged,
        goodness: fit.approach1.metrics,
        ...(withBootstrap ? { bootstrap: bootstrapEntry(bootstrap!.approach1) } : {}),
      },
      approach2: {
        constants: fit.approach2.constants,
        converged: fit.approach2.converged,
        goodness: fit.approach2.metrics,
        stage1Goodness: fit.stage1.metrics,
        stage1Converged: fit.stage1.converged,
        stage1Profile: { eBounds: fit.stage1.eBounds, isoflopGroups: fit.stage1.groups, atBound: fit.stage1.atBound },
        ...(withBootstrap ? { bootstrap: bootstrapEntry(bootstrap!.approach2) } : {}),
      },
    })),
    extrapolation: {
      paper: PAPER_EXTRAPOLATION,
      ...(results.every((r) => r.report)
        ? {
            report: {
              method:
                'tools/zoo/fit/report.ts: fit on the isoflop checkpoints, predict the overtrained ones at every k; count only Approach 1 points whose observed NLL target is ' +
                `≥ ${REPORT_NLL_MIN} nat and Approach 2 points whose observed pass@k lies in [${REPORT_ACCURACY_BAND[0]}, ${REPORT_ACCURACY_BAND[1]}]; ` +
                'relative error = mean |pred − obs|/obs over the counted points; baseline = the same-size model at its largest isoFLOP D (mean over its seeds, same k); ' +
                'bias = (Σpred − Σobs)/Σobs (> 0 overestimates); 95 % intervals = 2.5/50/97.5th percentiles over resamples of the overtrained checkpoints ' +
                '(whole checkpoints, predictions fixed; law − baseline paired). points[] holds every counted (checkpoint, k) with observed, law and baseline values.',
              bootstrap: REPORT_BOOTSTRAP,
              byScope: Object.fromEntries(results.map(({ scope, report }) => [scope, report])),
            },
          }
        : {}),
      byScope: Object.fromEntries(results.map(({ scope, extrapolation }) => [scope, extrapolation])),
      ...(withBootstrap && results.every((r) => r.bootstrap!.extrapolation)
        ? {
            bootstrap: {
              method:
                'bootstrapFit on the isoflop checkpoints (whole checkpoints), both approaches refitted warm-started at the isoflop-only fit (settings: warm start only, ' +
                'profiled stage 1 as above), predicted on the fixed overtrained checkpoints; percentiles of the relative errors (every k)',
              settings: extrapolationSettings(bootstrapSettings),
              byScope: Object.fromEntries(
                results.map(({ scope, bootstrap }) => [scope, bootstrapEntry(bootstrap!.extrapolation!)]),
              ),
            },
          }
        : {}),
    },
  };
}

/**
 * The bootstrap stored in a manifest `fits` block, per scope, with its settings; null when the block has none (fits
 * written without the bootstrap). Shapes are trusted (the block is written by fitsBlock); CI compares them.
 */
export function bootstrapFromFitsBlock(
  fits: unknown,
): { settings: BootstrapSettings; byScope: Map<string, ScopeBootstrap> } | null {
  const f = fits as {
    bootstrap?: { settings: BootstrapSettings };
    sets?: { scope: string; approach1: { bootstrap?: unknown }; approach2: { bootstrap?: unknown } }[];
    extrapolation?: { bootstrap?: { byScope: Record<string, unknown> } };
  } | null;
  if (!f?.bootstrap || !f.sets) return null;
  const byScope = new Map<string, ScopeBootstrap>();
  for (const set of f.sets) {
    if (!set.approach1.bootstrap || !set.approach2.bootstrap)
      throw new Error(`manifest fits: scope ${set.scope} has no bootstrap entry`);
    const extrapolation = f.extrapolation?.bootstrap?.byScope[set.scope];
    byScope.set(set.scope, {
      approach1: set.approach1.bootstrap,
      approach2: set.approach2.bootstrap,
      ...(extrapolation ? { extrapolation } : {}),
    } as ScopeBootstrap);
  }
  return { settings: f.bootstrap.settings, byScope };
}
