/**
 * The frontier map's static layer: filled contours, the fitted region (budgets whose optimum lies inside the set's
 * fitted data, shaded and edged), axes and grid lines. They depend only on the grid (its
 * `gridKey`), the quality's direction and the plot size, so a slider move that keeps the grid skips this component
 * (React.memo on those keys) and the browser keeps its pixels: the group is promoted to its own compositor layer
 * (`will-change: transform`), so marks drawn above it do not make Chromium re-rasterise the contours.
 */
import { memo } from 'react';
import type { FrontierData } from '../engine/explorer-data-types';
import { AxisBottom, AxisLeft } from './Axes';
import { formatInferenceTick, formatTrainTick, type BudgetAxisUnits } from './format';
import { fittedRegionPath, frontierContours, frontierScales } from './frontier-geometry';
import { tickCount } from './layout';
import { logTicks } from './ticks';
import { useKeyedMemo } from './useKeyedMemo';

export interface FrontierLayerProps {
  data: FrontierData;
  higherIsBetter: boolean;
  innerWidth: number;
  innerHeight: number;
  /** Budget axes in dollars (null or absent: FLOPs). */
  units?: BudgetAxisUnits | null;
}

/**
 * Opaque fill of the i-th of n nested regions: the accent colour mixed into the background, stronger for better
 * levels. Opaque bands paint faster than stacked translucent ones and read the same.
 */
export function bandFill(i: number, n: number): string {
  const pct = Math.round(12 + (60 * (i + 1)) / Math.max(1, n));
  return `color-mix(in srgb, var(--accent) ${pct}%, var(--bg))`;
}

/** True when two props draw the same layer: same grid, direction and size (the marks may differ). */
export function sameFrontierLayer(a: FrontierLayerProps, b: FrontierLayerProps): boolean {
  return (
    a.data.gridKey === b.data.gridKey &&
    a.higherIsBetter === b.higherIsBetter &&
    a.innerWidth === b.innerWidth &&
    a.innerHeight === b.innerHeight &&
    (a.units?.train ?? null) === (b.units?.train ?? null) &&
    (a.units?.inference ?? null) === (b.units?.inference ?? null)
  );
}

function FrontierLayerView({ data, higherIsBetter, innerWidth, innerHeight, units = null }: FrontierLayerProps) {
  const shapes = useKeyedMemo(`${data.gridKey}|${higherIsBetter}|${innerWidth}|${innerHeight}`, () =>
    frontierContours(data, higherIsBetter, innerWidth, innerHeight),
  );
  const fitted = useKeyedMemo(`fitted|${data.gridKey}|${innerWidth}|${innerHeight}`, () =>
    fittedRegionPath(data, innerWidth, innerHeight),
  );
  const scales = frontierScales(data, innerWidth, innerHeight);
  return (
    <g className="frontier-static" data-grid-key={data.gridKey}>
      <g
        className="frontier-contours"
        data-contours={shapes.length}
        style={{ stroke: 'var(--fg)', strokeOpacity: 0.35 }}
      >
        {shapes.map((s, i) => (
          <path
            key={s.threshold}
            className="frontier-contour"
            d={s.path}
            data-threshold={s.threshold}
            style={{ fill: bandFill(i, shapes.length) }}
          />
        ))}
      </g>
      {fitted ? (
        <path className="frontier-fitted" data-testid="chart.frontier.fitted" d={fitted}>
          <title>Fitted region: budgets whose optimum lies inside the data the constant set was fitted on</title>
        </path>
      ) : null}
      <AxisBottom
        scale={scales.x}
        ticks={logTicks(scales.x, tickCount(innerWidth, 64))}
        format={(v) => formatTrainTick(v, units)}
        gridLength={innerHeight}
        width={innerWidth}
        label={
          units?.train
            ? 'Training budget C_train (dollars at the chosen GPU, price and MFU) →'
            : 'Training compute C_train (FLOPs) →'
        }
      />
      <AxisLeft
        scale={scales.y}
        ticks={logTicks(scales.y, tickCount(innerHeight, 36))}
        format={(v) => formatInferenceTick(v, units)}
        gridLength={innerWidth}
        label={
          units?.inference
            ? '↑ Inference budget C_inf ($ per million tokens, at the compute roof)'
            : '↑ Inference compute C_inf (FLOPs per token)'
        }
      />
    </g>
  );
}

/** The static layer, re-rendered only when `sameFrontierLayer` says it changed. */
export const FrontierLayer = memo(FrontierLayerView, sameFrontierLayer);
