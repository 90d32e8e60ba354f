/** The readouts' sentences, pure so they can be tested without rendering. */
import { isLifetimeAccounting } from '../domain/quality-models';
import type { BudgetMiss } from '../domain/budget-use';
import type { QualityModel } from '../domain/scenario';
import type { CostData, ExplorerData, LifetimeSplit, PaperSettingDesign, Savings } from '../engine/explorer-data-types';
import { formatCount, formatDollars, formatFactor, formatFlops, formatQuality, formatShare } from './format';

/** "3.2× less" for a factor ≥ 1, "1.5× more" below 1. */
export function lessOrMore(factor: number): string {
  if (!Number.isFinite(factor) || factor <= 0) return '—';
  if (Math.abs(factor - 1) < 5e-3) return 'the same';
  return factor >= 1 ? `${formatFactor(factor)} less` : `${formatFactor(1 / factor)} more`;
}

/** Kind of a constant set, as a label. */
export function kindLabel(kind: string): string {
  switch (kind) {
    case 'published':
      return 'published';
    case 'fitted-public':
      return 'fitted on public data';
    case 'fitted-testbed':
      return 'fitted on the testbed';
    case 'illustrative':
      return 'illustrative, not fitted';
    default:
      return 'user-supplied';
  }
}

/** " [extrapolated]" after a number outside the set's fitted data, '' inside. */
function flag(mark: { text: string | null } | null | undefined): string {
  return mark?.text ? ' [extrapolated]' : '';
}

/** The quality sentence; each number outside the set's fitted data is flagged "[extrapolated]". */
export function qualityText(data: ExplorerData): string {
  const marks = data.readouts.extrapolation;
  const q = formatQuality(data.readouts.quality, data.quality);
  const best = data.readouts.optimumQuality;
  const opt =
    best === null
      ? ''
      : ` (the optimum at the current budgets reaches ${formatQuality(best, data.quality)}${flag(marks?.optimum)})`;
  return `Predicted ${data.quality.label} of the current design: ${q}${flag(marks?.design)}${opt}.`;
}

/**
 * The extrapolation sentence of the optimum: in which dimensions it lies outside the data the set was fitted on, and
 * by how far (engine/data/extrapolation.ts); empty inside, or when the set records no range. The design's own
 * dimensions are the range warnings' job (readout.range-warning).
 */
export function extrapolationText(data: ExplorerData): string[] {
  const marks = data.readouts.extrapolation;
  if (!marks) return [];
  const out: string[] = [];
  const name = isLifetimeAccounting(data.model) ? 'The lifetime optimum' : 'The optimum at these budgets';
  if (marks.optimum?.text)
    out.push(
      `${name} is ${marks.optimum.text.replace(/^extrapolated: /, 'extrapolated beyond the data of this set: ')}.`,
    );
  return out;
}

/** The savings sentence(s); `atTarget`: the lifetime optimum was placed at the target loss, not the design's. */
export function savingsText(savings: Savings | null, model: QualityModel, atTarget = false): string {
  if (!savings) {
    return isLifetimeAccounting(model)
      ? 'The lifetime optimum could not be placed for this loss.'
      : 'The design is on the frontier: no design reaches this quality with less compute.';
  }
  if (savings.mode === 'lifetime') {
    return `The lifetime optimum (Sardana et al.) reaches ${atTarget ? 'the target loss' : 'this loss'} with ${lessOrMore(savings.both)} lifetime compute: ${lessOrMore(savings.training)} training and ${lessOrMore(savings.inference)} inference compute.`;
  }
  return `The optimum reaches this quality with ${formatFactor(savings.both)} less training and ${formatFactor(savings.both)} less inference compute (both cut by the same factor); or ${formatFactor(savings.training)} less training at the same inference budget, or ${formatFactor(savings.inference)} less inference at the same training budget.`;
}

/** The tokens-per-parameter sentence. */
export function tokensPerParamText(data: ExplorerData): string {
  const t = data.readouts.tokensPerParam;
  const marks = data.readouts.extrapolation;
  const parts = [`Design: ${formatCount(t.design)} tokens per parameter${flag(marks?.design)}`];
  if (t.optimum !== null) parts.push(`optimum: ${formatCount(t.optimum)}${flag(marks?.optimum)}`);
  if (t.chinchilla !== null) parts.push(`Chinchilla at this training budget: ${formatCount(t.chinchilla)}`);
  return `${parts.join('; ')} (rule of thumb: 20).`;
}

function split(s: LifetimeSplit): string {
  return `${formatShare(s.trainShare)} training (${formatFlops(s.trainFlops)} FLOPs), ${formatShare(s.inferenceShare)} inference (${formatFlops(s.inferenceFlops)} FLOPs)`;
}

/** The lifetime-split sentence. */
export function lifetimeText(data: ExplorerData): string {
  const r = data.readouts;
  const served = `over ${formatCount(r.tokensServed)} tokens served`;
  const opt = r.lifetime.optimum
    ? ` The ${isLifetimeAccounting(data.model) ? 'lifetime optimum' : 'optimum'}: ${split(r.lifetime.optimum)}.`
    : '';
  return `Lifetime compute ${served}: ${split(r.lifetime.design)}.${opt}`;
}

/** One cheapest budget: its value, "at most …" at the chart's lower edge, or unreachable. */
function cheapest(value: number | null, atEdge: boolean, unit: string): string {
  if (value === null) return "unreachable within the chart's range";
  return `${atEdge ? 'at most ' : ''}${formatFlops(value)} ${unit}${atEdge ? " (the chart's lower edge)" : ''}`;
}

