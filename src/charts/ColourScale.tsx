/**
 * The frontier map's colour legend (test id `chart.frontier.colour-scale`, issue 13 item 2): one swatch per filled
 * band with the quality it guarantees ("≤ 3.90 nats": every budget pair in that colour can reach at least that
 * quality), best first, ending with the background ("> …", worse than every contour). The stops and fills come from
 * ./colour-scale.ts, which uses the map's own bandFill, so the legend and the map cannot disagree.
 */
import { memo } from 'react';
import type { QualityInfo } from '../engine/explorer-data-types';
import { colourScaleStops } from './colour-scale';

interface ColourScaleProps {
  thresholds: ArrayLike<number>;
  quality: QualityInfo;
}

/** True when two scales draw the same bands: same quality info and equal thresholds (a new array per reply). */
export function sameColourScale(a: ColourScaleProps, b: ColourScaleProps): boolean {
  if (a.quality !== b.quality || a.thresholds.length !== b.thresholds.length) return false;
  for (let i = 0; i < a.thresholds.length; i += 1) if (a.thresholds[i] !== b.thresholds[i]) return false;
  return true;
}

function ColourScaleView({ thresholds, quality }: ColourScaleProps) {
  const stops = colourScaleStops(thresholds, quality).reverse();
  if (stops.length === 0) return null;
  return (
    <div
      className="colour-scale"
      data-testid="chart.frontier.colour-scale"
      role="group"
      aria-label={`Colour scale: best ${quality.label} reachable`}
    >
      <p className="colour-scale__title">Best {quality.label} reachable</p>
      <ol className="colour-scale__bands">
        {stops.map((s, i) => (
          <li key={`${i}-${s.label}`} data-threshold={s.threshold}>
            <svg width="18" height="12" aria-hidden="true">
              <rect
                x="0.5"
                y="0.5"
                width="17"
                height="11"
                style={{ fill: s.fill, stroke: 'var(--muted)' }}
                strokeWidth="1"
              />
            </svg>
            <span>{s.label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Memoised: a move that keeps the grid keeps the bands, and the scale is not re-rendered (issue 17). */
export const ColourScale = memo(ColourScaleView, sameColourScale);
