/**
 * Every limit a shared link obeys, declared once: encode and decode of the `u` key (src/byod/user-set-logic.ts), the
 * `lab` key (src/lab/url-logic.ts) and the codec's notices (./codec.ts) all read them from here, so what decode
 * accepts is exactly what encode writes (decode(encode(decode(x))) = decode(x)). The bounds of the fitted constants
 * themselves are declared per family beside their names (src/byod/constant-keys.ts, CONSTANT_BOUNDS).
 *
 * Why these values: the engine computes every chart over the URL's own ranges (./schema.ts: N 1e4–1e13, D 1e5–1e16,
 * k 1–1e5, budgets 1e11–1e28 and 1e4–1e18 FLOPs) and widens its windows to hold the runs a link carries. Runs and fitted
 * ranges inside RUN_BOUNDS keep 6ND ≤ 6e33 and 2Nk ≤ 2e21 FLOPs, far inside double range, and cover every run a
 * person can train (1 parameter up to 1e15, 1 token up to 1e18, 0.001 up to a million samples per question); the
 * property tests (codec.test.ts, limits.test.ts) check that the engine draws finite charts on every decoded link.
 * Pure: no DOM.
 */

/** A closed interval [min, max]. */
export type Bounds = readonly [min: number, max: number];

/** Most runs a `u` link carries (encode leaves the runs out above this; decode rejects more). */
export const MAX_LINK_RUNS = 30;
/** Most measured lab runs a `lab` link carries (encode keeps the newest; decode rejects more). */
export const MAX_LINK_POINTS = 12;
/** Most runs a fitted set may say it was fitted on (a whole number; written in plain digits, read back exactly). */
export const MAX_FITTED_RUNS = 1e9;

/**
 * The bounds of a run's N, D and k in a link (user runs in `u`, lab runs in `lab`) and of the fitted range of a user
 * set: parameters, tokens, samples per question.
 */
export const RUN_BOUNDS: Readonly<{ params: Bounds; tokens: Bounds; samples: Bounds }> = {
  params: [1, 1e15],
  tokens: [1, 1e18],
  samples: [1e-3, 1e6],
};

/** A loss or NLL a run may report (nats): non-negative, at most 1000 nats (task NLLs are ~10–20, losses ~2). */
export const LOSS_BOUNDS: Bounds = [0, 1e3];
/** pass@k (a probability). */
export const PASS_AT_K_BOUNDS: Bounds = [0, 1];

/** Significant digits the `lab` key keeps for pass@k and NLL (encode rounds; decode rounds the same way). */
export const LAB_DIGITS = 6;

/** Characters of a raw value a notice repeats before cutting it with "…" (issue 11, item 17). */
export const MAX_ECHO_CHARS = 40;

/**
 * A raw value from the link as a notice repeats it: at most MAX_ECHO_CHARS characters, then "…" (a link may carry
 * values of any length; a notice must stay readable). The one place every echoed value goes through.
 */
export function echo(raw: string): string {
  const chars = Array.from(raw); // code points: never cuts a surrogate pair in half
  return chars.length <= MAX_ECHO_CHARS ? raw : `${chars.slice(0, MAX_ECHO_CHARS).join('')}…`;
}

/** True when x lies in the closed interval. */
export function within(x: number, [min, max]: Bounds): boolean {
  return x >= min && x <= max;
}

/** "1e-3 to 1e12": a bound as a notice writes it. */
export function boundsText([min, max]: Bounds): string {
  const f = (x: number) => {
    const plain = String(x);
    const sci = x.toExponential().replace('e+', 'e');
    return sci.length < plain.length ? sci : plain;
  };
  return `${f(min)} to ${f(max)}`;
}

/** The values the `hold` key (Hold the budgets, ./hold-key.ts) accepts: "0" off, "1" on; absent means on. */
export const HOLD_KEY_VALUES: readonly string[] = ['0', '1'];
