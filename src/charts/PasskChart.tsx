/**
 * Chart 4: pass@k against k (log axis) at the design's N and D. Under T² Approach 2 it is the model's accuracy; under
 * Approach 1 the implied pass@k exp(−L); models without a k term say so instead of drawing a flat line. Runs measured
 * in the model lab on (nearly) the charted N and D are drawn as filled triangles at (k, measured pass@k); the
 * engine picks them (src/engine/lab-overlay.ts, PASSK_MATCH_FACTOR) and says how many others it left out.
 */
import type { PasskData, QualityInfo, SetInfo } from '../engine/explorer-data-types';
import type { ComparePoint } from '../engine/compare-point';
import { pinnedMark, pinnedOffAxisNote, pinnedOnQualityAxis } from './pinned';
import { PASSK_MATCH_FACTOR } from '../domain/measured-match';
import type { PasskRuns } from '../engine/lab-overlay';
import { ChartFrame } from './ChartFrame';
import type { TableData } from './DataTable';
import { formatCount, formatShare } from './format';
import { chartLayout, DEFAULT_CHART_WIDTH } from './layout';
import { LineChart, type PointMark } from './LineChart';

interface Props {
  data: PasskData;
  set: SetInfo;
  width?: number;
  /** Lab runs on the charted model (engine data, src/engine/lab-overlay.ts); null or absent without any. */
  runs?: PasskRuns | null;
  /** The pinned scenario A of a comparison (drawn at its k when its quality is this chart's accuracy). */
  pinned?: ComparePoint | null;
  /** The current model's quality (which tells whether A's quality is the accuracy drawn here). */
  quality?: QualityInfo;
}

/** Words for a lab run's model. */
function runModel(runs: PasskRuns, i: number): string {
  return `N = ${formatCount(runs.params[i]!)}, D = ${formatCount(runs.tokens[i]!)}`;
}

/** Rows: k and the curve's pass@k, then each lab run drawn (its k, measured pass@k, model and the curve at its k). */
export function passkTable(data: PasskData, runs?: PasskRuns | null): TableData {
  const n = data.samples.length;
  const step = Math.max(1, Math.ceil(n / 14));
  const rows: string[][] = [];
  for (let i = 0; i < n; i += step)
    rows.push([formatCount(data.samples[i]!), formatShare(data.passAtK[i]!), 'predicted']);
  for (let i = 0; i < (runs?.samples.length ?? 0); i++) {
    const curve = runs!.curve[i]!;
    rows.push([
      formatCount(runs!.samples[i]!),
      formatShare(runs!.passAtK[i]!),
      `measured in the lab (${runModel(runs!, i)}; curve ${Number.isFinite(curve) ? formatShare(curve) : '—'})`,
    ]);
  }
  return { caption: `pass@k against k (${data.subtitle})`, columns: ['k (samples)', 'pass@k', 'source'], rows };
}

/** The lab runs as focusable marks: (k, measured pass@k), tooltip with the run's model and the curve at its k. */
export function passkRunMarks(runs: PasskRuns, logY: boolean): PointMark[] {
  const marks: PointMark[] = [];
  for (let i = 0; i < runs.samples.length; i++) {
    const y = runs.passAtK[i]!;
    if (logY && !(y > 0)) continue; // a measured 0 has no place on a log axis; the table still lists it
    const curve = runs.curve[i]!;
    marks.push({
      id: `lab-${i}`,
      x: runs.samples[i]!,
      y,
      label: 'Lab run (measured)',
      shape: 'triangle',
      color: 'var(--series-6)',
      lines: [
        `Lab run: ${runModel(runs, i)}`,
        `k = ${formatCount(runs.samples[i]!)} samples`,
        `measured pass@k = ${formatShare(y)}`,
        `curve at this k: ${Number.isFinite(curve) ? formatShare(curve) : '—'}`,
      ],
    });
  }
  return marks;
}

/** The note under the chart about lab runs left out (other N or D than the curve's), or null. */
export function passkRunsNote(runs: PasskRuns | null | undefined): string | null {
  if (!runs || runs.omitted === 0) return null;
  const n = runs.omitted;
  return `${n} lab run${n === 1 ? '' : 's'} not drawn: trained at an N or D more than ×${PASSK_MATCH_FACTOR} from this curve's; set N and D to a run's model to compare.`;
}

