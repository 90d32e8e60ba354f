/**
 * Chart 4: pass@k against k (log axis) at the design's N and D. Under T² Approach 2 it is the model's accuracy; under
 * Approach 1 the implied pass@k exp(−L); models without a k term say so instead of drawing a flat line.
 */
import type { PasskData, SetInfo } from '../engine/explorer-data-types';
import { ChartFrame } from './ChartFrame';
import type { TableData } from './DataTable';
import { formatCount, formatShare } from './format';
import { chartLayout, DEFAULT_CHART_WIDTH } from './layout';
import { LineChart } from './LineChart';

interface Props {
  data: PasskData;
  set: SetInfo;
  width?: number;
}

/** Rows: k and pass@k. */
export function passkTable(data: PasskData): TableData {
  const n = data.samples.length;
  const step = Math.max(1, Math.ceil(n / 14));
  const rows: string[][] = [];
  for (let i = 0; i < n; i += step) rows.push([formatCount(data.samples[i]!), formatShare(data.passAtK[i]!)]);
  return { caption: `pass@k against k (${data.subtitle})`, columns: ['k (samples)', 'pass@k'], rows };
}

/** Probabilities this small are unreadable on a linear axis: switch to log. */
const LOG_BELOW = 0.05;

export function PasskChart({ data, set, width }: Props) {
  if (!data.available) {
    const layout = chartLayout(width ?? DEFAULT_CHART_WIDTH, 0.35);
    return (
      <ChartFrame
        testId="chart.passk"
        title="pass@k"
        subtitle={data.subtitle}
        layout={layout}
        description={data.subtitle}
        tip={null}
        table={{ caption: data.subtitle, columns: ['k (samples)', 'pass@k'], rows: [] }}
      >
        <text className="chart-empty" x={layout.innerWidth / 2} y={layout.innerHeight / 2} textAnchor="middle">
          No k term in this model: choose T² Approach 1 or 2.
        </text>
      </ChartFrame>
    );
  }
  let max = 0;
  for (const v of data.passAtK) if (Number.isFinite(v)) max = Math.max(max, v);
  const yType = max < LOG_BELOW ? 'log' : 'linear';
  const marks = data.design ? [{
    id: 'design', x: data.design.samples, y: data.design.passAtK, label: 'Current k',
    lines: [`k = ${formatCount(data.design.samples)} samples`, `pass@k = ${formatShare(data.design.passAtK)}`],
    shape: 'circle' as const, color: 'var(--series-1)',
  }] : [];
  return (
    <LineChart
      testId="chart.passk"
      title="pass@k"
      subtitle={`${data.subtitle} · ${set.name}`}
      description="pass@k against the number of samples k on a log axis, at the current N and D."
      series={[{
        id: 'passk', label: 'pass@k', color: 'var(--accent)', x: data.samples, y: data.passAtK,
        describe: (x, y) => [`k = ${formatCount(x)} samples`, `pass@k = ${formatShare(y)}`],
      }]}
      marks={marks}
      xType="log"
      yType={yType}
      {...(yType === 'linear' ? { yDomain: [0, 1] as [number, number] } : {})}
      xLabel="Samples per question k"
      yLabel="pass@k"
      xFormat={(v) => formatCount(v)}
      yFormat={(v) => (yType === 'linear' ? `${Math.round(v * 100)} %` : v.toExponential(0))}
      table={() => passkTable(data)}
      {...(width === undefined ? {} : { width })}
    />
  );
}
