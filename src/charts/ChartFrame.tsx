/**
 * The frame every chart shares: title, subtitle and a "what this shows" caption, the chart's own controls, the SVG
 * (viewBox sized to the measured width, width 100 %), the tooltip, an optional key beside it (aside), a legend, a note,
 * and a button that shows the chart's data as a table (hidden by default).
 */
import { memo, useId, useState, type ReactNode } from 'react';
import { DataTable, type TableData } from './DataTable';
import { Legend, type LegendItem } from './Legend';

export type { LegendItem } from './Legend';

import { Tooltip, type TooltipState } from './Tooltip';
import type { ChartLayout } from './layout';

interface ChartFrameProps {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  /**
   * What the chart shows, in one plain line a lesson can point to (test id `<testId>.caption`), starting
   * "What this shows:".
   */
  caption?: string;
  layout: ChartLayout;
  /** Accessible description of the picture. */
  description: string;
  tip: TooltipState | null;
  /** The table alternative, or a function building it (called only once the table is shown). */
  table: TableData | (() => TableData);
  legend?: LegendItem[];
  note?: ReactNode;
  /** Content between the head and the plot (e.g. the Epoch chart's technique chips). */
  controls?: ReactNode;
  /** Content beside the chart (e.g. a table the chart illustrates). */
  aside?: ReactNode;
  /** The aside is a narrow key (legend, colour scale) rather than a table: it takes a third of the width. */
  asideNarrow?: boolean;
  /** Pointer handlers on the plot area (e.g. the frontier map's hover readout). */
  onPointerMove?: (x: number, y: number) => void;
  onPointerLeave?: () => void;
  containerRef?: (el: HTMLDivElement | null) => void;
  children: ReactNode;
}

/** The head: title, subtitle, caption and the table toggle; memoised, so a chart's re-render after a move skips it. */
const ChartHead = memo(function ChartHead({
  testId,
  title,
  subtitle,
  caption,
  titleId,
  tableId,
  showTable,
  onToggle,
}: {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  caption?: string;
  titleId: string;
  tableId: string;
  showTable: boolean;
  onToggle: () => void;
}) {
  return (
    <div className="chart-head">
      <figcaption>
        <span className="chart-title" id={titleId}>
          {title}
        </span>
        {subtitle ? <span className="chart-subtitle">{subtitle}</span> : null}
        {caption ? (
          <span className="chart-caption" data-testid={`${testId}.caption`}>
            {caption}
          </span>
        ) : null}
      </figcaption>
      <button
        type="button"
        className="chart-table-toggle"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={onToggle}
      >
        {showTable ? 'Hide table' : 'Show table'}
      </button>
    </div>
  );
});

export function ChartFrame(props: ChartFrameProps) {
  const { testId, title, subtitle, caption, layout, description, tip, table, legend, note, aside, children } = props;
  const [showTable, setShowTable] = useState(false);
  const [toggleTable] = useState(() => () => setShowTable((s) => !s));
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
      <ChartHead
        testId={testId}
        title={title}
        subtitle={subtitle}
        caption={caption}
        titleId={titleId}
        tableId={tableId}
        showTable={showTable}
        onToggle={toggleTable}
      />
      {props.controls}
      <div
        className={aside ? `chart-body chart-body-aside${props.asideNarrow ? ' chart-body-key' : ''}` : 'chart-body'}
      >
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
          <Tooltip
            tip={tip ? { ...tip, x: tip.x + margin.left, y: tip.y + margin.top } : null}
            width={width}
            height={height}
          />
        </div>
        {aside}
      </div>
      {legend && legend.length > 0 ? <Legend items={legend} /> : null}
      {note ? <p className="chart-note">{note}</p> : null}
      <div hidden={!showTable} className="chart-table-wrap" id={tableId}>
        {showTable ? <DataTable table={typeof table === 'function' ? table() : table} /> : null}
      </div>
    </figure>
  );
}
