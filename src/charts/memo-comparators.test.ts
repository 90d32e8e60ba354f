/**
 * The comparators that let a chart's re-render after a slider move skip unchanged parts (issue 17 item 4): equal
 * when, and only when, the part would draw and say the same.
 */
import { scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { sameAxis } from './Axes';
import { sameColourScale } from './ColourScale';
import { sameLegend, type LegendItem } from './Legend';
import { sameMark } from './Mark';
import type { QualityInfo } from '../engine/explorer-data-types';

describe('sameMark', () => {
  const onTip = () => {};
  const base = {
    x: 10,
    y: 20,
    shape: 'circle' as const,
    color: 'var(--series-1)',
    label: 'Current design',
    lines: ['N = 7B', 'D = 140B'],
    onTip,
    at: { x: 10, y: 20 },
  };

  it('is equal for new but equal lines and at', () => {
    expect(sameMark(base, { ...base, lines: [...base.lines], at: { ...base.at } })).toBe(true);
  });

  it('differs when the mark moves, its text changes, or any other prop does', () => {
    expect(sameMark(base, { ...base, x: 11 })).toBe(false);
    expect(sameMark(base, { ...base, lines: ['N = 8B', 'D = 140B'] })).toBe(false);
    expect(sameMark(base, { ...base, lines: ['N = 7B'] })).toBe(false);
    expect(sameMark(base, { ...base, at: { x: 10, y: 21 } })).toBe(false);
    expect(sameMark(base, { ...base, at: undefined })).toBe(false);
    expect(sameMark(base, { ...base, tag: 'B' })).toBe(false);
    expect(sameMark(base, { ...base, hollow: true })).toBe(false);
    expect(sameMark(base, { ...base, onTip: () => {} })).toBe(false);
  });
});

describe('sameLegend', () => {
  const items: LegendItem[] = [
    { label: 'Optimum', color: 'var(--series-2)', point: true, ring: true },
    { label: 'Dashed lines: the current budgets', color: 'var(--muted)', dashed: true },
  ];

  it('is equal for a new array of equal entries', () => {
    expect(sameLegend({ items }, { items: items.map((i) => ({ ...i })) })).toBe(true);
  });

  it('differs when an entry, the order, the count or the test id changes', () => {
    expect(sameLegend({ items }, { items: [items[0]!, { ...items[1]!, dashed: false }] })).toBe(false);
    expect(sameLegend({ items }, { items: [items[1]!, items[0]!] })).toBe(false);
    expect(sameLegend({ items }, { items: items.slice(0, 1) })).toBe(false);
    expect(sameLegend({ items, testId: 'a' }, { items, testId: 'b' })).toBe(false);
  });
});

describe('sameAxis', () => {
  const scale = () => scaleLog().domain([1e18, 1e21]).range([0, 300]);
  const props = () => ({
    scale: scale(),
    ticks: [1e18, 1e19, 1e20, 1e21],
    format: (v: number) => v.toExponential(0),
    gridLength: 200,
    label: 'Training compute →',
    width: 300,
  });

  it('is equal for a new scale, tick array and format that draw the same', () => {
    expect(sameAxis(props(), props())).toBe(true);
  });

  it('differs when a tick moves, its text changes, or the grid length or label changes', () => {
    expect(sameAxis(props(), { ...props(), scale: scale().range([0, 301]) })).toBe(false);
    expect(sameAxis(props(), { ...props(), format: (v: number) => v.toExponential(1) })).toBe(false);
    expect(sameAxis(props(), { ...props(), ticks: [1e18, 1e19, 1e20] })).toBe(false);
    expect(sameAxis(props(), { ...props(), gridLength: 201 })).toBe(false);
    expect(sameAxis(props(), { ...props(), label: 'Other' })).toBe(false);
  });
});

describe('sameColourScale', () => {
  const quality = { label: 'loss' } as unknown as QualityInfo;

  it('is equal for a new array of equal thresholds and the same quality info', () => {
    expect(
      sameColourScale({ thresholds: [1, 2, 3], quality }, { thresholds: new Float64Array([1, 2, 3]), quality }),
    ).toBe(true);
  });

  it('differs when a threshold or the quality info changes', () => {
    expect(sameColourScale({ thresholds: [1, 2, 3], quality }, { thresholds: [1, 2, 4], quality })).toBe(false);
    expect(sameColourScale({ thresholds: [1, 2, 3], quality }, { thresholds: [1, 2], quality })).toBe(false);
    expect(sameColourScale({ thresholds: [1, 2], quality }, { thresholds: [1, 2], quality: { ...quality } })).toBe(
      false,
    );
  });
});
