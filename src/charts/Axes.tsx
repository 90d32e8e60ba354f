/** Axes and grid lines as plain SVG: the ticks come from d3 scales, React draws them. */
import type { ReactNode } from 'react';

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
export function AxisBottom({ scale, ticks, format, gridLength, label }: AxisProps & { width: number }) {
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
export function AxisLeft({ scale, ticks, format, gridLength, label }: AxisProps) {
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
