/**
 * A chart's key: one entry per series or mark, with a swatch drawn like the mark on the chart (line, dashed line,
 * point of the mark's shape, ring, hollow point, area). The frontier map puts it beside the plot with its colour scale.
 */
import { memo } from 'react';
import { markPath, type MarkShape } from './Mark';

export interface LegendItem {
  label: string;
  color: string;
  /** Dashed line in the legend swatch. */
  dashed?: boolean;
  /** A point mark rather than a line. */
  point?: boolean;
  /** A hollow, dashed point mark (an extrapolated answer). */
  hollow?: boolean;
  /** A shaded area (the fitted region). */
  area?: boolean;
  /** The point mark's shape, as drawn on the chart (default a circle). */
  shape?: MarkShape;
  /** The point mark is drawn as an outline (Mark's `ring`). */
  ring?: boolean;
}

interface LegendProps {
  items: LegendItem[];
  className?: string;
  testId?: string;
}

/** True when two entries are equal field by field (===), whatever fields LegendItem has. */
function sameItem(a: LegendItem, b: LegendItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof LegendItem)[]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** True when two legends draw the same entries (charts build a new items array on every render). */
export function sameLegend(a: LegendProps, b: LegendProps): boolean {
  if (a.className !== b.className || a.testId !== b.testId || a.items.length !== b.items.length) return false;
  return a.items.every((item, i) => sameItem(item, b.items[i]!));
}

function LegendView({ items, className = 'chart-legend', testId }: LegendProps) {
  if (items.length === 0) return null;
  return (
    <ul className={className} data-testid={testId}>
      {items.map((item) => (
        <li key={item.label} data-legend-label={item.label}>
          <svg width="22" height="12" aria-hidden="true">
            {item.area ? (
              <rect x="2" y="2" width="18" height="8" className="chart-fitted-swatch" style={{ stroke: item.color }} />
            ) : item.point && item.hollow ? (
              <circle
                cx="11"
                cy="6"
                r="3.5"
                strokeWidth="1.5"
                strokeDasharray="2 1.5"
                style={{ fill: 'var(--bg)', stroke: item.color }}
              />
            ) : item.point && item.ring ? (
              <path
                transform="translate(11,6)"
                d={markPath(item.shape ?? 'circle', 4)}
                strokeWidth="1.8"
                style={{ fill: 'none', stroke: item.color }}
              />
            ) : item.point ? (
              <path transform="translate(11,6)" d={markPath(item.shape ?? 'circle', 4)} style={{ fill: item.color }} />
            ) : (
              <line
                x1="1"
                x2="21"
                y1="6"
                y2="6"
                style={{ stroke: item.color }}
                strokeWidth="2"
                strokeDasharray={item.dashed ? '4 3' : undefined}
              />
            )}
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** Memoised on the entries' values, so a chart's re-render after a move skips an unchanged key (issue 17). */
export const Legend = memo(LegendView, sameLegend);
