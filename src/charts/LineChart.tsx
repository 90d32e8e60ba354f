/**
 * A line chart over log or linear axes: the shared body of the tokens-per-parameter, isoFLOP and pass@k charts. Series
 * are drawn with d3-shape; marks are focusable; hovering the plot shows the nearest point's values with units.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { ChartFrame, type LegendItem } from './ChartFrame';
import type { TableData } from './DataTable';
import { chartLayout, DEFAULT_CHART_WIDTH, tickCount } from './layout';
import {
  makeScale,
  nearestPoint,
  seriesPath,
  usable,
  valueExtent,
  type AxisType,
  type LineSeries,
} from './line-geometry';
import { Mark, type MarkShape } from './Mark';
import { logTicks } from './ticks';
import type { TooltipState } from './Tooltip';
import { useMeasuredWidth } from './useMeasuredWidth';

export interface PointMark {
  id: string;
  x: number;
  y: number;
  label: string;
  lines: string[];
  shape: MarkShape;
  color: string;
  /** Hollow, dashed: the point is extrapolated (outside the set's fitted data). */
  hollow?: boolean;
  /** A letter drawn beside it ("A" for the pinned scenario of a comparison, "B" for the current one). */
  tag?: string;
}

export interface ReferenceLine {
  /** 'h': horizontal at y = value; 'v': vertical at x = value. */
  orientation: 'h' | 'v';
  value: number;
  label: string;
}

export interface LineChartProps {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  /** What the chart shows, in one plain line (ChartFrame's caption). */
  caption?: string;
  description: string;
  series: LineSeries[];
  marks?: PointMark[];
  references?: ReferenceLine[];
  xType: AxisType;
  yType: AxisType;
  xLabel: string;
  yLabel: string;
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
  /** Fixed y domain (e.g. [0, 1] for probabilities); otherwise the data's extent. */
  yDomain?: [number, number];
  table: TableData | (() => TableData);
  note?: ReactNode;
  aside?: ReactNode;
  width?: number;
  /** Content drawn under the series, given the scales (e.g. shaded spans). */
  underlay?: (scales: { x: (v: number) => number; y: (v: number) => number }) => ReactNode;
  legendExtra?: LegendItem[];
  /** Height / width of the plot (default 0.6). */
  aspect?: number;
}

/** The clamped scale, and on a log axis a value at or below 0 (or beyond AXIS_LIMITS) placed at the nearer end. */
function onAxis(scale: ReturnType<typeof makeScale>, type: AxisType): (v: number) => number {
  const c = scale.copy().clamp(true);
  if (type === 'linear') return (v) => c(v);
  const [lo, hi] = scale.domain() as [number, number];
  return (v) => (usable('log', v) ? c(v) : c(v > 1 ? Math.max(lo, hi) : Math.min(lo, hi)));
}

