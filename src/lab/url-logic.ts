/**
 * The URL form of measured lab points (scenario key `lab`): runs joined by `*`, numbers by `_`:
 *   `<N>_<D>_<k>_<pass@k>_<nll or ->*…`
 * At most MAX_LINK_POINTS runs travel in a link (the newest ones); every number is validated on the way back in.
 */
import type { MeasuredPoint } from '../domain/scenario';

/** Most measured runs a link carries. */
export const MAX_LINK_POINTS = 12;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Shortest text that reads back to the same double, trimmed to 6 significant digits for pass@k and NLL. */
function short(x: number, digits?: number): string {
  const v = digits === undefined ? x : Number(x.toPrecision(digits));
  const plain = String(v);
  const sci = v.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/** The value of the `lab` key: the last MAX_LINK_POINTS points ('' when there are none). */
export function encodeMeasured(points: readonly MeasuredPoint[]): string {
  return points.slice(-MAX_LINK_POINTS)
    .map((p) => [short(p.params), short(p.tokens), short(p.samples), short(p.passAtK, 6), p.nll === null ? '-' : short(p.nll, 6)].join('_'))
    .join('*');
}

function num(text: string, what: string): number {
  if (!NUMBER.test(text)) throw new Error(`${what}: "${text}" is not a number`);
  const x = Number(text);
  if (!Number.isFinite(x)) throw new Error(`${what}: "${text}" is not finite`);
  return x;
}

/** Reads the `lab` value back, validating every number; returns the points or the reason they were rejected. */
export function decodeMeasured(text: string): { ok: true; value: MeasuredPoint[] } | { ok: false; reason: string } {
  try {
    if (text === '') throw new Error('empty');
    const parts = text.split('*');
    if (parts.length > MAX_LINK_POINTS) throw new Error(`at most ${MAX_LINK_POINTS} runs fit in a link (got ${parts.length})`);
    const value = parts.map((part, i) => {
      const f = part.split('_');
      const what = `run ${i + 1}`;
      if (f.length !== 5) throw new Error(`${what}: expected N_D_k_pass@k_NLL`);
      const [params, tokens, samples, passAtK] = f.slice(0, 4).map((t) => num(t, what)) as [number, number, number, number];
      const nll = f[4] === '-' ? null : num(f[4]!, what);
      if (!(params >= 1 && tokens > 0)) throw new Error(`${what}: N and D must be positive`);
      if (!(Number.isInteger(samples) && samples >= 1)) throw new Error(`${what}: k must be a whole number ≥ 1`);
      if (!(passAtK >= 0 && passAtK <= 1)) throw new Error(`${what}: pass@k must lie in [0, 1]`);
      if (nll !== null && !(nll >= 0)) throw new Error(`${what}: NLL must be non-negative`);
      return { params, tokens, samples, passAtK, nll };
    });
    return { ok: true, value };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
