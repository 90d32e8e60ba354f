/**
 * A focusable point mark: hovering or focusing it (Tab) shows its tooltip; its accessible name carries the same text.
 */
import { memo } from 'react';
import type { TooltipState } from './Tooltip';

export type MarkShape = 'circle' | 'diamond' | 'square' | 'triangle';

interface MarkProps {
  x: number;
  y: number;
  shape: MarkShape;
  /** CSS colour, always a custom property: "var(--accent)". */
  color: string;
  label: string;
  lines: string[];
  onTip: (tip: TooltipState | null) => void;
  testId?: string;
  size?: number;
  /** Drawn hollow with a dashed outline: the answer lies outside the set's fitted data (extrapolated). */
  hollow?: boolean;
  /**
   * Drawn as a thick outline only (no fill), so a smaller mark at the same point stays visible inside it (the frontier
   * map's optimum around the design when the design is optimal); dashed as well when `hollow`.
   */
  ring?: boolean;
  /** Where the point really is when the mark is drawn apart from a coinciding one (data-x, data-y); default x, y. */
  at?: { x: number; y: number };
  /** A letter drawn beside the mark ("A", "B": the scenarios of a comparison). */
  tag?: string;
  /** Where the tag sits: right of the mark (default) or left, below (so two tagged marks drawn apart read apart). */
  tagSide?: 'right' | 'left';
}

/** The SVG path of a shape centred at the origin. */
export function markPath(shape: MarkShape, r: number): string {
  switch (shape) {
    case 'diamond':
      return `M0,${-r * 1.3}L${r * 1.3},0L0,${r * 1.3}L${-r * 1.3},0Z`;
    case 'square':
      return `M${-r},${-r}H${r}V${r}H${-r}Z`;
    case 'triangle':
      return `M0,${-r * 1.3}L${r * 1.2},${r * 0.9}L${-r * 1.2},${r * 0.9}Z`;
    default:
      return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
  }
}

function MarkView({
  x,
  y,
  shape,
  color,
  label,
  lines,
  onTip,
  testId,
  size = 6,
  hollow = false,
  ring = false,
  at,
  tag,
  tagSide = 'right',
}: MarkProps) {
  const show = () => onTip({ x, y, lines: [label, ...lines] });
  const hide = () => onTip(null);
  return (
    <g
      className="chart-mark"
      transform={`translate(${x},${y})`}
      tabIndex={0}
      role="img"
      aria-label={[label, ...lines].join('; ')}
      data-testid={testId}
      data-x={at?.x ?? x}
      data-y={at?.y ?? y}
      data-moved={at && (at.x !== x || at.y !== y) ? 'true' : undefined}
      data-extrapolated={hollow ? 'true' : undefined}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
    >
      {ring ? (
        <path
          className="chart-mark-ring"
          d={markPath(shape, size)}
          strokeWidth={3}
          strokeDasharray={hollow ? '4 2' : undefined}
          style={{ fill: 'none', stroke: color }}
        />
      ) : hollow ? (
        <path
          d={markPath(shape, size)}
          strokeWidth={2}
          strokeDasharray="3 2"
          style={{ fill: 'var(--bg)', stroke: color }}
        />
      ) : (
        <path d={markPath(shape, size)} style={{ fill: color }} />
      )}
      {tag ? (
        <text
          className="chart-mark-tag"
          x={tagSide === 'right' ? size + 3 : -size - 3}
          y={tagSide === 'right' ? -size - 1 : size + 11}
          textAnchor={tagSide === 'right' ? 'start' : 'end'}
          fontWeight="bold"
          fontSize={12}
          style={{ fill: color }}
          aria-hidden="true"
        >
          {tag}
        </text>
      ) : null}
    </g>
  );
}

/**
 * True when two marks draw and say the same: every prop equal (===), except `lines`, equal item by item, and `at`, the
 * same point. Charts build the lines and `at` anew on every render; a mark that did not move is skipped. Props added
 * later are compared too (by ===), so the comparison cannot go stale.
 */
export function sameMark(a: MarkProps, b: MarkProps): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof MarkProps)[]);
  for (const k of keys) {
    if (k === 'lines') {
      if (a.lines.length !== b.lines.length || a.lines.some((line, i) => line !== b.lines[i])) return false;
    } else if (k === 'at') {
      if (a.at?.x !== b.at?.x || a.at?.y !== b.at?.y) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

/** A focusable point mark, memoised on what it draws and says (issue 17: a move re-renders only the marks it moved). */
export const Mark = memo(MarkView, sameMark);
