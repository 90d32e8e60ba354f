import { scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { formatCount, formatFactor, formatFlops, formatQuality, formatShare } from './format';
import { ACCURACY, LOSS } from './fixtures';
import { chartLayout, MAX_CHART_WIDTH, MIN_CHART_WIDTH } from './layout';
import { makeScale, nearestPoint, seriesPath, valueExtent } from './line-geometry';
import { markPath } from './Mark';
import { logTicks } from './ticks';

describe('logTicks', () => {
  it('gives whole decades, thinned to fit', () => {
    expect(logTicks(scaleLog().domain([1e15, 1e21]), 10)).toEqual([1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21]);
    expect(logTicks(scaleLog().domain([1e15, 1e27]), 4)).toEqual([1e15, 1e19, 1e23, 1e27]);
  });
  it('falls back to d3 ticks inside one decade', () => {
    const t = logTicks(scaleLog().domain([2, 8]), 5);
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((v) => v >= 2 && v <= 8)).toBe(true);
  });
});

describe('chartLayout', () => {
  it('follows the measured width within bounds and keeps a usable plot area at 390 px', () => {
    expect(chartLayout(10).width).toBe(MIN_CHART_WIDTH);
    expect(chartLayout(5000).width).toBe(MAX_CHART_WIDTH);
    const phone = chartLayout(358);
    expect(phone.innerWidth).toBeGreaterThan(250);
    expect(phone.height).toBeGreaterThanOrEqual(220);
    expect(chartLayout(Number.NaN).width).toBe(560);
  });
});

describe('format', () => {
  it('writes counts, FLOPs, qualities, factors and shares with units and never NaN', () => {
    expect(formatCount(7e9)).toBe('7B');
    expect(formatFlops(2.56e19)).toBe('2.56e19');
    expect(formatQuality(1.93661, LOSS)).toBe('1.937 nats');
    expect(formatQuality(0.6123, ACCURACY)).toBe('61.2 %');
    expect(formatFactor(3.24)).toBe('3.2×');
    expect(formatFactor(1234.5)).toBe('1,200×');
    expect(formatShare(0.7134)).toBe('71.3 %');
    for (const f of [formatCount, formatFlops, formatFactor, formatShare]) expect(f(Number.NaN)).toBe('—');
  });
});

describe('line geometry', () => {
  const s = { id: 's', label: 's', color: 'var(--accent)', x: [1, 10, 100, 1000], y: [0.1, Number.NaN, 0.3, 0.4] };
  it('takes the extent of usable values only (log axes drop ≤ 0)', () => {
    expect(valueExtent('log', [[0, 1, 10, -5]])).toEqual([1, 10]);
    expect(valueExtent('linear', [[Number.NaN, 2, 3]])).toEqual([2, 3]);
    expect(valueExtent('log', [[]])).toEqual([1, 10]);
  });
  it('breaks the line at non-finite points', () => {
    const xs = makeScale('log', [1, 1000], [0, 300]);
    const ys = makeScale('linear', [0, 1], [100, 0]);
    const d = seriesPath(s, xs, ys, 'log', 'linear');
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toMatch(/NaN/);
  });
  it('finds the nearest point within a radius', () => {
    const xs = makeScale('log', [1, 1000], [0, 300]);
    const ys = makeScale('linear', [0, 1], [100, 0]);
    expect(nearestPoint([s], xs, ys, xs(100) + 3, ys(0.3))?.index).toBe(2);
    expect(nearestPoint([s], xs, ys, 150, -500)).toBeNull();
  });
  it('draws closed mark shapes', () => {
    for (const shape of ['circle', 'diamond', 'square', 'triangle'] as const) expect(markPath(shape, 5)).toMatch(/Z$/);
  });
});

describe('money formatting', () => {
  it('writes dollars as people do, compact below a cent, never NaN', async () => {
    const { formatDollars, formatTrainTick, formatInferenceTick } = await import('./format');
    expect(formatDollars(38.2)).toBe('$38');
    expect(formatDollars(1.08e6)).toBe('$1.1M');
    expect(formatDollars(0.0022)).toBe('$2.2e-3');
    expect(formatDollars(3.4)).toBe('$3.4');
    expect(formatDollars(Number.NaN)).toBe('—');
    expect(formatTrainTick(1e21, null)).toBe('1e21');
    expect(formatTrainTick(1e21, { train: 1.5e-18, inference: null })).toBe('$1.5k');
    expect(formatInferenceTick(2e9, { train: null, inference: 1e-18 })).toBe('$2.0e-3');
  });
});
