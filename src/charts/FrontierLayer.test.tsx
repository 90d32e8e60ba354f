import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FrontierLayer, sameFrontierLayer, type FrontierLayerProps } from './FrontierLayer';
import { frontierFixture, point } from './fixtures';

const props = (over: Partial<FrontierLayerProps> = {}): FrontierLayerProps => ({
  data: frontierFixture(),
  higherIsBetter: false,
  innerWidth: 400,
  innerHeight: 300,
  ...over,
});
const svg = (p: FrontierLayerProps) =>
  renderToStaticMarkup(
    <svg>
      <FrontierLayer {...p} />
    </svg>,
  );

describe('FrontierLayer (the memoised static layer)', () => {
  it('is skipped when only the marks move (same grid key, new objects)', () => {
    const a = props();
    const moved = {
      ...frontierFixture(),
      design: point(2e8, 1e9, 3, 8.1),
      budget: { trainFlops: 2e19, inferenceFlops: 1e9 },
    };
    expect(sameFrontierLayer(a, props({ data: moved }))).toBe(true);
  });

  it('updates when the grid, the direction or the size changes', () => {
    const a = props();
    const regridded = {
      ...frontierFixture(),
      gridKey: 'other-grid',
      trainFlops: Float64Array.from([1e17, 1e18, 1e19, 1e20]),
    };
    expect(sameFrontierLayer(a, props({ data: regridded }))).toBe(false);
    expect(sameFrontierLayer(a, props({ higherIsBetter: true }))).toBe(false);
    expect(sameFrontierLayer(a, props({ innerWidth: 500 }))).toBe(false);
    expect(sameFrontierLayer(a, props({ innerHeight: 200 }))).toBe(false);
    // A new grid draws new ticks: the x axis follows the grid's budgets.
    const ticks = (html: string) =>
      [...(/data-axis="x"[\s\S]*?(?=data-axis="y")/.exec(html)?.[0] ?? '').matchAll(/data-tick="([^"]+)"/g)].map((m) =>
        Number(m[1]),
      );
    expect(ticks(svg(a))).toEqual([1e18, 1e19, 1e20, 1e21]);
    expect(ticks(svg(props({ data: regridded })))).toEqual([1e17, 1e18, 1e19, 1e20]);
  });

  it('draws one opaque band per threshold, in a group that carries the grid key', () => {
    const html = svg(props());
    expect(html.match(/class="frontier-contour"/g)).toHaveLength(3);
    expect(html).toContain('class="frontier-static" data-grid-key="fixture-grid"');
  });
});
