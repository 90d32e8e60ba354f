/**
 * Residuals of the fit: observed − predicted against N (log axis), fitted runs as dots and held-out runs as rings,
 * with the zero line. React renders the SVG; d3-scale computes scales and ticks.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { fmtConstant, fmtCount } from './format';
import type { Residual } from './types';

const W = 420,
  H = 220,
  M = { top: 12, right: 12, bottom: 36, left: 52 };

export function ResidualChart({ residuals, label }: { residuals: Residual[]; label: string }) {
  const ns = residuals.map((r) => r.params);
  const rs = residuals.map((r) => r.observed - r.predicted);
  const lim = Math.max(1e-12, ...rs.map(Math.abs)) * 1.1;
  const lo = Math.min(...ns),
    hi = Math.max(...ns);
  const x = scaleLog()
    .domain(lo === hi ? [lo / 2, hi * 2] : [lo / 1.2, hi * 1.2])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([-lim, lim])
    .range([H - M.bottom, M.top])
    .nice();
  const xt = x.ticks(5).filter((_, i, a) => a.length <= 6 || i % Math.ceil(a.length / 6) === 0);
  return (
    <figure className="byod__residuals" data-testid="byod.residuals">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Residuals of ${label} against parameters`}>
        {y.ticks(5).map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="var(--grid)" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="10" fill="var(--muted)">
              {fmtConstant(t)}
            </text>
          </g>
        ))}
        {xt.map((t) => (
          <text key={`x${t}`} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" fontSize="10" fill="var(--muted)">
            {fmtCount(t)}
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="var(--fg)" strokeDasharray="4 3" />
        {residuals.map((r, i) => (
          <circle
            key={i}
            cx={x(r.params)}
            cy={y(rs[i]!)}
            r={3.2}
            data-held-out={r.heldOut || undefined}
            fill={r.heldOut ? 'none' : 'var(--series-1)'}
            stroke={r.heldOut ? 'var(--series-2)' : 'none'}
            strokeWidth={1.5}
          >
            <title>{`row ${r.line}: N ${fmtCount(r.params)}, D ${fmtCount(r.tokens)}${r.samples !== 1 ? `, k ${fmtCount(r.samples)}` : ''}; observed ${fmtConstant(r.observed)}, predicted ${fmtConstant(r.predicted)}`}</title>
          </circle>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" fontSize="11" fill="var(--fg)">
          parameters N
        </text>
        <text
          transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize="11"
          fill="var(--fg)"
        >
          {label}: observed − predicted
        </text>
      </svg>
      <figcaption className="byod__hint">Dots: fitted runs; rings: held-out runs.</figcaption>
    </figure>
  );
}
