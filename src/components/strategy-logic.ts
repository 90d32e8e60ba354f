/** Formatting of the strategy controls (pure). */

/** A strategy parameter as the control writes it: two decimals, no trailing zeros ("0.3", "0.95", "1"). */
export function strategyParamText(x: number): string {
  return String(Number(x.toFixed(2)));
}
