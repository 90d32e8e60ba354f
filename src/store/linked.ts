/**
 * Moving one control of the scenario, with or without the budgets held (linked mode). Pure.
 *
 * Linked mode keeps the design on both budgets of T² (laws.md §0, §2): 6·N·D = C_train and 2·N·k = C_inf. Moving N
 * moves D along the isoFLOP line and k along the inference budget; moving D or k moves N (and through it the other
 * one); moving a budget keeps N and re-derives D or k. Everything is clamped into the URL schema's ranges, so at the
 * edges a design can end up off budget (the readouts then show it).
 */
import type { Scenario } from '../domain/scenario';
import { rangeOf } from './url/schema';

/** The numeric fields of a scenario, each driven by one control. */
export type NumericField = 'params' | 'tokens' | 'samples' | 'trainFlops' | 'inferenceFlops' | 'tokensServed' | 'targetQuality';

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
