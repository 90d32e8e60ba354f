/**
 * The Pythia module of `npm run public:fit` (tools/public-fits/README-pythia.md): tidy tables of every checkpoint
 * (standard and deduped), the LAMBADA fits, the extrapolation test, and four shipped T² sets (./pythia-sets.ts) that
 * combine them with the repeated-sampling constants of ./transplant.json.
 * Run alone (`npx tsx tools/public-fits/pythia.ts`) it writes its tables, tools/public-fits/results/pythia-report.json
 * and its sets into src/domain/data/t2-public.json (replacing only the t2-public-pythia-* entries).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GoodnessOfFit } from '../../src/domain/fit/goodness';
import type { ChinchillaConstants } from '../../src/domain/constants-types';
import { pythiaCheckpoints, type PythiaCheckpoint } from './pythia-data';
import { runSplit, SPLITS } from './pythia-extrapolation';
import {
  fitLambadaMu,
  fitStage1,
  lateRiseCheckpoints,
  muGoodness,
  PRIMARY_RULE,
  rangeOf,
  selectStage1,
  stage1Goodness,
  type ParamCount,
  type Stage1Rule,
} from './pythia-fit';
import { bootstrapLambada, pythiaConstants, type PythiaTransplant } from './pythia-sets';
import { toCsv } from './tidy';
import { TRANSPLANT_FILE } from './transplant';
import type { ModuleResult, PublicFitModule, PublicSetEntry, RunOptions, TidyTable } from './types';

export const PYTHIA_REPORT_FILE = fileURLToPath(new URL('./results/pythia-report.json', import.meta.url));
const PUBLIC_SETS = fileURLToPath(new URL('../../src/domain/data/t2-public.json', import.meta.url));
const TIDY = fileURLToPath(new URL('../../data/public/tidy/', import.meta.url));
const SEED = 12;

const COLUMNS = [
  'params',
  'tokens',
  'samples',
  'nll',
  'passk',
  'model',
  'suite',
  'step',
  'params_nonembedding',
  'lambada_ppl',
  'lambada_ppl_stderr',
  'arc_easy_acc',
  'sciq_acc',
  'warmup',
  'in_shipped_fit',
];

function row(c: PythiaCheckpoint, shipped: Set<PythiaCheckpoint>): (number | string)[] {
  return [
    c.size.totalParams,
    c.tokens,
    1,
    c.lambadaNll,
    c.lambadaAcc,
    `pythia-${c.size.label}${c.suite === 'deduped' ? '-deduped' : ''}`,
    c.suite,
    c.step,
    c.size.nonEmbeddingParams,
    c.lambadaPpl,
    c.lambadaNllSe * c.lambadaPpl,
    c.arcEasyAcc,
    c.sciqAcc,
    c.warmup ? 1 : 0,
    shipped.has(c) ? 1 : 0,
  ];
}

/**
 * Tidy tables: pythia-standard.csv and pythia-deduped.csv (every checkpoint with step ≥ 1: params = total count,
 * nll = LAMBADA ln ppl, passk = LAMBADA greedy accuracy at samples = 1; ARC-Easy and SciQ accuracies as extra columns),
 * and pythia-standard-fit.csv (exactly the checkpoints of the shipped stage-1 fit).
 */
export function pythiaTables(all = pythiaCheckpoints()): TidyTable[] {
  const std = all.filter((c) => c.suite === 'standard');
  const shipped = new Set(selectStage1(std, PRIMARY_RULE));
  return [
    { file: 'pythia-standard.csv', columns: COLUMNS, rows: std.map((c) => row(c, shipped)) },
    {
      file: 'pythia-deduped.csv',
      columns: COLUMNS,
      rows: all.filter((c) => c.suite === 'deduped').map((c) => row(c, shipped)),
    },
    {
      file: 'pythia-standard-fit.csv',
      columns: COLUMNS,
      rows: std.filter((c) => shipped.has(c)).map((c) => row(c, shipped)),
    },
  ];
}

