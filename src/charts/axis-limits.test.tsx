/**
 * Issue 11, item 14: values a log axis cannot place (denormals, 0, beyond ±1e300) never put NaN or Infinity into the
 * SVG: they are left out of the axis extent and the line, and a finite mark below a log axis sits on the axis.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PasskData } from '../engine/explorer-data-types';
import { SET } from './fixtures';
import { LineChart } from './LineChart';
import { AXIS_LIMITS, usable, valueExtent } from './line-geometry';
import { PasskChart } from './PasskChart';

describe('axis limits', () => {
  it('leaves denormals, zeros and huge values out of a log extent, which stays finite and positive', () => {
    for (const values of [
      [5e-324, 5e-324],
      [5e-324, 1e-310],
      [0, 0],
      [1e305, 1e306],
      [5e-324, 0.3],
    ]) {
      const [lo, hi] = valueExtent('log', [Float64Array.from(values)]);
      expect(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && hi > lo, String(values)).toBe(true);
      expect(lo).toBeGreaterThanOrEqual(AXIS_LIMITS[0] / 2);
    }
    const [lo, hi] = valueExtent('linear', [Float64Array.from([1.7e308, 1.7e308])]);
    expect(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo).toBe(true);
    expect(usable('log', 5e-324)).toBe(false);
    expect(usable('linear', -1e301)).toBe(false);
  });

  it('draws a pass@k curve that underflowed to denormals and zero without NaN (design mark on the axis)', () => {
    const samples = Float64Array.from({ length: 60 }, (_, i) => 10 ** (i / 15));
    const data: PasskData = {
      available: true,
      samples,
      passAtK: samples.map((k) => (k < 100 ? 5e-324 : 0)),
      design: { samples: 1, passAtK: 5e-324 },
      subtitle: 'T² Approach 1: implied pass@k',
    };
    const html = renderToStaticMarkup(<PasskChart data={data} set={SET} width={560} />);
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).toContain('data-testid="chart.passk.design"');
  });

  it('leaves out a mark that is not finite and a reference line the axis cannot place', () => {
    const html = renderToStaticMarkup(
      <LineChart
        testId="chart.test"
        title="t"
        description="d"
        xType="log"
        yType="log"
        xLabel="x"
        yLabel="y"
        width={560}
        xFormat={String}
        yFormat={String}
        table={{ caption: 'c', columns: ['x'], rows: [] }}
        series={[
          {
            id: 's',
            label: 's',
            color: 'var(--accent)',
            x: Float64Array.from([1, 10, 100]),
            y: Float64Array.from([1, Number.NaN, 3]),
          },
        ]}
        marks={[
          { id: 'bad', x: Number.NaN, y: 1, label: 'bad', lines: [], shape: 'circle', color: 'var(--fg)' },
          {
            id: 'inf',
            x: 10,
            y: Number.POSITIVE_INFINITY,
            label: 'inf',
            lines: [],
            shape: 'circle',
            color: 'var(--fg)',
          },
          { id: 'zero', x: 10, y: 0, label: 'zero', lines: [], shape: 'circle', color: 'var(--fg)' },
        ]}
        references={[
          { orientation: 'h', value: 0, label: 'zero line' },
          { orientation: 'v', value: 10, label: 'ten' },
        ]}
      />,
    );
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).not.toContain('chart.test.bad');
    expect(html).not.toContain('chart.test.inf');
    expect(html).toContain('chart.test.zero');
    expect(html).not.toContain('data-reference="zero line"');
    expect(html).toContain('data-reference="ten"');
  });
});
