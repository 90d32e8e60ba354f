/**
 * The budget sliders in money (pure): a hint under the training and inference budgets giving them in dollars and
 * GPU-hours, and the reader of budgets typed as "$2M", "5,000 H100-hours", "30 days on 1024 H100s" or "$0.50/M".
 */
import { gpuHours } from '../domain/cost/hardware';
import { gpuSpec } from '../domain/cost/hardware';
import { parseInferenceMoney, parseTrainingMoney } from '../domain/cost/money-parse';
import { DEFAULT_COST_CHOICE, dollarsPerBudgetFlop, type CostChoice } from '../domain/cost/scenario-cost';
import { formatQuantity } from '../domain/quantity';
import type { Scenario } from '../domain/scenario';
import type { NumericField } from '../store/linked';

/** The scenario's cost choice with defaults filled in. */
export function choiceOf(s: Scenario): CostChoice {
  return {
    trainGpu: s.trainGpu ?? DEFAULT_COST_CHOICE.trainGpu, serveGpu: s.serveGpu ?? DEFAULT_COST_CHOICE.serveGpu,
    trainPrice: s.trainPrice ?? DEFAULT_COST_CHOICE.trainPrice, servePrice: s.servePrice ?? DEFAULT_COST_CHOICE.servePrice,
    trainMfu: s.trainMfu ?? DEFAULT_COST_CHOICE.trainMfu, decodeModel: s.decodeModel ?? DEFAULT_COST_CHOICE.decodeModel,
  };
}

/** "$14", "$2.3M"; cents below $10. */
export function dollars(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v < 10 ? `$${v.toPrecision(2)}` : `$${formatQuantity(v, { digits: 2 })}`;
}

/** The hint under a budget slider: the budget in money (null for other fields). */
export function budgetMoneyHint(field: NumericField, s: Scenario): string | null {
  const choice = choiceOf(s);
  const per = dollarsPerBudgetFlop(choice);
  if (field === 'trainFlops') {
    const hours = gpuHours(s.trainFlops, gpuSpec(choice.trainGpu), 'bf16', choice.trainMfu);
    return `≈ ${dollars(s.trainFlops * per.train)} · ${formatQuantity(hours, { digits: 2 })} ${choice.trainGpu.toUpperCase()}-hours (type "$2M" or "5,000 H100-hours")`;
  }
  if (field === 'inferenceFlops') {
    return `≈ ${dollars(s.inferenceFlops * per.inference * 1e6)} per million tokens at the compute roof (type "$0.50/M")`;
  }
  return null;
}

/** The money reader of a budget slider's field (undefined for other fields). */
export function budgetMoneyParser(field: NumericField, s: Scenario) {
  if (field !== 'trainFlops' && field !== 'inferenceFlops') return undefined;
  const choice = choiceOf(s);
  return (text: string) => {
    const r = field === 'trainFlops' ? parseTrainingMoney(text, choice) : parseInferenceMoney(text, choice);
    if (r === null) return null;
    return r.ok ? { ok: true as const, value: r.flops, note: r.note } : r;
  };
}
