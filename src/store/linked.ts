/**
 * Moving one control of the scenario, with or without the budgets held (linked mode). Pure.
 *
 * Linked mode keeps the design on both budgets of T² (laws.md §0, §2): 6·N·D = C_train and 2·N·k = C_inf. Moving N
 * moves D along the isoFLOP line and k along the inference budget; moving D or k moves N (and through it the other
 * one); moving a budget keeps N and re-derives D or k. Everything is clamped into the URL schema's ranges, so at the
 * edges a design can end up off budget: `heldBudgetNotes` says so beside the control at its edge, and the readouts
 * show the overshoot.
 */
import { budgetMisses, type BudgetMiss } from '../domain/budget-use';
import { formatQuantity, formatRatio } from '../domain/quantity';
import type { Scenario } from '../domain/scenario';
import { rangeOf } from './url/schema';

/** The numeric fields of a scenario, each driven by one control. */
export type NumericField =
  'params' | 'tokens' | 'samples' | 'trainFlops' | 'inferenceFlops' | 'tokensServed' | 'targetQuality';

/** Clamps a value into a field's schema range. */
export function clampField(field: NumericField, value: number): number {
  const { min, max } = rangeOf(field);
  return Math.min(max, Math.max(min, value));
}

/**
 * The scenario after setting `field` to `value` (clamped). With `linked`, the design follows the budgets as described
 * above. Non-finite values leave the scenario unchanged.
 */
export function applyChange(s: Scenario, field: NumericField, value: number, linked: boolean): Scenario {
  if (!Number.isFinite(value)) return s;
  const next: Scenario = { ...s, [field]: clampField(field, value) };
  if (!linked) return next;
  const tokensFor = (n: number) => clampField('tokens', next.trainFlops / (6 * n));
  const samplesFor = (n: number) => clampField('samples', next.inferenceFlops / (2 * n));
  switch (field) {
    case 'params':
      next.tokens = tokensFor(next.params);
      next.samples = samplesFor(next.params);
      break;
    case 'tokens':
      next.params = clampField('params', next.trainFlops / (6 * next.tokens));
      next.samples = samplesFor(next.params);
      break;
    case 'samples':
      next.params = clampField('params', next.inferenceFlops / (2 * next.samples));
      next.tokens = tokensFor(next.params);
      break;
    case 'trainFlops':
      next.tokens = tokensFor(next.params);
      break;
    case 'inferenceFlops':
      next.samples = samplesFor(next.params);
      break;
    default:
      break;
  }
  return next;
}

/** What linked mode could not hold, per control: a sentence beside the control whose range edge broke a budget. */
export type HeldBudgetNotes = Partial<Record<NumericField, string>>;

const SYMBOL: Record<'params' | 'tokens' | 'samples', string> = { params: 'N', tokens: 'D', samples: 'k' };

function edgeOf(field: NumericField, value: number): 'minimum' | 'maximum' | null {
  const { min, max } = rangeOf(field);
  if (value <= min * (1 + 1e-12)) return 'minimum';
  if (value >= max * (1 - 1e-12)) return 'maximum';
  return null;
}

function useText(m: BudgetMiss, unit: string): string {
  const need = `${formatQuantity(m.needed, { digits: 3, suffixBelow: 1e3 })} ${unit}`;
  const of = `${m.budget} budget of ${formatQuantity(m.available, { digits: 3, suffixBelow: 1e3 })}`;
  return m.ratio > 1
    ? `the design needs ${need}, ${formatRatio(m.ratio)}× the ${of}`
    : `the design uses ${need}, only ${(m.ratio * 100).toPrecision(2)} % of the ${of}`;
}

/**
 * In linked mode, where the design is off a budget and why: each miss is told beside the control at its range edge
 * that caused it (D or k when the budget asks for a value outside its range, N when N itself is at an edge), or beside
 * the budget's own slider when no control is at an edge (the design was off budget before linked mode was switched
 * on). Empty when not linked or on both budgets. Pure.
 */
export function heldBudgetNotes(s: Scenario, linked: boolean): HeldBudgetNotes {
  if (!linked) return {};
  const notes: HeldBudgetNotes = {};
  for (const m of budgetMisses(s, s)) {
    const tied = m.budget === 'training' ? 'tokens' : 'samples';
    const budgetField = m.budget === 'training' ? 'trainFlops' : 'inferenceFlops';
    const unit = m.budget === 'training' ? 'training FLOPs' : 'FLOPs per token';
    const wanted = m.budget === 'training' ? s.trainFlops / (6 * s.params) : s.inferenceFlops / (2 * s.params);
    const tiedEdge = edgeOf(tied, s[tied]);
    const paramsEdge = edgeOf('params', s.params);
    let field: NumericField;
    let why: string;
    if (tiedEdge !== null) {
      field = tied;
      why = `${SYMBOL[tied]} stays at its ${tiedEdge} ${formatQuantity(s[tied], { digits: 3 })}: at N = ${formatQuantity(s.params, { digits: 3 })} the ${m.budget} budget would need ${SYMBOL[tied]} = ${formatQuantity(wanted, { digits: 2 })}`;
    } else if (paramsEdge !== null) {
      field = 'params';
      const other = m.budget === 'training' ? s.trainFlops / (6 * s.tokens) : s.inferenceFlops / (2 * s.samples);
      why = `N stops at its ${paramsEdge} ${formatQuantity(s.params, { digits: 3 })}: holding ${SYMBOL[tied]} = ${formatQuantity(s[tied], { digits: 3 })} on the ${m.budget} budget would need N = ${formatQuantity(other, { digits: 2 })}`;
    } else {
      field = budgetField;
      why = `The design is off the ${m.budget} budget (move N, D or k to put it back)`;
    }
    const sentence = `${why}; ${useText(m, unit)}.`;
    notes[field] = notes[field] ? `${notes[field]} ${sentence}` : sentence;
  }
  return notes;
}