/** Probabilities this small are unreadable on a linear axis: switch to log. */
const LOG_BELOW = 0.05;

export function PasskChart({ data, set, width, runs, pinned = null, quality }: Props) {
  if (!data.available) {
    const layout = chartLayout(width ?? DEFAULT_CHART_WIDTH, 0.25);
    return (
      <ChartFrame
        testId="chart.passk"
        title="pass@k"
        subtitle={data.subtitle}
        caption="What this shows: the chance that at least one of k samples solves a problem, as k grows."
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
  const quantity = data.quantity ?? 'pass@k';
  const extra = data.extra ?? [];
  let max = 0;
  for (const v of data.passAtK) if (Number.isFinite(v)) max = Math.max(max, v);
  for (const e of extra)
    if (e.kind === 'oracle') for (const v of e.values) if (Number.isFinite(v)) max = Math.max(max, v);
  for (const v of runs?.passAtK ?? []) max = Math.max(max, v);
  const yType = max < LOG_BELOW ? 'log' : 'linear';
  const marks: PointMark[] = data.design
    ? [
        {
          id: 'design',
          x: data.design.samples,
          y: data.design.passAtK,
          label: 'Current k',
          lines: [
            `k = ${formatCount(data.design.samples)} samples`,
            `${quantity} = ${formatShare(data.design.passAtK)}`,
          ],
          shape: 'circle' as const,
          color: 'var(--series-1)',
        },
      ]
    : [];
  if (runs) marks.push(...passkRunMarks(runs, yType === 'log'));
  // A sits on this chart when its quality is the very accuracy drawn here (the same model measure as B's).
  const pinnedHere =
    pinned && quality && quality.higherIsBetter && pinnedOnQualityAxis(pinned, quality) ? pinned : null;
  if (pinnedHere) {
    if (marks[0]?.id === 'design') marks[0] = { ...marks[0], tag: 'B' };
    marks.push(pinnedMark(pinnedHere, pinnedHere.samples, pinnedHere.value));
  }
  const pinnedNote =
    pinned && !pinnedHere
      ? quality && !pinnedOnQualityAxis(pinned, quality)
        ? pinnedOffAxisNote(pinned, quality)
        : `A is not drawn here: it measures ${pinned.quality.label}, not an accuracy at k`
      : null;
  const runsNote = passkRunsNote(runs);
  const note = [runsNote, pinnedNote].filter((n) => n !== null).join(' ') || null;
  return (
    <LineChart
      testId="chart.passk"
      title="pass@k"
      aspect={0.34}
      subtitle={`${data.subtitle} · ${set.name}`}
      caption="What this shows: the chance that at least one of k samples solves a problem, as k grows."
      description="pass@k against the number of samples k on a log axis, at the current N and D."
      series={[
        {
          id: 'passk',
          label: quantity,
          color: 'var(--accent)',
          x: data.samples,
          y: data.passAtK,
          describe: (x, y) => [`k = ${formatCount(x)} samples`, `${quantity} = ${formatShare(y)}`],
        },
        ...extra.map((e, i) => ({
          id: e.id,
          label: e.label,
          color: e.kind === 'oracle' ? 'var(--series-2)' : `var(--series-${4 + (i % 2)})`,
          dashed: true,
          x: e.samples,
          y: e.values,
          describe: (x: number, y: number) => [
            e.label,
            `k = ${formatCount(x)} samples`,
            `${e.kind === 'oracle' ? 'pass@k' : 'coverage'} = ${formatShare(y)}`,
          ],
        })),
      ]}
      {...(data.limit
        ? {
            references: [
              {
                orientation: 'h' as const,
                value: data.limit.value,
                label: `${data.limit.label}: ${formatShare(data.limit.value)}`,
              },
            ],
          }
        : {})}
      marks={marks}
      xType="log"
      yType={yType}
      {...(yType === 'linear' ? { yDomain: [0, 1] as [number, number] } : {})}
      xLabel="Samples per question k"
      yLabel={quantity}
      xFormat={(v) => formatCount(v)}
      yFormat={(v) => (yType === 'linear' ? `${Math.round(v * 100)} %` : v.toExponential(0))}
      table={() => passkTable(data, runs)}
      {...(note ? { note } : {})}
      {...(width === undefined ? {} : { width })}
    />
  );
}
