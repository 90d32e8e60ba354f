/**
 * Names, sources and notes of the shipped Gadre et al. sets, written from the fit's own results (every number in
 * them is computed, none typed in): goodness of fit, what is identified by which data, what is transplanted, the
 * bootstrap intervals, and the extrapolation errors beside the trivial baseline and the paper's.
 */
import type { SplitResult } from './extrapolation';
import { PAPER_ERRORS } from './extrapolation';
import type { SetBootstrap } from './gadre-sets';
import { nuRelationText, type Transplant } from './transplant';
import type { TaskReport, TrainingSetReport } from './gadre-fit';

const f3 = (v: number) => Number(v.toPrecision(3)).toString();
const pct = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${(100 * v).toFixed(1)} %`);
const iv = (i: { p2_5: number; p97_5: number } | null) => (i ? ` [${pct(i.p2_5)}, ${pct(i.p97_5)}]` : '');
const sci = (v: number) => v.toExponential(2).replace('e+', 'e');
const dir = (signed: number | undefined) =>
  signed === undefined ? '' : signed > 0 ? 'over-estimates' : 'under-estimates';

/** One split in words: loss and (when scored) accuracy errors with intervals, direction and the baseline's. */
export function splitSentence(s: SplitResult, withAccuracy: boolean): string {
  const L = s.scores.loss,
    A = s.scores.accuracy,
    b = s.bootstrap;
  let out = `${s.label} (${s.heldOutRuns.length} models): loss ${pct(L.fit?.meanRelativeError)}${iv(b.loss.fit)}, ${dir(L.fit?.signedMeanRelativeError)}; baseline ${pct(L.baseline?.meanRelativeError)}${iv(b.loss.baseline)}`;
  if (withAccuracy) {
    out += A.fit
      ? `; accuracy (${A.fit.n} scored) ${pct(A.fit.meanRelativeError)}${iv(b.accuracy.fit)}, ${dir(A.fit.signedMeanRelativeError)}; baseline ${pct(A.baseline?.meanRelativeError)}${iv(b.accuracy.baseline)}`
      : '; accuracy: no held-out model in [0.05, 0.95]';
  }
  if (s.baselineFromOtherSize.length)
    out += ' (baseline: the largest fitted size at the nearest D/N, no same-size run being fitted)';
  return out;
}

/** Whether the fit beat the baseline on the point estimates, said plainly. */
function beats(s: SplitResult, what: 'loss' | 'accuracy'): string {
  const x = s.scores[what];
  if (!x.fit || !x.baseline) return '';
  return x.fit.meanRelativeError < x.baseline.meanRelativeError
    ? `beats the baseline on ${what}`
    : `does NOT beat the baseline on ${what}`;
}

function range(main: TrainingSetReport, runs: readonly { params: number; tokens: number }[]): string {
  const n = runs.map((r) => r.params),
    dn = runs.map((r) => r.tokens / r.params);
  return `${main.runs} ${main.name}-trained models (N = total parameters ${sci(Math.min(...n))}–${sci(Math.max(...n))}, D/N ${f3(Math.min(...dn))}–${f3(Math.max(...dn))}; ${main.dropped.length} models whose training ends before their learning-rate warmup left out)`;
}

const CITE =
  'Gadre et al. 2024, "Language models scale reliably with over-training and on downstream tasks", arXiv:2403.08540 (data: mlfoundations/scaling exp_data @ a003c49, MIT; data/public/gadre-2024)';
const FORM = 'law form of Roberts et al. 2026, arXiv:2604.01411 (laws.md §2, §8)';

function transplantWords(t: Transplant): string {
  return t.provisional ? `a PROVISIONAL placeholder, not a fit (${t.source})` : t.source;
}

export function gadreNotes(
  main: TrainingSetReport,
  lambada: TaskReport,
  t: Transplant,
  boot: readonly SetBootstrap[],
  runs: readonly { params: number; tokens: number }[],
  nu: { theta3: number; theta4: number },
) {
  const g1 = main.stage1Goodness,
    g2 = lambada.goodness;
  const b2 = boot.find((b) => b.approach === 2)!,
    b1 = boot.find((b) => b.approach === 1)!;
  const p2 = b2.percentiles,
    p1 = b1.percentiles;
  const bi = (p: SetBootstrap['percentiles'], k: string) => `∈ [${f3(p[k]!.p2_5)}, ${f3(p[k]!.p97_5)}]`;
  const [x40, x20, xN] = lambada.extrapolation as [SplitResult, SplitResult, SplitResult];
  const ceiling =
    lambada.mu.theta2 > 0.999
      ? ' θ2 sits at its ceiling 1: the data (accuracy up to about 0.6) do not identify the ceiling.'
      : '';
  const stage1Words = `Stage 1: Chinchilla Approach 3 (src/domain/fit/fit-chinchilla.ts, Huber on log loss, Hoffmann's 4,500-start grid) on the C4-eval loss (per-token cross-entropy on held-out C4 text, nats per token; NOT the T² paper's task NLL, the NLL of an answer span) of ${range(main, runs)}: R² = ${g1.r2.toFixed(4)}, RMSE = ${f3(g1.rmse)} nats.`;
  const boots = (b: SetBootstrap) =>
    `95 % bootstrap intervals (${b.resamples - b.failures} of ${b.resamples} resamples of whole models fitted, seed ${b.seed}, refits warm-started at this fit; every constant's interval is in \`intervals\`)`;
  const extrap = (acc: boolean) =>
    `Extrapolation test (bootstrap 95 % intervals; baseline = each held-out model predicted by the same-size model at its largest fitted D): ${splitSentence(x40, acc)}; ${splitSentence(x20, acc)}; ${splitSentence(xN, acc)}. ` +
    `On D/N ≤ 40 → ≥ 80 the fit ${[beats(x40, 'loss'), acc ? beats(x40, 'accuracy') : ''].filter(Boolean).join(' and ')}. Paper (T² testbed, its own task NLL and accuracy): ${pct(PAPER_ERRORS.approach1Nll)} on NLL and ${pct(PAPER_ERRORS.approach2Accuracy)} on accuracy, ${PAPER_ERRORS.direction}.`;
  const k0 = main.stage1AllModels.lambadaExtrapolation[0]!;
  const keep = (acc: boolean) =>
    `Sensitivity: with the ${main.dropped.length} left-out models kept, stage 1 has R² = ${main.stage1AllModels.goodness.r2.toFixed(4)} and the D/N ≤ 40 → ≥ 80 errors become loss ${pct(k0.scores.loss.fit?.meanRelativeError)} (baseline ${pct(k0.scores.loss.baseline?.meanRelativeError)})${acc ? `, accuracy ${pct(k0.scores.accuracy.fit?.meanRelativeError)} (baseline ${pct(k0.scores.accuracy.baseline?.meanRelativeError)})` : ''}: the result depends on that rule.`;
  return {
    a2Name: `T² Approach 2 fitted on Gadre et al. 2024 (${main.name}-trained models: C4-eval loss → LAMBADA accuracy; ν transplanted)`,
    a2Source: `Fitted by T² Explorer (tools/public-fits, src/domain/fit) on ${CITE}; ${FORM}. ν (θ3, θ4) TRANSPLANTED from ${transplantWords(t)}.`,
    a2Note:
      `${stage1Words} Stage 2: μ = θ2/(1 + exp(θ1(L̂ − θ0))) (the T² form, no floor) by least squares (src/domain/fit/fit-mu.ts) on LAMBADA (OpenAI) 0-shot accuracy, which is greedy (the target word must be the argmax continuation), not a sampled pass@1, and measured at k = 1 only: R² = ${g2.r2.toFixed(3)}, RMSE = ${f3(g2.rmse)}.${ceiling} ` +
      `Identified by these data: E, A, B, α, β (loss over the (N, D) grid) and θ0, θ1, θ2 (accuracy at k = 1, where Acc = μ whatever ν is). NOT identified: ν; θ3 = ${f3(nu.theta3)} and θ4 = ${f3(nu.theta4)} are TRANSPLANTED (${nuRelationText(t.approach2.relation, f3)}, fitted on ${t.approach2.fittedOn}, projected onto L̂ over the fitted runs) from ${transplantWords(t)}; every pass@k for k > 1 rests on that transplant. ` +
      `${boots(b2)}: α ${bi(p2, 'alpha')}, β ${bi(p2, 'beta')}, θ0 ${bi(p2, 'theta0')}, θ1 ${bi(p2, 'theta1')}. ` +
      `${extrap(true)} Accuracy errors compare μ at k = 1 with greedy accuracy, only for held-out models with accuracy in [0.05, 0.95]. ${keep(true)} Outside the fitted range (N, D, D/N, C above; k = 1 only) every answer extrapolates.`,
    a1Name: `T² Approach 1 k = 1 slice fitted on Gadre et al. 2024 (${main.name}-trained models, C4-eval loss; G, γ transplanted)`,
    a1Source: `Fitted by T² Explorer (tools/public-fits, src/domain/fit) on ${CITE}; ${FORM}. G and γ TRANSPLANTED from ${transplantWords(t)}.`,
    a1Note:
      `${stage1Words} At k = 1 Approach 1 is this Chinchilla law with E1 = E + G = ${f3(main.stage1.E)} nats. Identified by these data: E1, A, B, α, β. NOT identified (Gadre et al. have no repeated sampling): G and γ, TRANSPLANTED: γ = ${f3(t.approach1.gamma)} and G = ${f3(t.approach1.gFraction)}·E1 (so E = ${f3(1 - t.approach1.gFraction)}·E1), fitted on ${t.approach1.fittedOn}, from ${transplantWords(t)}; every k > 1 answer rests on that transplant, and the target is a per-token text loss, not the answer NLL the T² law models, so the NLL and pass@k it gives are on that scale. ` +
      `${boots(b1)}: α ${bi(p1, 'alpha')}, β ${bi(p1, 'beta')}. ` +
      `${extrap(false)} ${keep(false)} Outside the fitted range (N, D, D/N, C above; k = 1 only) every answer extrapolates.`,
  };
}
