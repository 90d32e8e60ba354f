/**
 * The frontier map's colour legend (issue 13): one entry per filled contour band, with the fill the map paints
 * (FrontierLayer's bandFill, same index and count) and the band's quality bound. Band i is the region where the best
 * reachable quality is at least as good as threshold i: "≤ 3.9 nats" for losses, "≥ 40 %" for accuracies. A first
 * entry, the bare background, covers budgets worse than the worst threshold.
 */
import type { QualityInfo } from '../engine/explorer-data-types';
import { formatQuality } from './format';
import { bandFill } from './FrontierLayer';

export interface ColourStop {
  /** The CSS fill the map uses for this band. */
  fill: string;
  /** "≤ 3.9 nats", "≥ 40 %", or "> 4.2 nats" for the background. */
  label: string;
  /** The band's threshold in quality units (the worst threshold for the background entry); never NaN. */
  threshold: number;
}

/**
 * A contour level as short as it reads on the map's contour labels: "5", "12.5", "3.92" (three significant digits at
 * most, no unit: the colour scale beside the map carries it), "45 %" for accuracies; "—" for a non-finite level.
 */
export function formatLevel(value: number, quality: QualityInfo): string {
  if (!Number.isFinite(value)) return '—';
  if (quality.higherIsBetter) return `${String(Number((value * 100).toPrecision(3)))} %`;
  return String(Number(value.toPrecision(3)));
}

/**
 * The stops of the colour legend for `thresholds` (ordered worst to best, as FrontierData.thresholds); non-finite
 * thresholds are left out (they draw no band either).
 */
export function colourScaleStops(thresholds: ArrayLike<number>, quality: QualityInfo, digits = 3): ColourStop[] {
  const n = thresholds.length;
  const better = quality.higherIsBetter ? '≥' : '≤';
  const worse = quality.higherIsBetter ? '<' : '>';
  const stops: ColourStop[] = [];
  for (let i = 0; i < n; i++) {
    const t = thresholds[i]!;
    if (!Number.isFinite(t)) continue;
    if (stops.length === 0)
      stops.push({ fill: 'var(--bg)', label: `${worse} ${formatQuality(t, quality, digits)}`, threshold: t });
    stops.push({ fill: bandFill(i, n), label: `${better} ${formatQuality(t, quality, digits)}`, threshold: t });
  }
  return stops;
}
