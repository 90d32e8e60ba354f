/**
 * Layers the explorer's charts draw from the user's data (src/engine/fit-overlay.ts): measured runs as small
 * outlined dots with a hover title, and the bootstrap band as a shaded area. They take the chart's scales; points
 * outside the scales' domains are left out rather than pinned to the edge.
 */
import { area } from 'd3-shape';
import type { RunPoints } from '../engine/fit-overlay';

type Scale = ((v: number) => number) & { domain?: () => number[] };

function inside(s: Scale, v: number): boolean {
  const d = s.domain?.();
  if (!d || d.length < 2) return Number.isFinite(s(v));
  const lo = Math.min(d[0]!, d[d.length - 1]!),
    hi = Math.max(d[0]!, d[d.length - 1]!);
  return v >= lo && v <= hi;
}

export function RunDots({
  runs,
  x,
  y,
  describe,
  testId,
  color = 'var(--series-5)',
  filled = false,
}: {
  runs: RunPoints;
  x: Scale;
  y: Scale;
  testId: string;
  describe: (i: number) => string;
  /** Stroke colour; `filled` fills the dot with it (the model lab's measured runs). */
  color?: string;
  filled?: boolean;
}) {
  const dots: { i: number; cx: number; cy: number }[] = [];
  for (let i = 0; i < runs.x.length; i++) {
    if (inside(x, runs.x[i]!) && inside(y, runs.y[i]!)) dots.push({ i, cx: x(runs.x[i]!), cy: y(runs.y[i]!) });
  }
  return (
    <g className="user-runs" data-testid={testId} data-runs={dots.length}>
      {dots.map(({ i, cx, cy }) => (
        <circle
          key={i}
          cx={cx}
          cy={cy}
          r={3.5}
          strokeWidth={1.5}
          data-x={runs.x[i]}
          data-y={runs.y[i]}
          style={{ fill: filled ? color : 'var(--bg)', stroke: filled ? 'var(--bg)' : color }}
        >
          <title>{describe(i)}</title>
        </circle>
      ))}
    </g>
  );
}

export function BandArea({
  xs,
  lower,
  upper,
  x,
  y,
  testId,
}: {
  xs: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  x: Scale;
  y: Scale;
  testId: string;
}) {
  const idx = Array.from(xs, (_, i) => i);
  const d =
    area<number>()
      .x((i) => x(xs[i]!))
      .y0((i) => y(lower[i]!))
      .y1((i) => y(upper[i]!))(idx) ?? '';
  return (
    <path
      className="user-band"
      data-testid={testId}
      d={d}
      style={{ fill: 'var(--series-5)', fillOpacity: 0.18, stroke: 'none' }}
    />
  );
}