/** The target-quality sentence; null when no target is set. Never prints NaN. */
export function targetText(data: ExplorerData): string | null {
  const t = data.frontier.target;
  if (!t) return null;
  if (t.message) return t.message;
  const f = data.frontier.budget;
  const head = `Cheapest budgets reaching the target ${data.quality.label} of ${formatQuality(t.value, data.quality)}: `;
  const life = t.lifetimeAtTarget ? ' The lifetime optimum (triangle) is placed at the target loss.' : '';
  if (t.cheapestTrain === null && t.cheapestInference === null)
    return `${head}unreachable within the chart's range.${life}`;
  return (
    `${head}training ${cheapest(t.cheapestTrain, t.trainAtEdge, 'FLOPs')} at the current inference budget (${formatFlops(f.inferenceFlops)} FLOPs/token); ` +
    `inference ${cheapest(t.cheapestInference, t.inferenceAtEdge, 'FLOPs/token')} at the current training budget (${formatFlops(f.trainFlops)} FLOPs).${life}`
  );
}

/** The over-budget sentence: which budget the design exceeds, what it needs and by how much. */
export function overshootText(overshoots: readonly BudgetMiss[]): string {
  const parts = overshoots.map((m) =>
    m.budget === 'training'
      ? `training needs ${formatFlops(m.needed)} FLOPs (6ND), ${formatFactor(m.ratio)} the training budget of ${formatFlops(m.available)}`
      : `inference needs ${formatFlops(m.needed)} FLOPs per token (2Nk), ${formatFactor(m.ratio)} the inference budget of ${formatFlops(m.available)}`,
  );
  return `The design is over budget: ${parts.join('; ')}.`;
}

/** The money sentence: budgets in dollars and GPU-hours, the design's lifetime cost, and the cost-optimal model. */
export function costText(c: CostData, samples: number): string {
  const hw = `${c.train.gpu} at $${c.train.dollarsPerGpuHour.toFixed(2)}/GPU-hour and ${formatShare(c.train.mfu)} MFU; serving on ${c.serve.gpu} at $${c.serve.dollarsPerGpuHour.toFixed(2)}/GPU-hour, ${c.serve.decodeModel === 'roofline' ? 'roofline decode' : 'fixed-utilisation decode'}`;
  const parts = [
    `Money (${hw}): the training budget is ${formatDollars(c.budgets.trainDollars)} (${formatCount(c.budgets.trainGpuHours, 2)} GPU-hours), the inference budget ${formatDollars(c.budgets.inferenceDollarsPerMillionTokens)} per million tokens at the compute roof.`,
  ];
  if (c.design) {
    parts.push(
      `The design's lifetime cost is ${formatDollars(c.design.totalCost)}: ${formatDollars(c.design.trainCost)} training and ${formatDollars(c.design.inferenceCost)} serving with k = ${formatCount(samples)} (${formatDollars(c.design.inferenceCostPerMillionTokens)} per million answer tokens; ${formatShare(c.design.trainingShare)} training; decode ${c.design.decodeBound}-bound).`,
    );
  }
  if (c.costOptimal) {
    const o = c.costOptimal;
    parts.push(
      `At this loss (${o.loss.toPrecision(4)} nats, Chinchilla part of the set) the cost-optimal model is N = ${formatCount(o.params)}, D = ${formatCount(o.tokens)} for ${formatDollars(o.totalCost)}, against ${formatDollars(o.flopOptimal.totalCost)} for the FLOP-optimal N = ${formatCount(o.flopOptimal.params)}, D = ${formatCount(o.flopOptimal.tokens)} (Sardana et al.'s cost-optimal view, with k).`,
    );
  }
  return parts.join(' ');
}

function paperDesign(d: PaperSettingDesign, data: ExplorerData): string {
  const p = d.point;
  // A loss model (T² Approach 1's task NLL) implies its pass@k as exp(−L); an accuracy model's quality is pass@k.
  const pass = !data.quality.higherIsBetter
    ? `implied pass@k exp(−L) ${formatShare(d.passAtK)} (task NLL ${formatQuality(p.quality, data.quality)})`
    : `pass@k ${formatShare(d.passAtK)}`;
  return `N = ${formatCount(p.params)}, D/N = ${formatCount(p.tokensPerParam)}, k = ${formatCount(p.samples)}, ${pass}${flag(d.extrapolation)}`;
}

/**
 * The paper-setting sentence (T² models): the best over-trained design against the Chinchilla-optimal one at
 * C_train 2.56e19, C_inf 2e9, beside the direction of the paper's Table 1; null for the Chinchilla and lifetime views.
 */
export function paperSettingText(data: ExplorerData): string | null {
  const ps = data.paperSetting;
  if (!ps) return null;
  const head = `At the T² paper's setting (C_train = ${formatFlops(ps.trainFlops)} FLOPs, C_inf = ${formatFlops(ps.inferenceFlops)} FLOPs/token), under this set:`;
  const chin = `${paperDesign(ps.chinchilla, data)}${ps.chinchillaAffordable ? '' : ' (cannot run one sample within C_inf; shown at k = 1)'}`;
  const verdict = ps.agreesWithPaper
    ? "This set agrees with the direction of the paper's Table 1: the over-trained, smaller model sampled more often wins."
    : "This set does NOT follow the direction of the paper's Table 1 (there the over-trained, smaller model sampled more often wins).";
  return `${head} best over-trained design ${paperDesign(ps.overtrained, data)}; Chinchilla-optimal design ${chin}. ${verdict}`;
}
