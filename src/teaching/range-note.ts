/**
 * "Outside the fitted range" note: says which of N, D and k lie outside the box the selected constant set was fitted
 * on (its `range` in src/domain/data/*.json), so a preset or lesson never presents an extrapolation as a fit.
 */
import { listConstantSets } from '../domain/registry';
import { formatQuantity } from '../domain/quantity';
import { qualityModel } from '../domain/quality-models';
import type { Scenario } from '../domain/scenario';

export interface RangeCheck {
  /** 'inside': within every recorded bound; 'outside': at least one value outside; 'unknown': the set records none. */
  status: 'inside' | 'outside' | 'unknown';
  /** Constant set name. */
  setName: string;
  /** One entry per value outside its range, e.g. "N = 70B is above 16B". */
  outside: string[];
  /** A sentence for the UI, or null when inside. */
  text: string | null;
}

function check(label: string, value: number, range: [number, number] | undefined, out: string[]) {
  if (!range) return;
  const [lo, hi] = range;
  if (value < lo) out.push(`${label} = ${formatQuantity(value)} is below ${formatQuantity(lo)}`);
  else if (value > hi) out.push(`${label} = ${formatQuantity(value)} is above ${formatQuantity(hi)}`);
}

/** Whether the scenario's N, D (and k for the T² models) lie inside the fitted range of its constant set. */
export function rangeCheck(s: Scenario): RangeCheck {
  const set = listConstantSets(s.qualityModel).find((c) => c.id === s.constantSet);
  const setName = set?.name ?? s.constantSet;
  if (!set?.range) {
    return {
      status: 'unknown',
      setName,
      outside: [],
      text: `${setName} records no fitted range, so extrapolation cannot be checked.`,
    };
  }
  const outside: string[] = [];
  check('N', s.params, set.range.params, outside);
  check('D', s.tokens, set.range.tokens, outside);
  if (qualityModel(s.qualityModel).usesSamples) check('k', s.samples, set.range.samples, outside);
  if (outside.length === 0) return { status: 'inside', setName, outside, text: null };
  return {
    status: 'outside',
    setName,
    outside,
    text: `Outside the fitted range of ${setName}: ${outside.join('; ')}. The law extrapolates here.`,
  };
}
