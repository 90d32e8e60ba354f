import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';
import { FRONTIER_ASPECT, FrontierMap, frontierTable } from './FrontierMap';
import { LOSS, SET, frontierFixture } from './fixtures';
import { chartLayout } from './layout';

function attr(html: string, testId: string, name: string): number {
  const tag = new RegExp(`<g[^>]*data-testid="${testId.replace('.', '\\.')}"[^>]*>`).exec(html)?.[0] ?? '';
  return Number(new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1]);
}

describe('FrontierMap', () => {
  const data = frontierFixture();
  const html = renderToStaticMarkup(<FrontierMap data={data} quality={LOSS} set={SET} width={560} />);
  const { innerWidth, innerHeight } = chartLayout(560, FRONTIER_ASPECT);

  it('renders one filled contour path per threshold', () => {
    expect(html).toContain('data-testid="chart.frontier"');
    expect(html.match(/class="frontier-contour"/g)).toHaveLength(data.thresholds.length);
  });

  it('puts the design mark at the scaled log coordinates of (6ND, 2Nk)', () => {
    // (6ND, 2Nk) = (1e19, 1e9): one decade into three on x, halfway up two decades on y.
    expect(attr(html, 'chart.frontier.design', 'data-x')).toBeCloseTo(innerWidth / 3, 6);
    expect(attr(html, 'chart.frontier.design', 'data-y')).toBeCloseTo(innerHeight / 2, 6);
    const o = data.optimum!;
    const ox = ((Math.log10(o.trainFlops) - 18) / 3) * innerWidth;
    const oy = innerHeight - ((Math.log10(o.inferenceFlops) - 8) / 2) * innerHeight;
    expect(attr(html, 'chart.frontier.optimum', 'data-x')).toBeCloseTo(ox, 6);
    expect(attr(html, 'chart.frontier.optimum', 'data-y')).toBeCloseTo(oy, 6);
    expect(html).toContain('data-testid="chart.frontier.chinchilla"');
    expect(html).not.toContain('chart.frontier.lifetime');
  });

  it('draws log axes with decade ticks over the grid domain', () => {
    const xTicks = [...html.matchAll(/data-axis="x"[\s\S]*?(?=data-axis="y")/g)][0]?.[0] ?? '';
    const ticks = [...xTicks.matchAll(/data-tick="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(ticks).toEqual([1e18, 1e19, 1e20, 1e21]);
    expect(html).toContain('>1e18<');
    expect(html).toContain('>1e10<');
  });

  it('keeps marks keyboard-focusable with values and units in their names', () => {
    expect(html).toMatch(
      /tabindex="0"[^>]*aria-label="Current design; N = 100M params, D = 16.7B tokens, k = 5 samples/,
    );
    expect(html).toContain('FLOPs/token');
  });

  it('has a hidden-by-default table built from the same grid', () => {
    // Collapsed: the wrapper is there (aria-controls points at it), the table is built only when shown.
    expect(html).toMatch(/<div hidden="" class="chart-table-wrap" id="[^"]+"><\/div>/);
    expect(html).toContain('aria-expanded="false"');
    const shown = renderToStaticMarkup(<DataTable table={frontierTable(data, LOSS)} />);
    expect(shown.match(/<tr>/g)).toHaveLength(4);
    expect(shown).toContain('<th scope="row">1e10</th>');
    const table = frontierTable(data, LOSS);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]![0]).toBe('1e10');
    expect(table.rows[0]!.slice(1)).toEqual(['8.000 nats', '7.000 nats', '6.000 nats', '5.000 nats']);
  });

  it('sizes the SVG by viewBox and width 100 % (responsive)', () => {
    expect(html).toMatch(new RegExp(`<svg viewBox="0 0 560 ${chartLayout(560, FRONTIER_ASPECT).height}" width="100%"`));
    const narrow = renderToStaticMarkup(<FrontierMap data={data} quality={LOSS} set={SET} width={358} />);
    expect(narrow).toMatch(/<svg viewBox="0 0 358 /);
  });
});
