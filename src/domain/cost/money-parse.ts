/**
 * Reading a budget typed in money or GPU time (issue: money and time): "$2M", "$1,500,000", "5,000 H100-hours",
 * "5k GPU-hours", "30 days on 1024 H100s" for the training budget, "$0.50/M" or "$0.5 per million tokens" for the
 * inference budget per token. Each becomes FLOPs through the scenario's cost choice (./scenario-cost.ts): training at
 * the training MFU, inference at the compute roof. Text that is none of these returns null (the caller reads it as a
 * plain number). Pure.
 */
import { parseQuantity } from '../quantity';
import { GPUS, gpuSpec, peakFlops } from './hardware';
import { dollarsPerBudgetFlop, type CostChoice } from './scenario-cost';

/** A budget read from money or GPU time: the FLOPs, and how they were worked out (shown beside the field). */
export type MoneyReading = { ok: true; flops: number; note: string } | { ok: false; message: string };

function quantity(text: string, name: string): number | string {
  try {
    const v = parseQuantity(text.trim(), name);
    return v > 0 ? v : `${name}: must be positive`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The GPU a word names ("H100", "a100-80", "GPU" = the chosen one), or null. */
function gpuNamed(word: string, chosen: string): string | null {
  const w = word.toLowerCase().replace(/[\s_]/g, '-');
  if (w === 'gpu') return chosen;
  const exact = GPUS.find((g) => g.id === w);
  if (exact) return exact.id;
  if (w === 'a100') return chosen.startsWith('a100') ? chosen : 'a100-80';
  return null;
}

const fmt = (v: number) => v.toPrecision(3);

/** Reads a typed training budget given in dollars or GPU time; null when the text is neither. */
export function parseTrainingMoney(text: string, choice: CostChoice): MoneyReading | null {
  const t = text.trim();
  const perFlop = dollarsPerBudgetFlop(choice).train;
  const dollars = /^\$\s*(.+)$/.exec(t) ?? /^(.+?)\s*(?:\$|usd|dollars?)$/i.exec(t);
  if (dollars) {
    const v = quantity(dollars[1]!, 'dollars');
    if (typeof v === 'string') return { ok: false, message: v };
    return {
      ok: true,
      flops: v / perFlop,
      note: `$${fmt(v)} at the chosen training GPU, price and ${Math.round(choice.trainMfu * 1000) / 10} % MFU`,
    };
  }
  const days = /^(.+?)\s*days?\s+on\s+(.+?)\s+([a-z0-9_-]+?)s?$/i.exec(t);
  const hours = /^(.+?)\s*([a-z0-9_]+(?:-(?:40|80))?)[\s-]*(?:hours?|hrs?|h)$/i.exec(t);
  let gpuHours: number | null = null;
  let gpu: string | null = null;
  if (days) {
    const d = quantity(days[1]!, 'days');
    const g = quantity(days[2]!, 'GPUs');
    if (typeof d === 'string') return { ok: false, message: d };
    if (typeof g === 'string') return { ok: false, message: g };
    gpu = gpuNamed(days[3]!, choice.trainGpu);
    if (gpu === null)
      return {
        ok: false,
        message: `unknown GPU "${days[3]!.slice(0, 20)}" (say GPU, ${GPUS.map((x) => x.id).join(', ')})`,
      };
    gpuHours = d * 24 * g;
  } else if (hours) {
    gpu = gpuNamed(hours[2]!, choice.trainGpu);
    if (gpu === null) return null;
    const h = quantity(hours[1]!.replace(/[\s-]+$/, ''), 'GPU-hours');
    if (typeof h === 'string') return { ok: false, message: h };
    gpuHours = h;
  }
  if (gpuHours === null || gpu === null) return null;
  const spec = gpuSpec(gpu);
  const flops = gpuHours * 3600 * peakFlops(spec, 'bf16') * choice.trainMfu;
  return {
    ok: true,
    flops,
    note: `${fmt(gpuHours)} ${spec.id.toUpperCase()}-hours at BF16 and ${Math.round(choice.trainMfu * 1000) / 10} % MFU`,
  };
}

/** Reads a typed inference budget given as dollars per million tokens; null when the text is not one. */
export function parseInferenceMoney(text: string, choice: CostChoice): MoneyReading | null {
  const m = /^\$\s*(.+?)\s*(?:\/\s*m(?:illion)?(?:\s*tokens?)?|per\s+million(?:\s+tokens?)?)$/i.exec(text.trim());
  if (!m)
    return /^\$/.test(text.trim())
      ? { ok: false, message: 'an inference budget in money reads "$0.50/M" (dollars per million tokens served)' }
      : null;
  const v = quantity(m[1]!, 'dollars per million tokens');
  if (typeof v === 'string') return { ok: false, message: v };
  const perFlop = dollarsPerBudgetFlop(choice).inference;
  return {
    ok: true,
    flops: v / 1e6 / perFlop,
    note: `$${fmt(v)} per million tokens at the compute roof of the serving GPU`,
  };
}
