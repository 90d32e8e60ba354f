/**
 * Chart 1, the frontier map: x = training compute, y = inference compute per token served (both log). Filled contours
 * show the best quality reachable with each pair of budgets; each contour's edge is a Pareto frontier. Marks: the
 * current design (6ND, 2Nk), the optimum at the current budgets, Chinchilla's choice at the same budgets (and, in the
 * lifetime view, Sardana et al.'s lifetime optimum). The fitted region (budgets whose optimum lies in the set's
 * fitted data) is shaded; a mark outside the fitted data is drawn hollow and dashed, its tooltip says how far out.
 */
import { useMemo, useState } from 'react';
import { useKeyedMemo } from './useKeyedMemo';
import type { DesignPoint, FrontierData, QualityInfo, SetInfo } from '../engine/explorer-data-types';
import { ChartFrame, type LegendItem } from './ChartFrame';
import { FRONTIER_ASPECT, MARKS, frontierTable, type MarkSpec } from './frontier-marks';
export { FRONTIER_ASPECT, frontierTable } from './frontier-marks';
import { formatLevel } from './colour-scale';
import { ColourScale } from './ColourScale';
import { contourLabels } from './contour-labels';
import { Legend } from './Legend';
import { spreadMarks } from './mark-spread';
import { formatFlops, formatQuality, type BudgetAxisUnits } from './format';
import { frontierIsoline, frontierScales, nearestCell, targetLine } from './frontier-geometry';
import { FrontierLayer } from './FrontierLayer';
import { chartLayout, DEFAULT_CHART_WIDTH } from './layout';
import { Mark } from './Mark';
import { RunDots } from './RunOverlays';
import type { RunPoints } from '../engine/fit-overlay';
import type { MeasuredOverlayData } from '../engine/lab-overlay';
export { bandFill } from './FrontierLayer';
import { designLines } from './marks-text';
import type { TooltipState } from './Tooltip';
import { useMeasuredWidth } from './useMeasuredWidth';
import type { ComparePoint } from '../engine/compare-point';
import { PINNED_COLOR, PINNED_LABEL, pinnedLines } from './pinned';

interface FrontierMapProps {
  data: FrontierData;
  quality: QualityInfo;
  set: SetInfo;
  /** Fixed width (px) instead of measuring the container (tests, print). */
  width?: number;
  /** Budget axes in dollars (null or absent: FLOPs). */
  units?: BudgetAxisUnits | null;
}