export function LineChart(props: LineChartProps) {
  const { series, xType, yType } = props;
  // A mark that is not finite, or a reference line the axes cannot place, is left out, never drawn at NaN; a finite
  // mark below a log axis (pass@k 0) sits on the axis (the clamped scale below).
  const marks = (props.marks ?? []).filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y));
  const references = (props.references ?? []).filter((r) => usable(r.orientation === 'h' ? yType : xType, r.value));
  const [ref, measured] = useMeasuredWidth<HTMLDivElement>(props.width ?? DEFAULT_CHART_WIDTH);
  const layout = chartLayout(props.width ?? measured, props.aspect ?? 0.6);
  const { innerWidth, innerHeight } = layout;
  const [tip, setTip] = useState<TooltipState | null>(null);
  const { xs, ys } = useMemo(() => {
    const xDomain = valueExtent(
      xType,
      series.map((s) => s.x),
      [...marks.map((m) => m.x), ...references.filter((r) => r.orientation === 'v').map((r) => r.value)],
    );
    const yDomain =
      props.yDomain ??
      valueExtent(
        yType,
        series.map((s) => s.y),
        [...marks.map((m) => m.y), ...references.filter((r) => r.orientation === 'h').map((r) => r.value)],
      );
    return { xs: makeScale(xType, xDomain, [0, innerWidth]), ys: makeScale(yType, yDomain, [innerHeight, 0]) };
  }, [series, marks, references, xType, yType, props.yDomain, innerWidth, innerHeight]);
  const xTicks =
    xType === 'log' ? logTicks(xs as never, tickCount(innerWidth, 64)) : xs.ticks(tickCount(innerWidth, 64));
  const yTicks =
    yType === 'log' ? logTicks(ys as never, tickCount(innerHeight, 32)) : ys.ticks(tickCount(innerHeight, 32));
  const xc = onAxis(xs, xType);
  const yc = onAxis(ys, yType);
  // Several marks may share a label (one per measured run): the legend names each label once.
  const legend: LegendItem[] = [
    ...series.map((s) => ({ label: s.label, color: s.color, dashed: s.dashed ?? false })),
    ...references.map((r) => ({ label: r.label, color: 'var(--muted)', dashed: true })),
    ...marks.map((m) => ({ label: m.label, color: m.color, point: true, hollow: m.hollow ?? false })),
    ...(props.legendExtra ?? []),
  ].filter((item, i, all) => all.findIndex((o) => o.label === item.label) === i);
  const onMove = (px: number, py: number) => {
    const hit = nearestPoint(series, xs, ys, px, py);
    if (!hit) {
      setTip(null);
      return;
    }
    const x = hit.series.x[hit.index]!;
    const y = hit.series.y[hit.index]!;
    const lines = hit.series.describe ? hit.series.describe(x, y) : [`${props.xFormat(x)}, ${props.yFormat(y)}`];
    setTip({ x: hit.x, y: hit.y, lines: [hit.series.label, ...lines] });
  };
  return (
    <ChartFrame
      testId={props.testId}
      title={props.title}
      subtitle={props.subtitle}
      caption={props.caption}
      layout={layout}
      description={props.description}
      tip={tip}
      table={props.table}
      legend={legend}
      note={props.note}
      aside={props.aside}
      containerRef={(el) => {
        ref.current = el;
      }}
      onPointerMove={onMove}
      onPointerLeave={() => setTip(null)}
    >
      <AxisBottom
        scale={xs}
        ticks={xTicks}
        format={props.xFormat}
        gridLength={innerHeight}
        width={innerWidth}
        label={`${props.xLabel} →`}
      />
      <AxisLeft scale={ys} ticks={yTicks} format={props.yFormat} gridLength={innerWidth} label={`↑ ${props.yLabel}`} />
      {props.underlay ? props.underlay({ x: xc, y: yc }) : null}
      <g className="chart-references" style={{ stroke: 'var(--muted)' }} strokeDasharray="5 4">
        {references.map((r) =>
          r.orientation === 'h' ? (
            <line key={r.label} data-reference={r.label} x1={0} x2={innerWidth} y1={yc(r.value)} y2={yc(r.value)} />
          ) : (
            <line key={r.label} data-reference={r.label} y1={0} y2={innerHeight} x1={xc(r.value)} x2={xc(r.value)} />
          ),
        )}
      </g>
      <g className="chart-series">
        {series.map((s) => (
          <path
            key={s.id}
            data-series={s.id}
            d={seriesPath(s, xs, ys, xType, yType)}
            fill="none"
            strokeWidth={2}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            style={{ stroke: s.color }}
          />
        ))}
      </g>
      {marks.map((m) => (
        <Mark
          key={m.id}
          testId={`${props.testId}.${m.id}`}
          x={xc(m.x)}
          y={yc(m.y)}
          shape={m.shape}
          color={m.color}
          label={m.label}
          lines={m.lines}
          onTip={setTip}
          hollow={m.hollow ?? false}
          {...(m.tag ? { tag: m.tag } : {})}
        />
      ))}
    </ChartFrame>
  );
}
