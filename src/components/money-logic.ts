/**
 * The budget sliders in money (pure): a hint under the training and inference budgets giving them in dollars and
 * GPU-hours, and the reader of budgets typed as "$2M", "5,000 H100-hours", "30 days on 1024 H100s" or "$0.50/M".
 */
import { gpuHours, gpuSpec } from '../domain/cost/hardware';
import { parseInferenceMoney, parseTrainingMoney } from '../domain/cost/money-parse';
import { costChoiceOf, dollarsPerBudgetFlop } from '../domain/cost/scenario-cost';
import { formatDollars, formatQuantity } from '../domain/quantity';
import type { Scenario } from '../domain/scenario';
import type { NumericField } from '../store/linked';

/** The hint under a budget slider: the budget in money (null for other fields). */
export function budgetMoneyHint(field: NumericField, s: Scenario): string | null {
  const choice = costChoiceOf(s);
  const per = dollarsPerBudgetFlop(choice);
  if (field === 'trainFlops') {
    const hours = gpuHours(s.trainFlops, gpuSpec(choice.trainGpu), 'bf16', choice.trainMfu);
    return `≈ ${formatDollars(s.trainFlops * per.train)} · ${formatQuantity(hours, { digits: 2 })} ${choice.trainGpu.toUpperCase()}-hours (type "$2M" or "5,000 H100-hours")`;
  }
  if (field === 'inferenceFlops') {
    return `≈ ${formatDollars(s.inferenceFlops * per.inference * 1e6)} per million tokens at the compute roof (type "$0.50/M")`;
  }
  return null;
}

/** The money reader of a budget slider's field (undefined for other fields). */
export function budgetMoneyParser(field: NumericField, s: Scenario) {
  if (field !== 'trainFlops' && field !== 'inferenceFlops') return undefined;
  const choice = costChoiceOf(s);
  return (text: string) => {
    const r = field === 'trainFlops' ? parseTrainingMoney(text, choice) : parseInferenceMoney(text, choice);
    if (r === null) return null;
    return r.ok ? { ok: true as const, value: r.flops, note: r.note } : r;
  };
}
