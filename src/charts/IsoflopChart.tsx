/**
 * Chart 3: the isoFLOP slice. Quality against N with both budgets held (D = C_train/6N and k = C_inf/2N implied, or
 * the lifetime budget in the lifetime view); the optimum, the current N and Chinchilla's choice are marked.
 */
import type { DesignPoint, IsoflopData, QualityInfo, SetInfo } from '../engine/explorer-data-types';
import type { TableData } from './DataTable';
import { formatCount, formatQuality, formatTick } from './format';
import { LineChart, type PointMark } from './LineChart';
import { designLines } from './marks-text';
import { BandArea, RunDots } from './RunOverlays';
import type { UserOverlayData } from '../engine/fit-overlay';
import type { MeasuredOverlayData } from '../engine/lab-overlay';
import type { ComparePoint } from '../engine/compare-point';
import { PINNED_COLOR, pinnedMark, pinnedOffAxisNote, pinnedOnQualityAxis } from './pinned';

interface Props {
  data: IsoflopData;
  quality: QualityInfo;
  set: SetInfo;
  /** Chinchilla's choice at the same budgets, when it lies on this slice. */
  chinchilla?: DesignPoint | null;
  width?: number;
  /** The user's runs near this budget and the fit's bootstrap band (src/byod). */
  user?: UserOverlayData | null;
  /** Runs measured in the model lab near this budget. */
  measured?: MeasuredOverlayData | null;
  /** The pinned scenario A of a comparison (drawn at its N and quality when it measures the same quantity). */
  pinned?: ComparePoint | null;
}

/** Rows: N along the slice with the implied D, k and quality. */
export function isoflopTable(data: IsoflopData, quality: QualityInfo): TableData {
  const n = data.params.length;
  const step = Math.max(1, Math.ceil(n / 14));
  const rows: string[][] = [];
  for (let i = 0; i < n; i += step) {
    rows.push([
      formatCount(data.params[i]!),
      formatCount(data.tokens[i]!),
      formatCount(data.samples[i]!),
      formatQuality(data.quality[i]!, quality),
    ]);
  }
  return {
    caption: `${quality.label} along the slice (${data.constraint})`,
    columns: ['N (params)', 'D (tokens)', 'k (samples)', quality.label],
    rows,
  };
}

export function IsoflopChart({ data, quality, set, chinchilla, width, user, measured, pinned = null }: Props) {
  const point = (
    id: string,
    label: string,
    p: DesignPoint,
    shape: PointMark['shape'],
    color: string,
    outside: string | null = null,
  ): PointMark => ({
    id,
    x: p.params,
    y: p.quality,
    label: outside ? `${label} (extrapolated: hollow)` : label,
    lines: [...designLines(p, quality), ...(outside ? [outside] : [])],
    shape,
    color,
    hollow: outside !== null,
  });
  const marks: PointMark[] = [
    point('design', 'Current N', data.design, 'circle', 'var(--series-1)', data.extrapolation?.design.text ?? null),
    point('optimum', 'Optimum', data.optimum, 'diamond', 'var(--series-2)', data.extrapolation?.optimum.text ?? null),
  ];
  if (chinchilla) marks.push(point('chinchilla', 'Chinchilla choice', chinchilla, 'square', 'var(--series-3)'));
  const pinnedHere = pinned && pinnedOnQualityAxis(pinned, quality) ? pinned : null;
  if (pinnedHere) {
    marks[0] = { ...marks[0]!, tag: 'B' };
    marks.push(pinnedMark(pinnedHere, pinnedHere.params, pinnedHere.value));
  }
  const band = user?.isoflopBand;
  const runs = user?.isoflopRuns;
  const bandSeries = band
    ? [
        {
          id: 'band-lower',
          label: `Your fit's 95 % band, lower (${band.resamples} bootstrap resamples${band.fromLink ? ", redrawn from the link's summary" : ''})`,
          color: 'var(--series-5)',
          dashed: true,
          x: data.params,
          y: band.lower,
        },
        {
          id: 'band-upper',
          label: "Your fit's 95 % band, upper",
          color: 'var(--series-5)',
          dashed: true,
          x: data.params,
          y: band.upper,
        },
      ]
    : [];
  const lab = measured && measured.isoflopRuns.x.length > 0 ? measured.isoflopRuns : null;
  const legendExtra = [
    ...(pinned && !pinnedHere ? [{ label: pinnedOffAxisNote(pinned, quality), color: PINNED_COLOR }] : []),
    ...(runs && runs.x.length > 0
      ? [{ label: `Your runs within ×2 of C_train (${runs.x.length})`, color: 'var(--series-5)', point: true }]
      : []),
    ...(lab
      ? [
          {
            label: `Lab runs within ×2 of C_train (${lab.x.length}, ${measured!.quantity})`,
            color: 'var(--series-6)',
            point: true,
          },
        ]
      : []),
  ];
  return (
    <LineChart
      testId="chart.isoflop"
      title="IsoFLOP slice"
      caption="What this shows: at a fixed compute, how quality changes as the model grows and sees fewer tokens; the best point marks the best size."
      subtitle={`${quality.label} against N at ${data.constraint} · ${set.name}`}
      description={`A line of ${quality.label} against model size N on a log axis, with the budgets held fixed so D and k follow from N; the optimum is marked.`}
      series={[
        {
          id: 'slice',
          label: `${quality.label} on the slice`,
          color: 'var(--accent)',
          x: data.params,
          y: data.quality,
          describe: (x, y) => [`N = ${formatCount(x)} params`, `${quality.label}: ${formatQuality(y, quality)}`],
        },
        ...bandSeries,
      ]}
      legendExtra={legendExtra}
      underlay={
        band || runs || lab
          ? ({ x, y }) => (
              <>
                {band ? (
                  <BandArea
                    testId="chart.isoflop.band"
                    xs={data.params}
                    lower={band.lower}
                    upper={band.upper}
                    x={x}
                    y={y}
                  />
                ) : null}
                {runs ? (
                  <RunDots
                    testId="chart.isoflop.runs"
                    runs={runs}
                    x={x}
                    y={y}
                    describe={(i) =>
                      `Your run: N = ${formatCount(runs.x[i]!)}, ${quality.label} ${formatQuality(runs.quality[i]!, quality)}`
                    }
                  />
                ) : null}
                {lab ? (
                  <RunDots
                    testId="chart.isoflop.measured"
                    runs={lab}
                    x={x}
                    y={y}
                    color="var(--series-6)"
                    filled
                    describe={(i) =>
                      `Lab run: N = ${formatCount(lab.x[i]!)}, ${measured!.quantity} ${lab.quality[i]!.toPrecision(3)}`
                    }
                  />
                ) : null}
              </>
            )
          : undefined
      }
      marks={marks}
      xType="log"
      yType="linear"
      xLabel="Parameters N"
      yLabel={quality.unit ? `${quality.label} (${quality.unit})` : quality.label}
      xFormat={formatTick}
      yFormat={(v) => (quality.higherIsBetter ? `${Math.round(v * 1000) / 10} %` : String(Math.round(v * 1000) / 1000))}
      table={() => isoflopTable(data, quality)}
      note={data.note}
      {...(width === undefined ? {} : { width })}
    />
  );
}
