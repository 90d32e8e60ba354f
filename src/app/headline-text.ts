/**
 * The headline answer (issue 13 item 1), pure: one or two sentences in plain numbers that answer the scenario at the
 * current budgets and constant set: what to train (N, D, D/N), how many samples, the quality reached, against the
 * Chinchilla choice and against the current design, and whether the answer is extrapolated. Every number comes from
 * what the engine already computed (ExplorerData: the frontier's marks, readouts, extrapolation marks); nothing is
 * recomputed here. Ratios read as people write them (domain formatRatio through formatFactor: "> 1,000,000×").
 */
import type { DesignPoint, ExplorerData } from '../engine/explorer-data-types';
import { formatCount, formatFactor, formatQuality } from '../charts/format';

/** The headline: the answer sentence, the comparison sentence, and whether a number in it is extrapolated. */
export interface Headline {
  /** "Train N = 148M on D = 28.9B tokens (D/N = 195), draw k = 3.6 samples: task NLL 3.898 nats." */
  answer: string;
  /** Against the Chinchilla choice and the current design; '' when there is nothing to compare. */
  comparison: string;
  /** Set when the answer lies outside the data the constant set was fitted on (the flag's text). */
  extrapolated: string | null;
}

/** "N = 148M, D = 28.9B tokens (D/N = 195)" and, for models with a k term, "k = 3.6 samples". */
function designWords(p: DesignPoint, withSamples: boolean): string {
  const train = `N = ${formatCount(p.params)} parameters on D = ${formatCount(p.tokens)} tokens (D/N = ${formatCount(p.tokensPerParam)})`;
  return withSamples ? `${train} and draw k = ${formatCount(p.samples)} samples per question` : train;
}

/** "better", "worse" or "the same" for quality a against b, in the model's direction. */
function compareQuality(a: number, b: number, higherIsBetter: boolean): 'better' | 'worse' | 'same' {
  const scale = Math.max(Math.abs(a), Math.abs(b), 1e-12);
  if (Math.abs(a - b) / scale < 5e-4) return 'same';
  return (higherIsBetter ? a > b : a < b) ? 'better' : 'worse';
}

/** True when the model has a samples-per-question term (the T² approaches). */
function hasSamples(data: ExplorerData): boolean {
  return data.model === 't2-1' || data.model === 't2-2';
}

/** The headline of a computed result. Never prints NaN: missing numbers drop their clause. */
export function headlineText(data: ExplorerData): Headline {
  const f = data.frontier;
  const q = data.quality;
  const marks = data.readouts.extrapolation ?? null;
  const samples = hasSamples(data);
  if (data.model === 'lifetime') return lifetimeHeadline(data);
  const best = f.optimum;
  if (!best) {
    return {
      answer: `Your design reaches ${q.label} ${formatQuality(f.design.quality, q)}; no optimum could be placed at these budgets.`,
      comparison: '',
      extrapolated: marks?.design.text ?? null,
    };
  }
  const extrapolated = marks?.optimum?.text ?? null;
  const answer = `At these budgets, train ${designWords(best, samples)}: ${q.label} ${formatQuality(best.quality, q)}${extrapolated ? ' (extrapolated)' : ''}.`;
  const parts: string[] = [];
  const chin = f.chinchilla;
  if (chin && data.model !== 'chinchilla') {
    const how = compareQuality(best.quality, chin.quality, q.higherIsBetter);
    const chinWords = `the Chinchilla choice (N = ${formatCount(chin.params)}, D/N = ${formatCount(chin.tokensPerParam)}${samples ? `, k = ${formatCount(chin.samples)}` : ''}, ${formatQuality(chin.quality, q)})`;
    parts.push(how === 'same' ? `as good as ${chinWords}` : `${how} than ${chinWords}`);
  }
  const s = data.readouts.savings;
  if (s && s.mode === 'two-budget' && Number.isFinite(s.inference) && s.inference > 1.005) {
    parts.push(`matching your design's ${formatQuality(f.design.quality, q)} takes ${formatFactor(s.inference)} less inference compute (or ${formatFactor(s.training)} less training compute)`);
  } else if (!s) {
    parts.push('your design is already on the frontier');
  }
  return { answer, comparison: sentence(parts), extrapolated };
}

/** Lifetime view (Sardana et al.): the lifetime optimum at the design's (or the target) loss. */
function lifetimeHeadline(data: ExplorerData): Headline {
  const f = data.frontier;
  const q = data.quality;
  const opt = f.lifetime ?? f.optimum;
  const s = data.readouts.savings;
  const extrapolated = data.readouts.extrapolation?.optimum?.text ?? null;
  if (!opt) {
    return { answer: `Your design reaches ${q.label} ${formatQuality(f.design.quality, q)}; the lifetime optimum could not be placed.`, comparison: '', extrapolated };
  }
  const answer = `For ${formatCount(data.readouts.tokensServed)} tokens served, train ${designWords(opt, false)}: ${q.label} ${formatQuality(opt.quality, q)}${extrapolated ? ' (extrapolated)' : ''}, the least lifetime compute (Sardana et al.).`;
  const parts: string[] = [];
  if (s && s.mode === 'lifetime' && Number.isFinite(s.both)) {
    parts.push(s.both > 1.005
      ? `Against your design (N = ${formatCount(f.design.params)}, D/N = ${formatCount(f.design.tokensPerParam)}) that is ${formatFactor(s.both)} less lifetime compute`
      : `Your design (N = ${formatCount(f.design.params)}, D/N = ${formatCount(f.design.tokensPerParam)}) is already there`);
  }
  const chin = f.chinchilla;
  if (chin) parts.push(`Chinchilla's compute-optimal model at this training budget has N = ${formatCount(chin.params)}, D/N = ${formatCount(chin.tokensPerParam)}`);
  return { answer, comparison: sentence(parts), extrapolated };
}

/** Joins clauses into one sentence with a capital and a full stop; '' for none. */
function sentence(parts: string[]): string {
  if (parts.length === 0) return '';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
