/**
 * The frontier map's colour legend (issue 13 item 2): one swatch per filled band, best first, each with the quality it
 * guarantees ("≤ 3.9 nats": every budget pair in that colour can reach at least that quality). The bands' fills are
 * the map's own (bandFill), so the legend and the map cannot disagree.
 */
import type { QualityInfo } from '../engine/explorer-data-types';
import { bandFill } from './FrontierLayer';

export interface ColourBand {
  fill: string;
  label: string;
}

/** A contour level as short as it reads: "5", "12.5", "3.92" (three significant digits at most), "45 %". */
export function formatLevel(value: number, quality: QualityInfo): string {
  if (!Number.isFinite(value)) return '—';
  if (quality.higherIsBetter) return `${String(Number((value * 100).toPrecision(3)))} %`;
  return String(Number(value.toPrecision(3)));
}

/** The bands of the scale, best first: n thresholds give n bands plus the region worse than all of them. */
export function colourBands(thresholds: ArrayLike<number>, quality: QualityInfo): ColourBand[] {
  const n = thresholds.length;
  const better = quality.higherIsBetter ? '≥' : '≤';
  const worse = quality.higherIsBetter ? '<' : '>';
  const unit = quality.higherIsBetter || !quality.unit ? '' : ` ${quality.unit}`;
  const out: ColourBand[] = [];
  for (let i = n - 1; i >= 0; i--) out.push({ fill: bandFill(i, n), label: `${better} ${formatLevel(thresholds[i]!, quality)}${unit}` });
  if (n > 0) out.push({ fill: 'var(--bg)', label: `${worse} ${formatLevel(thresholds[0]!, quality)}${unit}` });
  return out;
}

export function ColourScale({ thresholds, quality }: { thresholds: ArrayLike<number>; quality: QualityInfo }) {
  const bands = colourBands(thresholds, quality);
  if (bands.length === 0) return null;
  return (
    <div className="colour-scale" data-testid="chart.frontier.colour-scale" role="group" aria-label={`Colour scale: best ${quality.label} reachable`}>
      <p className="colour-scale__title">Best {quality.label} reachable</p>
      <ol className="colour-scale__bands">
        {bands.map((b) => (
          <li key={b.label}>
            <svg width="18" height="12" aria-hidden="true"><rect x="0.5" y="0.5" width="17" height="11" style={{ fill: b.fill, stroke: 'var(--muted)' }} strokeWidth="1" /></svg>
            <span>{b.label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
