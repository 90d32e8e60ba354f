/**
 * The frame every chart shares: title and subtitle, the SVG (viewBox sized to the measured width, width 100 %), the
 * tooltip, a legend, a note, and a button that shows the chart's data as a table (hidden by default).
 */
import { useId, useState, type ReactNode } from 'react';
import { DataTable, type TableData } from './DataTable';
import { Tooltip, type TooltipState } from './Tooltip';
import type { ChartLayout } from './layout';

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
}

interface ChartFrameProps {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  layout: ChartLayout;
  /** Accessible description of the picture. */
  description: string;
  tip: TooltipState | null;
  /** The table alternative, or a function building it (called only once the table is shown). */
  table: TableData | (() => TableData);
  legend?: LegendItem[];
  note?: ReactNode;
  /** Content beside the chart (e.g. a table the chart illustrates). */
  aside?: ReactNode;
  /** Pointer handlers on the plot area (e.g. the frontier map's hover readout). */
  onPointerMove?: (x: number, y: number) => void;
  onPointerLeave?: () => void;
  containerRef?: (el: HTMLDivElement | null) => void;
  children: ReactNode;
}

export function ChartFrame(props: ChartFrameProps) {
  const { testId, title, subtitle, layout, description, tip, table, legend, note, aside, children } = props;
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
                  : item.point
                  ? <circle cx="11" cy="5" r="4" style={{ fill: item.color }} />
                  : <line x1="1" x2="21" y1="5" y2="5" style={{ stroke: item.color }} strokeWidth="2" strokeDasharray={item.dashed ? '4 3' : undefined} />}
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      {note ? <p className="chart-note">{note}</p> : null}
      <div hidden={!showTable} className="chart-table-wrap" id={tableId}>
        {showTable ? <DataTable table={typeof table === 'function' ? table() : table} /> : null}
      </div>
    </figure>
  );
}
