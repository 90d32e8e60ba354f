/** Log-spaced grids and decade-snapped windows for the chart sweeps. */

/** `n` values evenly spaced in log10 from 10^lo to 10^hi (inclusive). */
export function logspace(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 10 ** (lo + ((hi - lo) * i) / (n - 1));
  return out;
}

/**
 * A window of whole decades [lo, hi] (log10) that holds every value with `pad` decades to spare, at least `minSpan`
 * decades wide and clipped to [floor, ceil]. Snapping to decades keeps the window (and the memoised sweeps over it)
 * unchanged while a slider moves inside a decade.
 */
export function decadeWindow(
  values: number[],
  pad: number,
  minSpan: number,
  floor: number,
  ceil: number,
): [number, number] {
  const logs = values.filter((v) => Number.isFinite(v) && v > 0).map(Math.log10);
  let lo = Math.floor(Math.min(...logs)) - pad;
  let hi = Math.ceil(Math.max(...logs)) + pad;
  if (hi - lo < minSpan) {
    const extra = minSpan - (hi - lo);
    lo -= Math.floor(extra / 2);
    hi += Math.ceil(extra / 2);
  }
  // A window pushed against a bound slides away from it to keep its span.
  if (lo < floor) {
    hi = Math.min(ceil, hi + (floor - lo));
    lo = floor;
  }
  if (hi > ceil) {
    lo = Math.max(floor, lo - (hi - ceil));
    hi = ceil;
  }
  if (hi - lo < 1) hi = lo + 1;
  return [lo, hi];
}
