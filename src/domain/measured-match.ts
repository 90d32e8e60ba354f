/** Which measured lab runs a chart of one model draws (src/engine/lab-overlay.ts builds the overlay; the pass@k chart says it). */

/**
 * How far (as a factor, either way) a run's N and its D may each lie from the chart's N and D for its point to be
 * drawn on the pass@k-vs-k chart. The curve is pass@k of ONE model (the design's N, D) as k grows; a point measured
 * on a model twice as large would sit above or below the curve for reasons that have nothing to do with k, and a
 * researcher reading "measured vs predicted" at equal k would draw the wrong conclusion. So only runs of (nearly)
 * the charted model are drawn, and the chart says how many others were left out and why. ×1.25 (≈ 0.1 decade) is
 * tighter than the zoo's spacing of sizes (about ×2), so a run never stands in for a neighbouring checkpoint, and loose
 * enough that typing a checkpoint's rounded N and D ("28.7K", "139K") still matches it.
 */
export const PASSK_MATCH_FACTOR = 1.25;
