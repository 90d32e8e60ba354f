/**
 * Tick values for log axes: whole decades, thinned to every 2nd, 3rd… decade so they fit; for short spans (< 1
 * decade) d3's own log ticks. Pure, so axes are testable without a DOM.
 */
import type { ScaleLogarithmic } from 'd3-scale';

/** Decade ticks inside the scale's domain, at most `maxTicks` of them. */
export function logTicks(scale: ScaleLogarithmic<number, number>, maxTicks: number): number[] {
  const [a, b] = scale.domain() as [number, number];
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const decades = last - first + 1;
  if (decades < 2)
    return scale
      .ticks(Math.max(2, maxTicks))
      .filter((_t, i, all) => all.length <= maxTicks || i % Math.ceil(all.length / maxTicks) === 0);
  const step = Math.max(1, Math.ceil(decades / Math.max(1, maxTicks)));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += step) ticks.push(10 ** e);
  return ticks;
}
