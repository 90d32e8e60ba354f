/**
 * Wu et al. 2024 (arXiv:2408.00724; laws.md §6) on screen: their compute-optimal model size for an inference budget,
 * log10 C = 1.19·log10 N + 2.03 (Pythia on GSM8K), drawn solid over its fitted span and dashed beyond; and their MATH500
 * example as points: Llemma-7B with REBASE against Llemma-34B sampling (same accuracy, about 8× less compute).
 */
import { WU_FIT, WU_FIT_PARAMS_RANGE, WU_MATH500_EXAMPLE, WU_PROVENANCE, wuSearchVsScale } from '../domain/wu';
import { formatQuantity } from '../domain/quantity';
import { decades, logAxis, wuLine } from './papers-logic';

const W = 420;
const H = 220;
const M = { left: 56, right: 12, top: 10, bottom: 36 };

function path(points: [number, number][], x: (v: number) => number, y: (v: number) => number): string {
  return points.map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${x(a).toFixed(1)},${y(b).toFixed(1)}`).join('');
}

export function WuPanel() {
  const { fitted, extrapolated } = wuLine();
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = logAxis(1e7, 1e11, iw);
  const y = logAxis(1e10, 1e16, ih, true);
  const cmp = wuSearchVsScale();
  const ax = logAxis(1e13, 1e16, iw);
  const ay = (v: number) => ih - ((v - 0.4) / 0.1) * ih;
  return (
    <section className="papers__panel" data-testid="papers.wu" aria-labelledby="papers-wu-title">
      <h3 id="papers-wu-title">Inference scaling laws (Wu et al. 2024)</h3>
      <p className="papers__source">{WU_FIT.source}</p>
      <figure data-testid="papers.wu.optimal-size">
        <svg
          width={W}
          height={H}
          role="img"
          aria-label="Compute-optimal model size against inference compute, Wu et al. 2024"
        >
          <g transform={`translate(${M.left},${M.top})`}>
            {decades(1e7, 1e11).map((v) => (
              <g key={v}>
                <line x1={x(v)} x2={x(v)} y1={ih} y2={ih + 4} stroke="currentColor" />
                <text x={x(v)} y={ih + 16} textAnchor="middle" className="papers__tick">
                  {formatQuantity(v)}
                </text>
              </g>
            ))}
            {decades(1e10, 1e16).map((v) => (
              <g key={v}>
                <line x1={-4} x2={0} y1={y(v)} y2={y(v)} stroke="currentColor" />
                <text x={-6} y={y(v) + 4} textAnchor="end" className="papers__tick">{`1e${Math.log10(v)}`}</text>
              </g>
            ))}
            <line x1={0} x2={iw} y1={ih} y2={ih} stroke="currentColor" />
            <line x1={0} x2={0} y1={0} y2={ih} stroke="currentColor" />
            <path
              d={path(fitted, x, y)}
              fill="none"
              stroke="var(--accent)"
              strokeWidth={2}
              data-testid="papers.wu.fitted"
            />
            {extrapolated.map((p, i) => (
              <path key={i} d={path(p, x, y)} fill="none" stroke="var(--accent)" strokeDasharray="5 4" />
            ))}
            <text x={iw / 2} y={ih + 30} textAnchor="middle">
              Model size N (parameters)
            </text>
          </g>
        </svg>
        <figcaption>
          Compute-optimal N for an inference budget C (FLOPs per problem as Wu et al. count them): log10 C ={' '}
          {WU_FIT.slope}·log10 N + {WU_FIT.intercept}. Solid over N = {formatQuantity(WU_FIT_PARAMS_RANGE[0])}–
          {formatQuantity(WU_FIT_PARAMS_RANGE[1])} (the Pythia sizes studied, not checked against the paper:{' '}
          {WU_PROVENANCE.studiedPythiaSource}), dashed where it extrapolates. Their C counts every generated token of
          every sample, not the explorer's FLOPs per token served, so it is drawn here rather than on the frontier map.
        </figcaption>
      </figure>
      <figure data-testid="papers.wu.math500">
        <svg
          width={W}
          height={H}
          role="img"
          aria-label="MATH500 accuracy against inference FLOPs: Llemma-7B with REBASE and Llemma-34B sampling"
        >
          <g transform={`translate(${M.left},${M.top})`}>
            {decades(1e13, 1e16).map((v) => (
              <text
                key={v}
                x={ax(v)}
                y={ih + 16}
                textAnchor="middle"
                className="papers__tick"
              >{`1e${Math.log10(v)}`}</text>
            ))}
            {[0.4, 0.45, 0.5].map((v) => (
              <text
                key={v}
                x={-6}
                y={ay(v) + 4}
                textAnchor="end"
                className="papers__tick"
              >{`${Math.round(v * 100)} %`}</text>
            ))}
            <line x1={0} x2={iw} y1={ih} y2={ih} stroke="currentColor" />
            <line x1={0} x2={0} y1={0} y2={ih} stroke="currentColor" />
            <line
              data-testid="papers.wu.gap"
              x1={ax(cmp.small.inferenceFlops)}
              x2={ax(cmp.large.inferenceFlops)}
              y1={ay(cmp.small.accuracy)}
              y2={ay(cmp.large.accuracy)}
              stroke="currentColor"
              strokeDasharray="4 3"
            />
            <text
              x={(ax(cmp.small.inferenceFlops) + ax(cmp.large.inferenceFlops)) / 2}
              y={ay(cmp.small.accuracy) + 18}
              textAnchor="middle"
            >
              {`same accuracy, ${cmp.computeRatio.toFixed(1)}× the FLOPs`}
            </text>
            {WU_MATH500_EXAMPLE.map((p) => (
              <g key={p.model} data-testid={`papers.wu.point.${p.model}`}>
                <circle
                  cx={ax(p.inferenceFlops)}
                  cy={ay(p.accuracy)}
                  r={5}
                  fill={p.method === 'REBASE' ? 'var(--accent)' : 'var(--series-2)'}
                />
                <text
                  x={ax(p.inferenceFlops) + 8}
                  y={ay(p.accuracy) - 8}
                >{`${p.model} ${p.method}, ${p.samples} samples`}</text>
              </g>
            ))}
            <text x={iw / 2} y={ih + 30} textAnchor="middle">
              Inference FLOPs per problem
            </text>
          </g>
        </svg>
        <figcaption data-testid="papers.wu.comparison">
          7B with search against 34B sampling: {cmp.small.model} + {cmp.small.method} reaches{' '}
          {(cmp.small.accuracy * 100).toFixed(1)} % with {cmp.small.inferenceFlops.toExponential(2)} FLOPs;{' '}
          {cmp.large.model} {cmp.large.method} reaches {(cmp.large.accuracy * 100).toFixed(1)} % with{' '}
          {cmp.large.inferenceFlops.toExponential(2)} FLOPs: {cmp.computeRatio.toFixed(1)}× the compute for the same
          accuracy (laws.md §6). Note: {WU_PROVENANCE.headline}. Source: {WU_PROVENANCE.table}.{' '}
          <strong>Unverified, so not shown:</strong> {WU_PROVENANCE.notFound}.
        </figcaption>
      </figure>
    </section>
  );
}
