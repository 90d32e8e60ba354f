/**
 * The frame every chart shares: title and subtitle, the SVG (viewBox sized to the measured width, width 100 %), the
 * tooltip, a legend, a note, and a button that shows the chart's data as a table (hidden by default).
 */
import { useId, useState, type ReactNode } from 'react';
import { DataTable, type TableData } from './DataTable';
import { Tooltip, type TooltipState } from './Tooltip';
import type { ChartLayout } from './layout';
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

interface ChartFrameProps {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  /** What the chart shows, in one plain line a lesson can point to (test id `<testId>.caption`). */
  caption?: string;
  layout: ChartLayout;
  /** Accessible description of the picture. */
  description: string;
  tip: TooltipState | null;
  /** The table alternative, or a function building it (called only once the table is shown). */
  table: TableData | (() => TableData);
  legend?: LegendItem[];
  note?: ReactNode;
  /** Content under the legend (e.g. the frontier map's colour scale). */
  scale?: ReactNode;
  /** Content between the head and the plot (e.g. the Epoch chart's technique chips). */
  controls?: ReactNode;
  /** Content beside the chart (e.g. a table the chart illustrates). */
  aside?: ReactNode;
  /** Pointer handlers on the plot area (e.g. the frontier map's hover readout). */
  onPointerMove?: (x: number, y: number) => void;
  onPointerLeave?: () => void;
  containerRef?: (el: HTMLDivElement | null) => void;
  children: ReactNode;
}

export function ChartFrame(props: ChartFrameProps) {
  const { testId, title, subtitle, caption, layout, description, tip, table, legend, note, aside, children } = props;
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const titleId = useId();
  const { width, height, margin } = layout;
  const onMove = props.onPointerMove
    ? (e: React.PointerEvent<SVGSVGElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      if (box.width <= 0 || box.height <= 0) return;
      const x = ((e.clientX - box.left) / box.width) * width - margin.left;
      const y = ((e.clientY - box.top) / box.height) * height - margin.top;
      props.onPointerMove?.(x, y);
    }
    : undefined;
  return (
    <figure className="chart" data-testid={testId} aria-labelledby={titleId}>
      <div className="chart-head">
        <figcaption>
          <span className="chart-title" id={titleId}>{title}</span>
          {subtitle ? <span className="chart-subtitle">{subtitle}</span> : null}
          {caption ? <span className="chart-caption" data-testid={`${testId}.caption`}>{caption}</span> : null}
        </figcaption>
        <button
          type="button"
          className="chart-table-toggle"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((s) => !s)}
        >
          {showTable ? 'Hide table' : 'Show table'}
        </button>
      </div>
      {props.controls}
      <div className={aside ? 'chart-body chart-body-aside' : 'chart-body'}>
        <div className="chart-plot" ref={props.containerRef}>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            role="group"
            aria-label={`${title}. ${description}`}
            preserveAspectRatio="xMidYMid meet"
            onPointerMove={onMove}
            onPointerLeave={props.onPointerLeave}
          >
            <g transform={`translate(${margin.left},${margin.top})`}>{children}</g>
          </svg>
          <Tooltip tip={tip ? { ...tip, x: tip.x + margin.left, y: tip.y + margin.top } : null} width={width} height={height} />
        </div>
        {aside}
      </div>
      {legend && legend.length > 0 ? (
        <ul className="chart-legend">
          {legend.map((item) => (
            <li key={item.label}>
              <svg width="22" height="10" aria-hidden="true">
                {item.area
                  ? <rect x="2" y="1" width="18" height="8" className="chart-fitted-swatch" style={{ stroke: item.color }} />
                  : item.point && item.hollow
                  ? <circle cx="11" cy="5" r="3.5" strokeWidth="1.5" strokeDasharray="2 1.5" style={{ fill: 'var(--bg)', stroke: item.color }} />
                  : item.point && item.ring
                  ? <path transform="translate(11,5)" d={markPath(item.shape ?? 'circle', 3.5)} strokeWidth="1.8" style={{ fill: 'none', stroke: item.color }} />
                  : item.point && item.shape
                  ? <path transform="translate(11,5)" d={markPath(item.shape, 3.6)} style={{ fill: item.color }} />
                  : item.point
                  ? <circle cx="11" cy="5" r="4" style={{ fill: item.color }} />
                  : <line x1="1" x2="21" y1="5" y2="5" style={{ stroke: item.color }} strokeWidth="2" strokeDasharray={item.dashed ? '4 3' : undefined} />}
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      {props.scale}
      {note ? <p className="chart-note">{note}</p> : null}
      <div hidden={!showTable} className="chart-table-wrap" id={tableId}>
        {showTable ? <DataTable table={typeof table === 'function' ? table() : table} /> : null}
      </div>
    </figure>
  );
}
