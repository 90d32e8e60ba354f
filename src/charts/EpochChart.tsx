/**
 * Chart 5: Epoch AI's training–inference trade-offs (Villalobos & Atkinson 2023). For each technique an
 * iso-performance curve in (training, inference) compute, in orders of magnitude from its reference point, with the
 * span where the exchange beats 6:1 shaded. Curves whose parameters were calibrated to the report's table say so.
 * Selecting two techniques shows their combined (sub-additive) span. The report's table sits beside the chart.
 */
import { memo, useMemo, useState } from 'react';
import type { EpochData, EpochTechnique } from '../engine/explorer-data-types';
import { AxisBottom, AxisLeft } from './Axes';
import { ChartFrame, type LegendItem } from './ChartFrame';
import type { TableData } from './DataTable';
import { chartLayout, DEFAULT_CHART_WIDTH, tickCount } from './layout';
import { makeScale, nearestPoint, seriesPath, valueExtent, type LineSeries } from './line-geometry';
import type { TooltipState } from './Tooltip';
import { useMeasuredWidth } from './useMeasuredWidth';

interface Props {
  data: EpochData;
  width?: number;
  /** Initially selected technique ids (at most two). */
  initialSelection?: string[];
}

const oom = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)} OOM`;

/** Display name with the calibration label. */
export function techniqueLabel(t: EpochTechnique): string {
  return t.calibrated ? `${t.name} (calibrated)` : t.name;
}

/** The combined span of two techniques, in either order. */
export function combinedSpan(data: EpochData, a: string, b: string) {
  return data.combined.find((c) => (c.ids[0] === a && c.ids[1] === b) || (c.ids[0] === b && c.ids[1] === a)) ?? null;
}

/** Rows: each technique's computed span beside the report's. */
export function epochTable(data: EpochData): TableData {
  const fmt = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
  return {
    caption: 'Spans at the 6:1 marginal rate (OOM of training compute traded for OOM of inference compute)',
    columns: [
      'Technique',
      'Training span (this app)',
      'Inference span (this app)',
      'Training span (report)',
      'Inference span (report)',
    ],
    rows: data.techniques.map((t) => [
      techniqueLabel(t),
      fmt(t.span.train),
      fmt(t.span.inference),
      fmt(t.reportSpan.train),
      fmt(t.reportSpan.inference),
    ]),
  };
}

function ReportTable({ data }: { data: EpochData }) {
  return (
    <table className="chart-table epoch-report-table" data-testid="chart.epoch.report-table">
      <caption>The report&apos;s span table (Villalobos &amp; Atkinson 2023)</caption>
      <thead>
        <tr>
          <th scope="col">Technique</th>
          <th scope="col">Training span (OOM)</th>
          <th scope="col">Inference span (OOM)</th>
          <th scope="col">Effect of scale</th>
        </tr>
      </thead>
      <tbody>
        {data.reportTable.map((r) => (
          <tr key={r.technique}>
            <th scope="row">{r.technique}</th>
            <td>{r.train}</td>
            <td>{r.inference}</td>
            <td>{r.scaleEffect}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EpochChartView({ data, width, initialSelection = [] }: Props) {
  const [ref, measured] = useMeasuredWidth<HTMLDivElement>(width ?? DEFAULT_CHART_WIDTH);
  const layout = chartLayout(width ?? measured, 0.7);
  const { innerWidth, innerHeight } = layout;
  const [tip, setTip] = useState<TooltipState | null>(null);
  const [selected, setSelected] = useState<string[]>(initialSelection.slice(0, 2));
  const colorOf = (i: number) => `var(--series-${(i % 6) + 1})`;
  const series: LineSeries[] = useMemo(
    () =>
      data.techniques.map((t, i) => ({
        id: t.id,
        label: techniqueLabel(t),
        color: colorOf(i),
        dashed: t.calibrated,
        x: t.trainLog10,
        y: t.inferenceLog10,
        describe: (x: number, y: number) => [`training ${oom(x)}`, `inference ${oom(y)} per token`],
      })),
    [data],
  );
  const toggle = (id: string) =>
    setSelected((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id].slice(-2)));
  const pair = selected.length === 2 ? combinedSpan(data, selected[0]!, selected[1]!) : null;
  const pairSeries: LineSeries | null = useMemo(
    () =>
      pair
        ? {
            id: pair.ids.join('+'),
            label: 'Combined',
            color: 'var(--fg)',
            x: pair.trainLog10,
            y: pair.inferenceLog10,
            describe: (x: number, y: number) => [`training ${oom(x)}`, `inference ${oom(y)} per token`],
          }
        : null,
    [pair],
  );
  const { xs, ys } = useMemo(() => {
    const all = pairSeries ? [...series, pairSeries] : series;
    const xd = valueExtent(
      'linear',
      all.map((s) => s.x),
      [0],
    );
    const yd = valueExtent(
      'linear',
      all.map((s) => s.y),
      [0],
    );
    return { xs: makeScale('linear', xd, [0, innerWidth]), ys: makeScale('linear', yd, [innerHeight, 0]) };
  }, [series, pairSeries, innerWidth, innerHeight]);
  const legend: LegendItem[] = series.map((s) => ({ label: s.label, color: s.color, dashed: s.dashed ?? false }));
  const onMove = (px: number, py: number) => {
    const hit = nearestPoint(pairSeries ? [...series, pairSeries] : series, xs, ys, px, py);
    setTip(
      hit
        ? {
            x: hit.x,
            y: hit.y,
            lines: [hit.series.label, ...hit.series.describe!(hit.series.x[hit.index]!, hit.series.y[hit.index]!)],
          }
        : null,
    );
  };
  const names = (id: string) => data.techniques.find((t) => t.id === id)?.name ?? id;
  return (
    <div className="epoch-view">
      <ChartFrame
        testId="chart.epoch"
        title="Epoch trade-offs"
        subtitle="Iso-performance curves; shaded: span where the exchange beats 6:1 (Villalobos & Atkinson 2023)"
        caption="What this shows: how much inference compute each technique trades for training compute at equal performance; pick two techniques to combine."
        controls={
          <div className="epoch-select" role="group" aria-label="Techniques to combine (pick two)">
            {data.techniques.map((t, i) => (
              <button
                key={t.id}
                type="button"
                aria-pressed={selected.includes(t.id)}
                onClick={() => toggle(t.id)}
                style={{ borderColor: colorOf(i) }}
              >
                {techniqueLabel(t)}
              </button>
            ))}
          </div>
        }
        layout={layout}
        description="For each technique, a curve of equal performance in training and inference compute, in orders of magnitude from its reference point, with its 6:1 span shaded."
        tip={tip}
        table={() => epochTable(data)}
        legend={legend}
        note={
          <>
            {pair ? (
              <span data-testid="chart.epoch.combined">
                Combined span of {names(pair.ids[0])} and {names(pair.ids[1])}: {pair.train.toFixed(2)} OOM training for{' '}
                {pair.inference.toFixed(2)} OOM inference (sub-additive).{' '}
              </span>
            ) : (
              <span>Select two techniques to see their combined span. </span>
            )}
            {data.note}
            {data.strategyNote ? <span data-testid="chart.epoch.strategy"> {data.strategyNote}</span> : null}
          </>
        }
        aside={<ReportTable data={data} />}
        containerRef={(el) => {
          ref.current = el;
        }}
        onPointerMove={onMove}
        onPointerLeave={() => setTip(null)}
      >
        <AxisBottom
          scale={xs}
          ticks={xs.ticks(tickCount(innerWidth, 60))}
          format={(v) => `${v}`}
          gridLength={innerHeight}
          width={innerWidth}
          label="Δ training compute (OOM) →"
        />
        <AxisLeft
          scale={ys}
          ticks={ys.ticks(tickCount(innerHeight, 32))}
          format={(v) => `${v}`}
          gridLength={innerWidth}
          label="↑ Δ inference compute per token (OOM)"
        />
        <g className="epoch-spans">
          {data.techniques.map((t, i) => {
            const x0 = xs(Math.min(t.spanFrom[0], t.spanTo[0]));
            const x1 = xs(Math.max(t.spanFrom[0], t.spanTo[0]));
            const y0 = ys(Math.max(t.spanFrom[1], t.spanTo[1]));
            const y1 = ys(Math.min(t.spanFrom[1], t.spanTo[1]));
            const on = selected.length === 0 || selected.includes(t.id);
            return (
              <rect
                key={t.id}
                data-span={t.id}
                x={x0}
                y={y0}
                width={Math.max(0, x1 - x0)}
                height={Math.max(0, y1 - y0)}
                style={{ fill: colorOf(i), fillOpacity: on ? 0.14 : 0.04 }}
              />
            );
          })}
          {pairSeries ? (
            <path
              data-combined={pairSeries.id}
              d={seriesPath(pairSeries, xs, ys, 'linear', 'linear')}
              fill="none"
              strokeDasharray="2 3"
              strokeWidth={2.5}
              style={{ stroke: 'var(--fg)' }}
            />
          ) : null}
        </g>
        <g className="chart-series">
          {series.map((s) => (
            <path
              key={s.id}
              data-series={s.id}
              d={seriesPath(s, xs, ys, 'linear', 'linear')}
              fill="none"
              strokeWidth={selected.includes(s.id) ? 3 : 2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              style={{ stroke: s.color }}
            />
          ))}
        </g>
      </ChartFrame>
    </div>
  );
}

/** The chart, re-rendered only when its data's key (the Chinchilla constants) or its width changes. */
export const EpochChart = memo(
  EpochChartView,
  (a, b) => a.data.key === b.data.key && a.width === b.width && a.initialSelection === b.initialSelection,
);
