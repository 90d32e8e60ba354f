/**
 * The headline answer (issue 13, item 1): one or two plain sentences, written from what the engine already computed
 * for the current budgets and constant set (ExplorerData), that answer the page's question before any readout: what
 * to train (N, D, D/N), how many samples per question, the quality reached, against Chinchilla's choice at the same
 * budgets and against the user's current design (both budgets cut alike, and inference alone at the design's training
 * budget: "equal quality for 1.2× less inference compute"), and whether the answer is extrapolated (flagged in the
 * answer sentence itself, "(extrapolated)", and spelt out in `fitted`).
 *
 * Pure and free of the domain's laws: it only reads numbers the engine produced, and what the model's registry entry
 * declares (src/charts/model-facts.ts: k term, lifetime accounting), and formats them (ratios through
 * formatFactor, i.e. domain/quantity.ts formatRatio: "1.5×", "59×", "> 1,000,000×", never raw). A number the engine
 * could not produce (null, NaN, ±Infinity) is said to be unavailable in words; the text never contains "NaN",
 * "Infinity" or "undefined".
 */
import { formatCount, formatFactor, formatQuality } from '../charts/format';
import { modelCountsLifetime, modelUsesSamples } from '../charts/model-facts';
import type { DesignPoint, ExplorerData, QualityInfo } from '../engine/explorer-data-types';

/** The headline: a lead sentence (what to train) and a comparison sentence, plus the extrapolation verdict. */
export interface Headline {
  /** What to train and what it reaches, e.g. "Train N = 148M parameters on D = 28.9B tokens (D/N = 195) …". */
  answer: string;
  /** Against Chinchilla's choice at the same budgets and against the current design. */
  comparison: string;
  /** True when the recommended design lies outside the data its constant set was fitted on. */
  extrapolated: boolean;
  /** The extrapolation verdict in words (also when inside the fitted data, or when the set records no range). */
  fitted: string;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A count ("148M"), or "an unavailable number" in words. */
function count(v: number | null | undefined): string {
  return finite(v) && v > 0 ? formatCount(v) : 'an unavailable number';
}

/** A quality with its unit, or words when the engine could not compute it. */
function quality(v: number | null | undefined, q: QualityInfo): string {
  return finite(v) ? formatQuality(v, q) : 'an unavailable value';
}

/** "better", "worse" or "the same" for `a` against `b` (lower is better for losses). */
function compare(a: number, b: number, q: QualityInfo): 'better' | 'worse' | 'same' {
  const scale = Math.max(Math.abs(a), Math.abs(b), 1e-12);
  if (Math.abs(a - b) / scale < 5e-4) return 'same';
  return (q.higherIsBetter ? a > b : a < b) ? 'better' : 'worse';
}

/** "N = 148M parameters on D = 28.9B tokens (D/N = 195)[, k = 3.6 samples per question]". */
function designWords(p: DesignPoint, withSamples: boolean): string {
  const ratio =
    finite(p.tokensPerParam) && p.tokensPerParam > 0 ? `D/N = ${formatCount(p.tokensPerParam)}` : 'D/N unavailable';
  const k = withSamples ? `, drawing k = ${count(p.samples)} samples per question` : '';
  return `N = ${count(p.params)} parameters on D = ${count(p.tokens)} tokens (${ratio})${k}`;
}

/**
 * The headline of `data` (the engine's result for the current scenario).
 * @returns the sentences; never throws, never contains NaN, Infinity or undefined.
 */
export function headlineText(data: ExplorerData): Headline {
  const q = data.quality;
  // From the model's registry entry: the lifetime view counts one budget; the T² models draw k samples per question
  // (under the others k only scales inference, so the headline does not name it).
  const lifetime = modelCountsLifetime(data.model);
  const withSamples = modelUsesSamples(data.model);
  const best = lifetime ? data.frontier.lifetime : data.frontier.optimum;
  const design = data.frontier.design;
  const marks = data.frontier.extrapolation;
  const mark = lifetime ? marks?.lifetime : marks?.optimum;
  const extrapolated = Boolean(mark?.text);
  const fitted = !mark
    ? 'This constant set records no fitted range, so whether this is extrapolated is unknown.'
    : extrapolated
      ? `Extrapolated: this design lies outside the data the constant set was fitted on (${mark.text!.replace(/^extrapolated: /, '')}).`
      : 'Inside the data the constant set was fitted on.';

  if (!best) {
    const why = lifetime
      ? 'The lifetime optimum cannot be placed for this loss'
      : 'No optimum is available at these budgets';
    return {
      answer: `${why}; your design (${designWords(design, withSamples)}) reaches ${q.label} ${quality(design.quality, q)}.`,
      comparison: 'Change the budgets or the design to get a recommendation.',
      extrapolated: false,
      fitted: 'No recommendation to check against the fitted data.',
    };
  }

  const answer = lifetime
    ? `For your design's loss over its lifetime, train ${designWords(best, false)}: it reaches ${q.label} ${quality(best.quality, q)}${extrapolated ? ' (extrapolated)' : ''} with the least lifetime compute (Sardana et al.).`
    : `With these budgets, train ${designWords(best, withSamples)}: that reaches ${q.label} ${quality(best.quality, q)}${extrapolated ? ' (extrapolated)' : ''}, the best these budgets allow.`;

  const parts: string[] = [];
  const chin = data.frontier.chinchilla;
  if (!lifetime) {
    if (chin && finite(chin.quality) && finite(best.quality)) {
      const c = compare(best.quality, chin.quality, q);
      const chinWords = `Chinchilla's choice at the same budgets (N = ${count(chin.params)}, D/N = ${count(chin.tokensPerParam)}${withSamples ? `, k = ${count(chin.samples)}` : ''}) reaches ${quality(chin.quality, q)}`;
      parts.push(
        c === 'same'
          ? `${chinWords}, the same`
          : `${chinWords}, ${c === 'better' ? 'worse' : 'better'} than the optimum`,
      );
    } else {
      parts.push("Chinchilla's choice at these budgets is unavailable");
    }
  }
  const s = data.readouts.savings;
  const dq = quality(design.quality, q);
  if (s && s.mode === 'two-budget' && finite(s.both) && s.both > 0) {
    const inferenceOnly =
      finite(s.inference) && s.inference > 1.005
        ? `, or ${formatFactor(s.inference)} less inference compute at your training budget`
        : '';
    parts.push(
      `your design reaches ${dq}; the optimum matches that quality for ${formatFactor(s.both)} less training and inference compute${inferenceOnly}`,
    );
  } else if (s && s.mode === 'lifetime' && finite(s.both) && s.both > 0) {
    const life =
      Math.abs(s.both - 1) < 5e-3
        ? 'no less lifetime compute'
        : s.both >= 1
          ? `${formatFactor(s.both)} less lifetime compute`
          : `${formatFactor(1 / s.both)} more lifetime compute`;
    parts.push(`your design reaches ${dq}; the lifetime optimum reaches that loss with ${life} than your design`);
  } else if (!lifetime) {
    parts.push(`your design reaches ${dq} and is already on the frontier`);
  } else {
    parts.push(`your design reaches ${dq}; the saving is unavailable`);
  }
  const comparison = `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
  return { answer, comparison, extrapolated, fitted };
}
