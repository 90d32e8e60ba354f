/**
 * Chart 2: optimal tokens per parameter (D/N) against the training budget, one T² line per inference budget, against
 * Chinchilla's (inference-blind) line, with the 20 tokens-per-parameter rule of thumb. The set's fitted region is
 * shaded; the current optimum is drawn hollow when it lies outside the fitted data.
 */
import { memo } from 'react';
import type { QualityInfo, SetInfo, TokensPerParamData } from '../engine/explorer-data-types';
import type { LegendItem } from './ChartFrame';
import type { TableData } from './DataTable';
import { formatCount, formatFlops, formatTrainTick, type BudgetAxisUnits } from './format';
import type { LineSeries } from './line-geometry';
import { LineChart, type PointMark } from './LineChart';
import type { ComparePoint } from '../engine/compare-point';
import { PINNED_LABEL, pinnedMark } from './pinned';

interface Props {
  data: TokensPerParamData;
  quality: QualityInfo;
  set: SetInfo;
  width?: number;
  /** Training-budget axis in dollars (null or absent: FLOPs). */
  units?: BudgetAxisUnits | null;
  /** The pinned scenario A of a comparison, drawn at its design's 6ND and D/N. */
  pinned?: ComparePoint | null;
}

/** Colour of the i-th series of a kind: T² lines take series-2…6 in order, Chinchilla the foreground colour. */
export function seriesColor(kind: string, index: number): string {
  if (kind === 'chinchilla') return 'var(--fg)';
  return `var(--series-${(index % 5) + 2})`;
}

/** Rows: training budgets (every few grid points); columns: each series' D/N. */
export function tokensPerParamTable(data: TokensPerParamData): TableData {
  const first = data.series[0];
  const n = first ? first.x.length : 0;
  const step = Math.max(1, Math.ceil(n / 12));
  const rows: string[][] = [];
  for (let i = 0; i < n; i += step) {
    rows.push([formatFlops(first!.x[i]!), ...data.series.map((s) => formatCount(s.y[i] ?? Number.NaN))]);
  }
  return {
    caption: 'Optimal tokens per parameter (D/N) by training budget (FLOPs)',
    columns: ['Training budget (FLOPs)', ...data.series.map((s) => s.label)],
    rows,
  };
}

function TokensPerParamView({ data, set, width, units = null, pinned = null }: Props) {
  let t2Index = 0;
  const series: LineSeries[] = data.series.map((s) => ({
    id: s.id,
    label: s.label,
    color: seriesColor(s.kind, s.kind === 'chinchilla' ? 0 : t2Index++),
    dashed: s.kind === 'chinchilla',
    x: s.x,
    y: s.y,
    describe: (x, y) => [`training ${formatFlops(x)} FLOPs`, `${formatCount(y)} tokens per parameter`],
  }));
  const outside = data.current?.extrapolation?.text ?? null;
  const marks: PointMark[] = data.current
    ? [
        {
          id: 'current',
          x: data.current.trainFlops,
          y: data.current.tokensPerParam,
          label: outside ? 'Optimum at the current budgets (extrapolated: hollow)' : 'Optimum at the current budgets',
          lines: [
            `training ${formatFlops(data.current.trainFlops)} FLOPs`,
            `${formatCount(data.current.tokensPerParam)} tokens per parameter`,
            ...(outside ? [outside] : []),
          ],
          shape: 'diamond' as const,
          color: 'var(--series-2)',
          hollow: outside !== null,
        },
      ]
    : [];
  if (pinned)
    marks.push(
      pinnedMark(pinned, pinned.trainFlops, pinned.tokensPerParam, `${PINNED_LABEL}: its design's D/N at its 6ND`),
    );
  const region = data.fittedRegion;
  const hasRegion = Boolean(region && region.trainFlops.length >= 3);
  const legendExtra: LegendItem[] = [
    ...(hasRegion
      ? [{ label: `Fitted region: N and D inside the data ${set.name} was fitted on`, color: 'var(--fg)', area: true }]
      : []),
    ...(region && !hasRegion
      ? [
          {
            label: `The data ${set.name} was fitted on lie outside this chart's budgets`,
            color: 'var(--fg)',
            area: true,
          },
        ]
      : []),
  ];
  const underlay = hasRegion
    ? (scales: { x: (v: number) => number; y: (v: number) => number }) => (
        <path
          className="chart-fitted"
          data-testid="chart.tokens-per-param.fitted"
          d={`${region!.trainFlops.map((c, i) => `${i === 0 ? 'M' : 'L'}${scales.x(c).toFixed(2)},${scales.y(region!.tokensPerParam[i]!).toFixed(2)}`).join('')}Z`}
        >
          <title>Fitted region: designs whose N and D lie inside the data the constant set was fitted on</title>
        </path>
      )
    : undefined;
  return (
    <LineChart
      testId="chart.tokens-per-param"
      title="Optimal tokens per parameter"
      caption="What this shows: how many training tokens per parameter the optimum uses as the training budget grows (Chinchilla's rule of thumb is 20)."
      subtitle={`D/N of the optimum against the training budget · ${set.name}`}
      description="Log–log lines of the optimal tokens per parameter against the training budget, one per inference budget, with Chinchilla's line and the 20 tokens-per-parameter rule."
      series={series}
      marks={marks}
      references={[{ orientation: 'h', value: data.reference, label: `${data.reference} tokens per parameter` }]}
      xType="log"
      yType="log"
      xLabel={units?.train ? 'Training budget (dollars at the chosen GPU, price and MFU)' : 'Training budget (FLOPs)'}
      yLabel="Tokens per parameter (D/N)"
      xFormat={(v) => formatTrainTick(v, units)}
      yFormat={(v) => formatCount(v)}
      table={() => tokensPerParamTable(data)}
      note={data.note}
      legendExtra={legendExtra}
      {...(underlay ? { underlay } : {})}
      {...(width === undefined ? {} : { width })}
    />
  );
}

/** The chart, re-rendered only when its data's key (law, window, budgets) or its width changes. */
export const TokensPerParamChart = memo(
  TokensPerParamView,
  (a, b) =>
    a.data.key === b.data.key &&
    a.width === b.width &&
    a.set.id === b.set.id &&
    (a.pinned?.key ?? null) === (b.pinned?.key ?? null) &&
    (a.units?.train ?? null) === (b.units?.train ?? null),
);
