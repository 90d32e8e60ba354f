/**
 * Number formatting for chart labels, tooltips and readouts: counts with SI-style suffixes (7B, 1.4T), FLOPs in compact
 * scientific notation (2.56e19), qualities with their unit. Never prints NaN: non-finite values become "—".
 */
import { formatDollars, formatQuantity, formatRatio } from '../domain/quantity';

export { formatDollars };
import type { QualityInfo } from '../engine/explorer-data-types';

/** Parameters, tokens or samples: "7B", "1.4T", "27". */
export function formatCount(value: number, digits = 3): string {
  return Number.isFinite(value) ? formatQuantity(value, { digits }) : '—';
}

/** FLOP counts: always scientific above 1,000 ("2.56e19"). */
export function formatFlops(value: number, digits = 3): string {
  return Number.isFinite(value) ? formatQuantity(value, { digits, suffixBelow: 1e3 }) : '—';
}

/** Axis tick label of a decade: "1e21"; other values as formatFlops. */
export function formatTick(value: number): string {
  return formatFlops(value, 2);
}

/** A quality with its unit: "12.34 nats", "61.2 %" (accuracies are shown in percent). */
export function formatQuality(value: number, quality: QualityInfo, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  if (quality.higherIsBetter) return `${(value * 100).toPrecision(Math.max(1, digits - 1))} %`;
  const text = value.toPrecision(digits);
  return quality.unit ? `${text} ${quality.unit}` : text;
}

/** A ratio such as a saving, as people write it: "3.2×", "59×", "1,200×", "> 1,000,000×" (domain formatRatio). */
export function formatFactor(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${formatRatio(value)}×`;
}

/** A share in [0, 1] as a percentage: "71.3 %". */
export function formatShare(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)} %`;
}

/** How the budget axes read: FLOPs, or dollars at a fixed price per FLOP (train and inference per token). */
export interface BudgetAxisUnits {
  /** Dollars per training FLOP; null = FLOPs. */
  train: number | null;
  /** Dollars per inference FLOP (per token served), shown per million tokens; null = FLOPs. */
  inference: number | null;
}

/** Tick label of the training-budget axis in the chosen units. */
export function formatTrainTick(value: number, units: BudgetAxisUnits | null): string {
  return units?.train ? formatDollars(value * units.train) : formatTick(value);
}

/** Tick label of the inference-budget axis in the chosen units ($ per million tokens). */
export function formatInferenceTick(value: number, units: BudgetAxisUnits | null): string {
  return units?.inference ? formatDollars(value * units.inference * 1e6) : formatTick(value);
}
