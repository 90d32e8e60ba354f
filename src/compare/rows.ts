/**
 * The difference table of an A/B comparison (issue 13, item 5), as plain rows: what each scenario chose (model, set,
 * strategy), its design (N, D, D/N, k), its quality under its own law, its compute (6ND, 2Nk, lifetime 6ND + 2Nk·T;
 * laws.md §0) and its money, with how B differs from A in words people use ("4.9× less", "+1.2 points, better").
 * Numbers stay numbers (`a`, `b`) for exports; `aText`, `bText`, `change` are for the screen. Pure.
 */
import { formatDollars, formatQuantity, formatRatio } from '../domain/quantity';
import type { ComparePoint } from '../engine/compare-point';

/** One row of the table. */
export interface CompareRow {
  id: string;
  label: string;
  /** Unit of `a` and `b` ("parameters", "FLOPs", "$", "nats", "" for accuracies and labels). */
  unit: string;
  /** A's value: a number, a label, or null when A has none (a design the cost model cannot price). */
  a: number | string | null;
  b: number | string | null;
  aText: string;
  bText: string;
  /** How B differs from A ("same", "4.9× less", "+1.2 points, better"); "—" when it cannot be said. */
  change: string;
}

/** Relative difference under which two values read as "same". */
const SAME = 0.005;

function countText(x: number): string {
  return Number.isFinite(x) ? formatQuantity(x, { digits: 3 }) : '—';
}

function flopsText(x: number): string {
  return Number.isFinite(x) ? formatQuantity(x, { digits: 3, suffixBelow: 1e3 }) : '—';
}

/** "4.9× more" / "4.9× less" / "same" for B against A (positive values); "—" otherwise. */
export function ratioChange(a: number | null, b: number | null, more = 'more', less = 'less'): string {
  if (a === null || b === null || !(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return '—';
  const r = b / a;
  if (Math.abs(r - 1) < SAME) return 'same';
  return r > 1 ? `${formatRatio(r)}× ${more}` : `${formatRatio(1 / r)}× ${less}`;
}

function qualityText(p: ComparePoint): string {
  if (!Number.isFinite(p.value)) return '—';
  if (p.quality.higherIsBetter) return `${(p.value * 100).toPrecision(3)} %`;
  return `${p.value.toPrecision(4)}${p.quality.unit ? ` ${p.quality.unit}` : ''}`;
}

/** B's quality against A's: a difference in the unit (points for accuracies), and whether it is better. */
export function qualityChange(a: ComparePoint, b: ComparePoint): string {
  if (a.quality.label !== b.quality.label || a.quality.unit !== b.quality.unit)
    return `not comparable: A measures ${a.quality.label}, B ${b.quality.label}`;
  const d = b.value - a.value;
  const scale = b.quality.higherIsBetter ? 100 : 1;
  const unit = b.quality.higherIsBetter ? ' points' : b.quality.unit ? ` ${b.quality.unit}` : '';
  const shown = d * scale;
  if (Math.abs(shown) < (b.quality.higherIsBetter ? 0.05 : 5e-4)) return 'same';
  const better = b.quality.higherIsBetter ? d > 0 : d < 0;
  return `${shown > 0 ? '+' : '−'}${+Math.abs(shown).toPrecision(2)}${unit}, ${better ? 'better' : 'worse'}`;
}

function label(id: string, text: string, a: string, b: string): CompareRow {
  return { id, label: text, unit: '', a, b, aText: a, bText: b, change: a === b ? 'same' : 'differs' };
}

function numberRow(
  id: string,
  text: string,
  unit: string,
  a: number | null,
  b: number | null,
  show: (x: number) => string,
  words?: [string, string],
): CompareRow {
  return {
    id,
    label: text,
    unit,
    a,
    b,
    aText: a === null ? '—' : show(a),
    bText: b === null ? '—' : show(b),
    change: ratioChange(a, b, ...(words ?? ['more', 'less'])),
  };
}

/** The rows of the difference table for A and B, in reading order. */
export function compareRows(a: ComparePoint, b: ComparePoint): CompareRow[] {
  const rows: CompareRow[] = [
    label('model', 'Quality model', a.modelName, b.modelName),
    label('set', 'Constant set', a.set.name, b.set.name),
    label(
      'strategy',
      'Test-time strategy',
      a.strategy ?? 'oracle verifier (pass@k)',
      b.strategy ?? 'oracle verifier (pass@k)',
    ),
    numberRow('params', 'Model size N', 'parameters', a.params, b.params, countText, ['larger', 'smaller']),
    numberRow('tokens', 'Training tokens D', 'tokens', a.tokens, b.tokens, countText),
    numberRow('tokensPerParam', 'Tokens per parameter D/N', '', a.tokensPerParam, b.tokensPerParam, countText),
    numberRow('samples', 'Samples per question k', 'samples', a.samples, b.samples, countText),
    {
      id: 'quality',
      label: `Quality (${b.quality.label})`,
      unit: b.quality.higherIsBetter ? 'accuracy (0–1)' : b.quality.unit,
      a: a.value,
      b: b.value,
      aText: qualityText(a),
      bText: qualityText(b),
      change: qualityChange(a, b),
    },
    numberRow('trainFlops', 'Training compute 6ND', 'FLOPs', a.trainFlops, b.trainFlops, flopsText),
    numberRow(
      'inferenceFlops',
      'Inference compute 2Nk',
      'FLOPs per token',
      a.inferenceFlops,
      b.inferenceFlops,
      flopsText,
    ),
    numberRow('lifetimeFlops', 'Lifetime compute 6ND + 2Nk·T', 'FLOPs', a.lifetimeFlops, b.lifetimeFlops, flopsText),
    numberRow('trainCost', 'Training cost', '$', a.cost?.train ?? null, b.cost?.train ?? null, (x) => formatDollars(x)),
    numberRow(
      'inferenceCost',
      'Serving cost over the tokens served',
      '$',
      a.cost?.inference ?? null,
      b.cost?.inference ?? null,
      (x) => formatDollars(x),
    ),
    numberRow('totalCost', 'Lifetime cost', '$', a.cost?.total ?? null, b.cost?.total ?? null, (x) => formatDollars(x)),
    label('extrapolated', 'Fitted data', a.extrapolated ?? 'inside', b.extrapolated ?? 'inside'),
  ];
  return rows;
}

/** One line for the top of the table: "B against A: quality +1.2 points, better; lifetime compute 4.9× less." */
export function compareSummary(a: ComparePoint, b: ComparePoint): string {
  return `B against A: quality ${qualityChange(a, b)}; lifetime compute ${ratioChange(a.lifetimeFlops, b.lifetimeFlops)}.`;
}
