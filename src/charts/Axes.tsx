/** Axes and grid lines as plain SVG: the ticks come from d3 scales, React draws them. */
import { memo, type ReactNode } from 'react';

/** Any d3 continuous scale: a function from data to pixels. */
export type PixelScale = (value: number) => number;

interface AxisProps {
  scale: PixelScale;
  ticks: number[];
  format: (value: number) => string;
  /** Length of the perpendicular axis (px), for grid lines. */
  gridLength: number;
  label: ReactNode;
}

/** The x axis along the bottom of the plot area (drawn at y = gridLength). */
function AxisBottomView({ scale, ticks, format, gridLength, label }: AxisProps & { width: number }) {
  return (
    <g className="chart-axis chart-axis-x" data-axis="x">
      {ticks.map((t) => {
        const x = scale(t);
        return (
          <g key={t} transform={`translate(${x},0)`} data-tick={t}>
            <line className="chart-grid" y1={0} y2={gridLength} />
            <line className="chart-tick" y1={gridLength} y2={gridLength + 5} />
            <text y={gridLength + 17} textAnchor="middle">
              {format(t)}
            </text>
          </g>
        );
      })}
      <text className="chart-axis-label" x={0} y={gridLength + 36} textAnchor="start">
        {label}
      </text>
    </g>
  );
}

/** The y axis along the left of the plot area. */
function AxisLeftView({ scale, ticks, format, gridLength, label }: AxisProps) {
  return (
    <g className="chart-axis chart-axis-y" data-axis="y">
      {ticks.map((t) => {
        const y = scale(t);
        return (
          <g key={t} transform={`translate(0,${y})`} data-tick={t}>
            <line className="chart-grid" x1={0} x2={gridLength} />
            <line className="chart-tick" x1={-5} x2={0} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {format(t)}
            </text>
          </g>
        );
      })}
      <text className="chart-axis-label" x={4} y={-2} textAnchor="start">
        {label}
      </text>
    </g>
  );
}

/**
 * True when two axes draw the same thing: the same ticks at the same pixels with the same text, the same grid length
 * and label. Charts pass a new scale, tick array and format function on every render; comparing what they produce
 * lets a chart's re-render after a move skip an axis that did not change (issue 17).
 */
export function sameAxis(a: AxisProps & { width?: number }, b: AxisProps & { width?: number }): boolean {
  // Every other prop (gridLength, label, width, any added later) by ===.
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof typeof a)[]);
  for (const k of keys) if (k !== 'scale' && k !== 'ticks' && k !== 'format' && a[k] !== b[k]) return false;
  if (a.ticks.length !== b.ticks.length) return false;
  for (let i = 0; i < a.ticks.length; i += 1) {
    const t = a.ticks[i]!;
    if (t !== b.ticks[i] || a.scale(t) !== b.scale(t) || a.format(t) !== b.format(t)) return false;
  }
  return true;
}

/** The x axis along the bottom of the plot area (drawn at y = gridLength); memoised on what it draws. */
export const AxisBottom = memo(AxisBottomView, sameAxis);

/** The y axis along the left of the plot area; memoised on what it draws. */
export const AxisLeft = memo(AxisLeftView, sameAxis);
