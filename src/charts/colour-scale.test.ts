import { describe, expect, it } from 'vitest';
import { colourScaleStops } from './colour-scale';
import { ACCURACY, LOSS, frontierFixture } from './fixtures';
import { bandFill } from './FrontierLayer';

describe('colourScaleStops', () => {
  it('gives one stop per band with the fill the map paints, plus the background, worst to best', () => {
    const t = frontierFixture().thresholds; // 9.5, 8.5, 7.5 nats
    const stops = colourScaleStops(t, LOSS);
    expect(stops.map((s) => s.label)).toEqual(['> 9.50 nats', '≤ 9.50 nats', '≤ 8.50 nats', '≤ 7.50 nats']);
    expect(stops[0]!.fill).toBe('var(--bg)');
    expect(stops.slice(1).map((s) => s.fill)).toEqual([0, 1, 2].map((i) => bandFill(i, 3)));
  });

  it('writes accuracies as percentages with ≥', () => {
    const stops = colourScaleStops([0.2, 0.4], ACCURACY);
    expect(stops.map((s) => s.label)).toEqual(['< 20 %', '≥ 20 %', '≥ 40 %']);
  });

  it('leaves out non-finite thresholds and never prints NaN', () => {
    const stops = colourScaleStops([Number.NaN, 3, Number.POSITIVE_INFINITY], LOSS);
    expect(stops.map((s) => s.label)).toEqual(['> 3.00 nats', '≤ 3.00 nats']);
    expect(stops[1]!.fill).toBe(bandFill(1, 3));
    expect(colourScaleStops([], LOSS)).toEqual([]);
  });
});