export function FrontierMap({
  data,
  quality,
  set,
  width,
  units = null,
  userRuns,
  measured: lab,
  pinned = null,
}: FrontierMapProps & {
  userRuns?: RunPoints | null;
  measured?: MeasuredOverlayData | null;
  /** The pinned scenario A of a comparison, drawn at its own (6ND, 2Nk); null without one. */
  pinned?: ComparePoint | null;
}) {
  const [ref, measured] = useMeasuredWidth<HTMLDivElement>(width ?? DEFAULT_CHART_WIDTH);
  const layout = chartLayout(width ?? measured, FRONTIER_ASPECT);
  const { innerWidth, innerHeight } = layout;
  const [tip, setTip] = useState<TooltipState | null>(null);
  const scales = useMemo(() => frontierScales(data, innerWidth, innerHeight), [data, innerWidth, innerHeight]);
  const designLevel = useKeyedMemo(
    `${data.gridKey}|${quality.higherIsBetter}|${innerWidth}|${innerHeight}|${data.design.quality}`,
    () => frontierIsoline(data, quality.higherIsBetter, data.design.quality, innerWidth, innerHeight),
  );
  const xm = scales.x.copy().clamp(true);
  const ym = scales.y.copy().clamp(true);
  const target = data.target && data.target.trainFlops.length > 0 ? data.target : null;
  // Drawn above the memoised static layer, so it follows the target without re-rendering the contours.
  const targetPath = target ? targetLine(target, xm, ym) : null;
  const lifetimeAtTarget = data.target?.lifetimeAtTarget ?? false;
  const points: { spec: MarkSpec; point: DesignPoint }[] = MARKS.flatMap((spec) => {
    const point = data[spec.key];
    if (!point) return [];
    return [
      {
        spec:
          spec.key === 'lifetime' && lifetimeAtTarget
            ? { ...spec, label: 'Lifetime optimum (Sardana et al.) at the target loss' }
            : spec,
        point,
      },
    ];
  });
  const outside = (key: MarkSpec['key']) => data.extrapolation?.[key]?.text ?? null;
  const anyOutside = points.some(({ spec }) => outside(spec.key) !== null);
  const hasFitted = Boolean(data.fittedDistance && data.fittedDistance.some((d) => d <= 0));
  const legend: LegendItem[] = [
    ...points.map(({ spec }) => ({
      label: spec.label,
      color: spec.color,
      point: true,
      shape: spec.shape,
      ring: spec.ring,
    })),
    { label: 'Dashed lines: the current budgets', color: 'var(--muted)', dashed: true },
    ...(hasFitted
      ? [
          {
            label: `Fitted region: the optimum lies inside the data ${set.name} was fitted on`,
            color: 'var(--fg)',
            area: true,
          },
        ]
      : []),
    ...(data.fittedDistance && !hasFitted
      ? [
          {
            label: `No budget on this map keeps the optimum inside the data ${set.name} was fitted on`,
            color: 'var(--fg)',
            area: true,
          },
        ]
      : []),
    ...(anyOutside
      ? [
          {
            label: 'Hollow, dashed mark: extrapolated (outside the fitted data)',
            color: 'var(--fg)',
            point: true,
            hollow: true,
          },
        ]
      : []),
    { label: `Pareto frontier at the design's ${quality.label}`, color: 'var(--fg)', dashed: true },
    ...(target
      ? [
          {
            label: `Pareto frontier at the target ${quality.label} (${formatQuality(target.value, quality)})`,
            color: 'var(--danger)',
          },
        ]
      : []),
    ...(userRuns && userRuns.x.length > 0
      ? [{ label: `Your runs (${userRuns.x.length})`, color: 'var(--series-5)', point: true }]
      : []),
    ...(lab
      ? [{ label: `Measured in the model lab (${lab.frontierRuns.x.length})`, color: 'var(--series-6)', point: true }]
      : []),
    ...(pinned ? [{ label: PINNED_LABEL, color: PINNED_COLOR, point: true, shape: 'diamond' as const }] : []),
  ];
  // The design is drawn last (on top) but anchors the spread: marks that coincide with it move out around it.
  const spread = spreadMarks([
    ...[...points]
      .reverse()
      .map(({ spec, point }) => ({ key: spec.key as string, x: xm(point.trainFlops), y: ym(point.inferenceFlops) })),
    ...(pinned ? [{ key: 'pinned', x: xm(pinned.trainFlops), y: ym(pinned.inferenceFlops) }] : []),
  ]);
  const drawAt = new Map(spread.map((m) => [m.key, m]));
  if (spread.some((m) => m.moved))
    legend.push({
      label: 'Marks that share a point are drawn apart, a thin line to where they sit',
      color: 'var(--muted)',
    });
  const labels = useKeyedMemo(`labels|${data.gridKey}|${quality.higherIsBetter}|${innerWidth}|${innerHeight}`, () =>
    contourLabels(data, quality.higherIsBetter, innerWidth, innerHeight, (t) => formatLevel(t, quality)),
  );
  const onMove = (px: number, py: number) => {
    const cell = nearestCell(data, scales, px, py);
    setTip(
      cell
        ? {
            x: px,
            y: py,
            lines: [
              `training ${formatFlops(cell.trainFlops)} FLOPs, inference ${formatFlops(cell.inferenceFlops)} FLOPs/token`,
              `best ${quality.label}: ${formatQuality(cell.quality, quality)}`,
              ...(cell.outsideFitted === undefined
                ? []
                : [
                    cell.outsideFitted
                      ? 'extrapolated: the optimum here lies outside the fitted data'
                      : 'inside the fitted data',
                  ]),
            ],
          }
        : null,
    );
  };
  return (
    <ChartFrame
      testId="chart.frontier"
      title="Frontier map"
      subtitle={`Best ${quality.label} reachable with each pair of budgets · ${set.name}`}
      caption={`What this shows: the darker the colour, the better the best ${quality.label} a pair of training and inference budgets can buy; your design, the optimum and Chinchilla's choice are marked.`}
      layout={layout}
      description={`Filled contours of the best ${quality.label}; x is training compute, y is inference compute per token, both on log scales. Each contour edge is a Pareto frontier.`}
      tip={tip}
      table={() => frontierTable(data, quality)}
      aside={
        <div className="frontier-key">
          <ColourScale thresholds={data.thresholds} quality={quality} />
          <Legend items={legend} testId="chart.frontier.legend" />
          <p className="chart-note">{data.note}</p>
        </div>
      }
      asideNarrow
      containerRef={(el) => {
        ref.current = el;
      }}
      onPointerMove={onMove}
      onPointerLeave={() => setTip(null)}
    >
      {/* Contours, axes and grid lines: re-rendered (and re-rasterised) only when the grid or the size changes. */}
      <FrontierLayer
        data={data}
        higherIsBetter={quality.higherIsBetter}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        units={units}
      />
      <g className="frontier-budget" style={{ stroke: 'var(--muted)' }} strokeDasharray="4 4">
        <line x1={xm(data.budget.trainFlops)} x2={xm(data.budget.trainFlops)} y1={0} y2={innerHeight} />
        <line x1={0} x2={innerWidth} y1={ym(data.budget.inferenceFlops)} y2={ym(data.budget.inferenceFlops)} />
      </g>
      {designLevel ? (
        <path
          className="frontier-design-level"
          d={designLevel}
          fill="none"
          strokeWidth={2}
          strokeDasharray="6 3"
          style={{ stroke: 'var(--fg)' }}
          data-threshold={data.design.quality}
        />
      ) : null}
      {target && targetPath ? (
        <g className="frontier-target" data-testid="chart.frontier.target" data-threshold={target.value}>
          <path
            d={targetPath.d}
            fill="none"
            strokeWidth={3.5}
            strokeLinejoin="round"
            style={{ stroke: 'var(--danger)' }}
          >
            <title>{`Pareto frontier at the target ${quality.label} of ${formatQuality(target.value, quality)}`}</title>
          </path>
          <text
            x={targetPath.labelX}
            y={targetPath.labelY}
            dx={6}
            dy={-6}
            fontWeight="bold"
            fontSize={12}
            textAnchor={targetPath.labelX > innerWidth / 2 ? 'end' : 'start'}
            style={{ fill: 'var(--danger)' }}
          >
            {`target ${formatQuality(target.value, quality)}`}
          </text>
        </g>
      ) : null}
      {data.equalQuality ? (
        <line
          className="frontier-saving"
          x1={xm(data.design.trainFlops)}
          y1={ym(data.design.inferenceFlops)}
          x2={xm(data.equalQuality.trainFlops)}
          y2={ym(data.equalQuality.inferenceFlops)}
          strokeWidth={1.5}
          strokeDasharray="3 3"
          style={{ stroke: 'var(--fg)' }}
        />
      ) : null}
      {userRuns ? (
        <RunDots
          testId="chart.frontier.runs"
          runs={userRuns}
          x={scales.x}
          y={scales.y}
          describe={(i) =>
            `Your run: training ${formatFlops(userRuns.x[i]!)} FLOPs, inference ${formatFlops(userRuns.y[i]!)} FLOPs/token, ${quality.label} ${formatQuality(userRuns.quality[i]!, quality)}`
          }
        />
      ) : null}
      {lab ? (
        <RunDots
          testId="chart.frontier.measured"
          runs={lab.frontierRuns}
          x={scales.x}
          y={scales.y}
          color="var(--series-6)"
          filled
          describe={(i) => {
            const q = lab.frontierRuns.quality[i]!;
            const p = lab.predicted[i]!;
            return (
              `Measured in the lab: training ${formatFlops(lab.frontierRuns.x[i]!)} FLOPs (6ND), inference ${formatFlops(lab.frontierRuns.y[i]!)} FLOPs/token (2Nk), ${lab.quantity} ${Number.isFinite(q) ? q.toPrecision(3) : 'not measured'}` +
              (Number.isFinite(p) ? `; ${set.name} predicts ${p.toPrecision(3)}` : '')
            );
          }}
        />
      ) : null}
      <g className="frontier-contour-labels" data-testid="chart.frontier.contour-labels" aria-hidden="true">
        {labels.map((l) => (
          <text
            key={l.threshold}
            className="frontier-contour-label"
            x={l.x}
            y={l.y}
            dy="0.35em"
            textAnchor="middle"
            data-threshold={l.threshold}
          >
            {l.text}
          </text>
        ))}
      </g>
      {spread
        .filter((m) => m.moved)
        .map((m) => (
          <line
            key={`leader-${m.key}`}
            className="frontier-leader"
            x1={m.x}
            y1={m.y}
            x2={m.drawX}
            y2={m.drawY}
            strokeWidth={1}
            style={{ stroke: 'var(--fg)' }}
          />
        ))}
      {points.map(({ spec, point }) => (
        <Mark
          key={spec.key}
          testId={`chart.frontier.${spec.key}`}
          x={drawAt.get(spec.key)?.drawX ?? xm(point.trainFlops)}
          y={drawAt.get(spec.key)?.drawY ?? ym(point.inferenceFlops)}
          at={{ x: xm(point.trainFlops), y: ym(point.inferenceFlops) }}
          shape={spec.shape}
          color={spec.color}
          label={spec.label}
          lines={[...designLines(point, quality), ...(outside(spec.key) ? [outside(spec.key)!] : [])]}
          onTip={setTip}
          size={spec.size}
          hollow={outside(spec.key) !== null}
          ring={spec.ring}
          {...(pinned && spec.key === 'design' ? { tag: 'B', tagSide: 'left' as const } : {})}
        />
      ))}
      {pinned ? (
        <Mark
          testId="chart.frontier.pinned"
          x={drawAt.get('pinned')?.drawX ?? xm(pinned.trainFlops)}
          y={drawAt.get('pinned')?.drawY ?? ym(pinned.inferenceFlops)}
          at={{ x: xm(pinned.trainFlops), y: ym(pinned.inferenceFlops) }}
          shape="diamond"
          color={PINNED_COLOR}
          label="A: the pinned scenario"
          lines={pinnedLines(pinned)}
          onTip={setTip}
          size={6}
          tag="A"
        />
      ) : null}
    </ChartFrame>
  );
}
