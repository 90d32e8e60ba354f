/**
 * A small tooltip for chart marks: positioned over the SVG in percent of its viewBox, so it follows the chart when it
 * is scaled. Lines are plain text ("N = 7B params").
 */
import { memo } from 'react';

/** Where the tooltip points (viewBox px) and what it says. */
export interface TooltipState {
  x: number;
  y: number;
  lines: string[];
}

interface TooltipProps {
  tip: TooltipState | null;
  width: number;
  height: number;
}

function TooltipView({ tip, width, height }: TooltipProps) {
  if (!tip) return null;
  const left = (tip.x / width) * 100;
  const top = (tip.y / height) * 100;
  const alignRight = left > 60;
  return (
    <div
      className="chart-tooltip"
      role="status"
      style={{
        left: alignRight ? undefined : `${left}%`,
        right: alignRight ? `${100 - left}%` : undefined,
        top: `${top}%`,
      }}
    >
      {tip.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/** Memoised: with no tip shown (tip null), a chart's re-render leaves it alone (issue 17). */
export const Tooltip = memo(TooltipView);