const f3 = (v: number) =>
  Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toPrecision(4);
const pc = (v: number) => `${(100 * v).toFixed(1)} %`;

function variants(std: readonly PythiaCheckpoint[]) {
  const out: Record<string, { checkpoints: number; constants: ChinchillaConstants; goodness: GoodnessOfFit }> = {};
  for (const rule of ['post-warmup', 'cut-late-rises', 'from-410m'] as Stage1Rule[]) {
    for (const kind of ['total', 'non-embedding'] as ParamCount[]) {
      const cps = selectStage1(std, rule);
      const constants = fitStage1(cps, kind);
      out[`${rule}/${kind}`] = { checkpoints: cps.length, constants, goodness: stage1Goodness(cps, constants, kind) };
    }
  }
  return out;
}

export function readPythiaTransplant(file = TRANSPLANT_FILE): PythiaTransplant {
  const t = JSON.parse(readFileSync(file, 'utf8')) as PythiaTransplant & { provisional?: boolean };
  if (t.provisional !== false || !t.pythiaGsm8k || !t.nu || !t.approach1?.constants)
    throw new Error('transplant.json has no repeated-sampling fit: run tools/public-fits/repeated-sampling.ts');
  return t;
}

export function fitPythia(opts: RunOptions, t = readPythiaTransplant()): ModuleResult {
  const all = pythiaCheckpoints();
  const std = all.filter((c) => c.suite === 'standard');
  const cps = selectStage1(std, PRIMARY_RULE);
  const stage1 = fitStage1(cps);
  const s1Good = stage1Goodness(cps, stage1);
  const mu = fitLambadaMu(cps, stage1);
  const muGood = muGoodness(cps, stage1, mu);
  const stale = (Object.keys(stage1) as (keyof ChinchillaConstants)[]).filter(
    (k) => Math.abs(stage1[k] - t.pythiaGsm8k.stage1[k]) > 1e-9 * Math.abs(stage1[k]),
  );
  if (stale.length > 0)
    throw new Error(
      `transplant.json was fitted on another Pythia stage 1 (${stale.join(', ')} differ): rerun tools/public-fits/repeated-sampling.ts`,
    );
  opts.log(`pythia: stage 1 on ${cps.length} checkpoints, R² ${s1Good.r2.toFixed(4)}; μ R² ${muGood.r2.toFixed(4)}`);
  const boot = bootstrapLambada(cps, stage1, mu, opts.resamples, SEED);
  const c = pythiaConstants(stage1, mu, boot, t);
  const splits = SPLITS.map((s, i) => runSplit(std, s, opts.resamples, SEED + 1000 * (i + 1)));
  opts.log(
    `pythia: extrapolation ${splits.map((s) => `${s.id} NLL ${pc(s.errors.nll.law.mre)} vs baseline ${pc(s.errors.nll.baseline.mre)}`).join('; ')}`,
  );
  const deduped = all.filter((x) => x.suite === 'deduped');
  const dedupCps = selectStage1(deduped, PRIMARY_RULE);
  const dedupS1 = fitStage1(dedupCps);
  const lateCps = [...lateRiseCheckpoints(std)];
  const late = lateCps.map((x) => `${x.size.label}@${x.step}`);
  const pair28 = std
    .filter((x) => x.size.label === '2.8b')
    .map((x) =>
      Math.abs(
        x.lambadaNll - (deduped.find((d) => d.size.label === '2.8b' && d.step === x.step)?.lambadaNll ?? Number.NaN),
      ),
    );

  const range = rangeOf(cps);
  const main = splits[0]!;
  const extrap = `Extrapolation test (fit D/N ≤ 40 → predict D/N ≥ 80, ${main.heldOut.checkpoints} held-out checkpoints, 95 % bootstrap intervals): LAMBADA NLL mean relative error ${pc(main.errors.nll.law.mre)} (${pc(main.bootstrap.intervals['nll.law']!.p2_5)}–${pc(main.bootstrap.intervals['nll.law']!.p97_5)}), bias ${pc(main.errors.nll.law.bias)} (negative = under-estimate), ${pc(main.errors.nll.lawWithoutLateRises.mre)} without the ${main.heldOut.lateRise} late-rise checkpoints; same-size baseline ${pc(main.errors.nll.baseline.mre)}. LAMBADA accuracy (μ at k = 1) ${pc(main.errors.accuracy.law.mre)} (${pc(main.bootstrap.intervals['accuracy.law']!.p2_5)}–${pc(main.bootstrap.intervals['accuracy.law']!.p97_5)}), bias ${pc(main.errors.accuracy.law.bias)}; baseline ${pc(main.errors.accuracy.baseline.mre)}. The paper reports 2.8 % (NLL) and 8.4 % (accuracy), both over-estimates. Other splits: tools/public-fits/results/pythia-report.json.`;
  const stage1Words = `Stage 1 = Chinchilla L̂(N, D) fitted (Approach 3, Huber on log NLL) on LAMBADA NLL = ln(perplexity) of ${cps.length} Pythia checkpoints (standard Pile, ${sizeWords(cps)} TOTAL parameters incl. embeddings, steps ${stepWords(cps)} after the LR warm-up; the ${sizeWords(lateCps)} checkpoints after their LAMBADA minimum are left out: those models get worse late in training, which the law cannot follow): E ${f3(stage1.E)}, A ${f3(stage1.A)}, α ${f3(stage1.alpha)}, B ${f3(stage1.B)}, β ${f3(stage1.beta)}; R² ${s1Good.r2.toFixed(3)}, RMSE ${s1Good.rmse.toFixed(3)} nats. With non-embedding counts α would be ${f3(variants_alpha_ne(std))}. All checkpoints of a size are one run with one cosine schedule (not separate runs per D): intermediate checkpoints are not annealed, which biases the D term.`;
  const source =
    'Biderman et al. 2023, Pythia (arXiv:2304.01373), EleutherAI/pythia evals (Apache-2.0, data/public/pythia-evals); fitted by this project (tools/public-fits/pythia.ts)';
  const rsSource = `${source}; repeated-sampling counts: ${t.source}`;
  const gx = t.pythiaGsm8k.extrapolation;
  const ci = (k: string) =>
    `${pc(gx.intervals[k]!.p2_5)}–${gx.intervals[k]!.p97_5 > 10 ? 'unbounded (some resamples diverge)' : pc(gx.intervals[k]!.p97_5)}`;
  const gsmExtrap = (q: 'approach2PassAtK' | 'approach1Nll', what: string) =>
    `Extrapolation test on GSM8K (refitted on the ${gx.fittedCheckpoints} checkpoints with D/N ≤ 40, predicting the ${gx.heldOutCheckpoints} with D/N ≥ 80, ${gx.errors[q].law.n} scored points): ${what} mean relative error ${pc(gx.errors[q].law.mre)} (95 % bootstrap ${ci(`${q}.law`)}), bias ${pc(gx.errors[q].law.bias)}; same-size baseline ${pc(gx.errors[q].baseline.mre)} (${ci(`${q}.baseline`)}). The paper reports ${q === 'approach1Nll' ? '2.8 % on NLL' : '8.4 % on accuracy'}, an over-estimate.`;
  const g = t.pythiaGsm8k.range;
  const a2GsmRange = {
    params: g.params,
    tokens: g.tokens,
    tokensPerParam: g.tokensPerParam,
    trainFlops: g.trainFlops,
    samples: g.samples,
  };
  const sets: PublicSetEntry[] = [
    {
      approach: 2,
      id: 't2-public-pythia-gsm8k',
      name: 'T² Approach 2 fitted on Pythia: L̂ on LAMBADA NLL, θ on GSM8K repeated sampling',
      kind: 'fitted-public',
      source: rsSource,
      note: `${stage1Words} θ0…θ4 fitted by maximum beta-binomial likelihood on GSM8K per-problem counts (n samples, c correct) of 40 Pythia checkpoints (70 M–12 B × steps 3,000–143,000), with L̂ = this stage 1 at each checkpoint: the covariate is TRANSPLANTED from LAMBADA (the same models), the likelihood is our choice (the paper uses squared error on pass@k). pass@k (k = 1…128, unbiased estimator) R² ${t.pythiaGsm8k.goodness.passAtK.r2.toFixed(3)}, RMSE ${t.pythiaGsm8k.goodness.passAtK.rmse.toFixed(3)}. GSM8K accuracy of base Pythia stays ≤ 1.4 %: μ lives in the far tail of its logistic, θ2 (the ceiling) is NOT identified (it runs to 1; interval ${f3(t.pythiaGsm8k.intervals.percentiles.theta2!.p2_5)}–1) and θ0 sits outside the data; do not read accuracies above a few per cent from this set. ν = exp(θ3 + θ4·L̂) is identified by these data. ${gsmExtrap('approach2PassAtK', 'pass@k (k = 1…128, scored in [0.05, 0.95])')} Not refitted in CI (the counts cannot be committed): constants from tools/public-fits/transplant.json.`,
      range: a2GsmRange,
      constants: c.a2Gsm8k.constants,
      intervals: c.a2Gsm8k.intervals as never,
    },
    {
      approach: 2,
      id: 't2-public-pythia-lambada',
      name: 'T² Approach 2 fitted on Pythia LAMBADA (ν transplanted from GSM8K)',
      kind: 'fitted-public',
      source: rsSource,
      note: `${stage1Words} μ(L̂) (T² form, no floor) fitted by least squares on LAMBADA greedy accuracy (lm-eval "acc", an argmax, not a sampled pass@1) of the same checkpoints: θ0 ${f3(mu.theta0)}, θ1 ${f3(mu.theta1)}, θ2 ${f3(mu.theta2)}; R² ${muGood.r2.toFixed(3)}, RMSE ${muGood.rmse.toFixed(3)}. NOT identified by LAMBADA (no repeated sampling): ν, TRANSPLANTED as θ3 ${f3(t.nu.theta3)}, θ4 ${f3(t.nu.theta4)} from the GSM8K beta-binomial fit on the same L̂ scale (set t2-public-pythia-gsm8k): every k > 1 answer rests on that transplant. ${extrap}`,
      range: { ...range, samples: [1, 1] },
      constants: c.a2Lambada.constants,
      intervals: c.a2Lambada.intervals as never,
    },
    {
      approach: 1,
      id: 't2-public-pythia-gsm8k-a1',
      name: 'T² Approach 1 fitted on Pythia GSM8K repeated sampling',
      kind: 'fitted-public',
      source: rsSource,
      note: `All 7 constants fitted (least squares, 500 restarts) on −ln(mean unbiased pass@k) of GSM8K, k = 1, 2, 4, …, 128, 40 Pythia checkpoints (70 M–12 B TOTAL parameters, steps 3,000–143,000): R² ${t.approach1.goodness.r2.toFixed(3)}, RMSE ${t.approach1.goodness.rmse.toFixed(3)} nats. E runs to its bound 0 (−ln pass@k → 0 as k grows: every problem is eventually solved), so G/(E + G) = 1. Target: −ln of the mean pass@k over problems, not the mean of per-problem −ln pass@k the paper models (that is infinite for a problem never solved in n samples). ${gsmExtrap('approach1Nll', '−ln pass@k (scored where ≥ 1 nat)')} Not refitted in CI (the counts cannot be committed): constants from tools/public-fits/transplant.json.`,
      range: a2GsmRange,
      constants: c.a1Gsm8k.constants,
      intervals: c.a1Gsm8k.intervals as never,
    },
    {
      approach: 1,
      id: 't2-public-pythia-lambada-a1',
      name: 'T² Approach 1 on Pythia LAMBADA (k = 1 slice; G, γ transplanted from GSM8K)',
      kind: 'fitted-public',
      source: rsSource,
      note: `${stage1Words} At k = 1 Approach 1 is this law with E1 = E + G = ${f3(stage1.E)}. Identified by LAMBADA: E1, A, B, α, β. NOT identified (no repeated sampling): G and γ, TRANSPLANTED from the GSM8K Approach 1 fit (set t2-public-pythia-gsm8k-a1): γ ${f3(t.approach1.gamma)}, G = ${f3(t.approach1.gFraction)}·E1 (E then ${f3((1 - t.approach1.gFraction) * stage1.E)}); every k > 1 answer rests on that transplant. ${extrap}`,
      range: { ...range, samples: [1, 1] },
      constants: c.a1Lambada.constants,
      intervals: c.a1Lambada.intervals as never,
    },
  ];
  const report = {
    stage1: {
      rule: PRIMARY_RULE,
      params: 'total',
      checkpoints: cps.length,
      constants: stage1,
      goodness: s1Good,
      range,
    },
    mu: { constants: mu, goodness: muGood },
    bootstrap: { resamples: boot.resamples, failures: boot.failures, seed: SEED },
    variants: variants(std),
    lateRiseCheckpoints: late,
    deduped: { checkpoints: dedupCps.length, constants: dedupS1, goodness: stage1Goodness(dedupCps, dedupS1) },
    caveats: {
      schedule:
        'one cosine schedule per size (warm-up 1 %, decay to 10 % at step 143,000): intermediate checkpoints are not annealed runs',
      pythia28bDedupedMaxNllDifference: Math.max(...pair28),
      pythia28bNote:
        'pythia-2.8b and pythia-2.8b-deduped give near-identical LAMBADA results at every step (upstream evals): the deduped 2.8 B files may be of the standard model',
      lambadaAccuracy: 'lm-eval acc is greedy exact match of the last word, not a sampled pass@1',
    },
    extrapolation: splits,
  };
  return { sets, report };
}

