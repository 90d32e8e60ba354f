/** Predicted against measured pass@k, one dot per run; the diagonal is perfect agreement. */
import { scaleLinear } from 'd3-scale';
import type { PredictionSet } from './records-logic';
import { parityPoints } from './predict-logic';
import type { LabRun } from './types';

const W = 320,
  H = 320,
  M = 40;

export function ParityChart({ setFor, runs }: { setFor: (run: LabRun) => PredictionSet | null; runs: LabRun[] }) {
  const pts = parityPoints(setFor, runs);
  const names = [...new Set(runs.map((r) => setFor(r)?.name).filter((n): n is string => !!n))];
  if (pts.length === 0) return null;
  const x = scaleLinear()
    .domain([0, 1])
    .range([M, W - 10]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([H - M, 10]);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure className="lab__parity" data-testid="lab.parity">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Parity chart: predicted against measured pass@k for ${pts.length} runs`}
      >
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} style={{ stroke: 'var(--muted)' }} strokeDasharray="4 3" />
        {ticks.map((t) => (
          <g key={t} style={{ fill: 'var(--muted)', fontSize: 10 }}>
            <text x={x(t)} y={H - M + 14} textAnchor="middle">
              {t}
            </text>
            <text x={M - 6} y={y(t) + 3} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <line x1={M} y1={H - M} x2={W - 10} y2={H - M} style={{ stroke: 'var(--fg)' }} />
        <line x1={M} y1={H - M} x2={M} y2={10} style={{ stroke: 'var(--fg)' }} />
        <text x={(M + W) / 2} y={H - 6} textAnchor="middle" style={{ fill: 'var(--fg)', fontSize: 11 }}>
          measured pass@k
        </text>
        <text
          transform={`translate(12 ${(H - M) / 2}) rotate(-90)`}
          textAnchor="middle"
          style={{ fill: 'var(--fg)', fontSize: 11 }}
        >
          predicted pass@k
        </text>
        {pts.map((p) => (
          <circle key={p.id} cx={x(p.measured)} cy={y(p.predicted)} r={4} style={{ fill: 'var(--series-6)' }}>
            <title>{`${p.label}: measured ${p.measured.toFixed(3)}, predicted ${p.predicted.toFixed(3)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="lab__hint">Predicted by {names.join('; ')}; dots on the dashed diagonal agree.</figcaption>
    </figure>
  );
}
