import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QualityModel, Scenario } from '../domain/scenario';
import { buildExplorerData } from '../engine/explorer-data';
import { ChartsPanel } from './ChartsPanel';
import { EpochChart, epochTable } from './EpochChart';
import { formatCount } from './format';
import { IsoflopChart } from './IsoflopChart';
import { PasskChart } from './PasskChart';
import { TokensPerParamChart, tokensPerParamTable } from './TokensPerParamChart';

const BASE: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 1e8,
  tokens: 1e21 / 6e8,
  samples: 10,
  trainFlops: 1e21,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};
const scenario = (m: QualityModel): Scenario => ({
  ...BASE,
  qualityModel: m,
  constantSet: m.startsWith('t2') ? 't2-illustrative' : 'hoffmann',
});

const TEST_IDS = ['chart.frontier', 'chart.tokens-per-param', 'chart.isoflop', 'chart.passk', 'chart.epoch'];

describe('ChartsPanel', () => {
  it.each(['t2-1', 't2-2', 'chinchilla', 'lifetime'] as QualityModel[])(
    'renders all five charts for %s, colours only via custom properties',
    (m) => {
      const s = scenario(m);
      const html = renderToStaticMarkup(<ChartsPanel data={buildExplorerData(s)} scenario={s} />);
      for (const id of TEST_IDS) expect(html).toContain(`data-testid="${id}"`);
      expect(html).not.toMatch(/NaN|Infinity/);
      expect(html).not.toMatch(/#[0-9a-fA-F]{3,6}\b|rgb\(/);
      expect(html.match(/Show table/g)).toHaveLength(5);
    },
  );

  it('says it is computing when there is no data yet', () => {
    const html = renderToStaticMarkup(<ChartsPanel data={null} scenario={BASE} />);
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('chart.frontier');
  });
});

describe('TokensPerParamChart', () => {
  const d = buildExplorerData(BASE);
  const html = renderToStaticMarkup(
    <TokensPerParamChart data={d.tokensPerParam} quality={d.quality} set={d.set} width={560} />,
  );
  it('draws one line per series, T² against Chinchilla, and the 20 tokens-per-parameter line', () => {
    for (const s of d.tokensPerParam.series) expect(html).toContain(`data-series="${s.id}"`);
    expect(d.tokensPerParam.series.filter((s) => s.kind === 't2')).toHaveLength(3);
    expect(html).toContain('data-reference="20 tokens per parameter"');
    expect(html).toMatch(/data-series="chinchilla"[^>]*stroke-dasharray="6 4"/);
  });
  it('tabulates the same numbers', () => {
    const t = tokensPerParamTable(d.tokensPerParam);
    expect(t.columns).toHaveLength(1 + d.tokensPerParam.series.length);
    expect(t.rows[0]![0]).toBe(`${d.tokensPerParam.series[0]!.x[0]!.toExponential(0).replace('+', '')}`);
    expect(t.rows[0]![1]).toBe(formatCount(d.tokensPerParam.series[0]!.y[0]!));
  });
});

describe('IsoflopChart', () => {
  it('marks the optimum on a log-N axis with the budgets in the subtitle', () => {
    const d = buildExplorerData(BASE);
    const html = renderToStaticMarkup(
      <IsoflopChart data={d.isoflop} quality={d.quality} set={d.set} chinchilla={d.frontier.chinchilla} width={560} />,
    );
    expect(html).toContain('data-testid="chart.isoflop.optimum"');
    expect(html).toContain('data-testid="chart.isoflop.design"');
    expect(html).toContain('C_train = 1e21 FLOPs, C_inf = 2e9 FLOPs/token');
    expect(html).toContain('data-series="slice"');
  });
});

describe('PasskChart', () => {
  it('names the curve in its subtitle: Approach 2 accuracy vs Approach 1 implied exp(−L)', () => {
    const a2 = buildExplorerData(scenario('t2-2'));
    expect(renderToStaticMarkup(<PasskChart data={a2.passk} set={a2.set} width={560} />)).toContain(
      'T² Approach 2: expected pass@k',
    );
    const a1 = buildExplorerData(BASE);
    expect(renderToStaticMarkup(<PasskChart data={a1.passk} set={a1.set} width={560} />)).toContain(
      'implied pass@k = exp(−L(N, D, k))',
    );
  });
  it('uses a log k axis from 1', () => {
    const a2 = buildExplorerData(scenario('t2-2'));
    const html = renderToStaticMarkup(<PasskChart data={a2.passk} set={a2.set} width={560} />);
    const x = /data-axis="x"[\s\S]*?data-axis="y"/.exec(html)![0];
    expect([...x.matchAll(/data-tick="([^"]+)"/g)].map((m) => Number(m[1])).slice(0, 3)).toEqual([1, 10, 100]);
  });
  it('explains instead of plotting when the model has no k term', () => {
    const c = buildExplorerData(scenario('chinchilla'));
    const html = renderToStaticMarkup(<PasskChart data={c.passk} set={c.set} width={560} />);
    expect(html).toContain('No k term in this model');
    expect(html).not.toContain('data-series');
  });
});

describe('EpochChart', () => {
  const d = buildExplorerData(BASE);
  it('draws a curve and a shaded span per technique, labels calibrated ones, with the report table beside', () => {
    const html = renderToStaticMarkup(<EpochChart data={d.epoch} width={560} />);
    expect(html.match(/data-span="/g)).toHaveLength(5);
    expect(html.match(/data-series="/g)).toHaveLength(5);
    expect(html.match(/\(calibrated\)/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('data-testid="chart.epoch.report-table"');
    expect(html).toContain('Chain of thought');
    expect(html).toContain('Select two techniques');
  });
  it('shows the combined span of two selected techniques', () => {
    const html = renderToStaticMarkup(
      <EpochChart data={d.epoch} width={560} initialSelection={['scaling-policy', 'pruning']} />,
    );
    const pair = d.epoch.combined.find((c) => c.ids.join() === 'scaling-policy,pruning')!;
    expect(html).toContain('data-testid="chart.epoch.combined"');
    expect(html).toContain(`${pair.train.toFixed(2)} OOM training`);
    expect(html).toContain('data-combined="scaling-policy+pruning"');
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(2);
  });
  it("tabulates this app's spans beside the report's", () => {
    const t = epochTable(d.epoch);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[0]![3]).toBe('1.20');
  });
});