const label = (l: string) => l.replace(/([0-9.]+)([mb])$/, (_, n: string, u: string) => `${n} ${u.toUpperCase()}`);
/** "70 M and 160 M", "70 M–12 B": the sizes of a list of checkpoints, for the notes. */
function sizeWords(cps: readonly PythiaCheckpoint[]): string {
  const sizes = [...new Map(cps.map((c) => [c.size.label, c.size.totalParams])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([l]) => label(l));
  return sizes.length <= 2 ? sizes.join(' and ') : `${sizes[0]}–${sizes[sizes.length - 1]}`;
}
const stepWords = (cps: readonly PythiaCheckpoint[]) =>
  `${Math.min(...cps.map((c) => c.step)).toLocaleString('en-US')}–${Math.max(...cps.map((c) => c.step)).toLocaleString('en-US')}`;

function variants_alpha_ne(std: readonly PythiaCheckpoint[]): number {
  return fitStage1(selectStage1(std, PRIMARY_RULE), 'non-embedding').alpha;
}

export const pythiaModule: PublicFitModule = {
  id: 'pythia',
  tidy: () => pythiaTables(),
  fit: (opts) => fitPythia(opts),
};

function main(): void {
  const t0 = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
  for (const t of pythiaTables()) writeFileSync(`${TIDY}${t.file}`, toCsv(t.columns, t.rows));
  const r = fitPythia({ resamples: 200, log });
  writeFileSync(PYTHIA_REPORT_FILE, `${JSON.stringify(r.report, null, 2)}\n`);
  const shipped = JSON.parse(readFileSync(PUBLIC_SETS, 'utf8')) as { id: string }[];
  const others = shipped.filter((e) => !e.id.startsWith('t2-public-pythia'));
  writeFileSync(PUBLIC_SETS, `${JSON.stringify([...others, ...r.sets], null, 2)}\n`);
  log(`wrote tables, ${PYTHIA_REPORT_FILE} and ${r.sets.length} sets`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
