/**
 * The URL form of measured lab points (scenario key `lab`): runs joined by `*`, numbers by `_`:
 *   `<N>_<D>_<k>_<pass@k>_<nll or ->*…`
 * At most MAX_LINK_POINTS runs travel in a link (the newest ones); every number is validated on the way back in
 * against the limits declared in src/store/url/limits.ts (N, D, k within RUN_BOUNDS, k whole, pass@k in [0, 1], NLL
 * within LOSS_BOUNDS). pass@k and NLL are written to LAB_DIGITS significant digits, and decode rounds them the same
 * way, so a link the app rewrites reads back to the same points.
 */
import type { MeasuredPoint } from '../domain/scenario';
import {
  boundsText,
  echo,
  LAB_DIGITS,
  LOSS_BOUNDS,
  MAX_LINK_POINTS,
  PASS_AT_K_BOUNDS,
  RUN_BOUNDS,
  within,
} from '../store/url/limits';

/** Most measured runs a link carries (declared in src/store/url/limits.ts). */
export { MAX_LINK_POINTS } from '../store/url/limits';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Shortest text that reads back to the same double, trimmed to `digits` significant digits (pass@k and NLL). */
function short(x: number, digits?: number): string {
  const v = digits === undefined ? x : Number(x.toPrecision(digits));
  const plain = String(v);
  const sci = v.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/** The value of the `lab` key: the last MAX_LINK_POINTS points ('' when there are none). */
export function encodeMeasured(points: readonly MeasuredPoint[]): string {
  return points
    .slice(-MAX_LINK_POINTS)
    .map((p) =>
      [
        short(p.params),
        short(p.tokens),
        short(p.samples),
        short(p.passAtK, LAB_DIGITS),
        p.nll === null ? '-' : short(p.nll, LAB_DIGITS),
      ].join('_'),
    )
    .join('*');
}

function num(text: string, what: string): number {
  if (!NUMBER.test(text)) throw new Error(`${what}: "${echo(text)}" is not a number`);
  const x = Number(text);
  if (!Number.isFinite(x)) throw new Error(`${what}: "${echo(text)}" is not finite`);
  return x;
}

function check(x: number, b: readonly [number, number], what: string): void {
  if (!within(x, b)) throw new Error(`${what} must lie in ${boundsText(b)} (got ${echo(short(x))})`);
}

/** x rounded as encode writes it (so decode(encode(decode(x))) = decode(x)); −0 becomes 0. */
const rounded = (x: number): number => Number(x.toPrecision(LAB_DIGITS)) + 0;

/** Reads the `lab` value back, validating every number; returns the points or the reason they were rejected. */
export function decodeMeasured(text: string): { ok: true; value: MeasuredPoint[] } | { ok: false; reason: string } {
  try {
    if (text === '') throw new Error('empty');
    const parts = text.split('*');
    if (parts.length > MAX_LINK_POINTS)
      throw new Error(`at most ${MAX_LINK_POINTS} runs fit in a link (got ${parts.length})`);
    const value = parts.map((part, i) => {
      const f = part.split('_');
      const what = `run ${i + 1}`;
      if (f.length !== 5) throw new Error(`${what}: expected N_D_k_pass@k_NLL`);
      const [params, tokens, samples, passRaw] = f.slice(0, 4).map((t) => num(t, what)) as [
        number,
        number,
        number,
        number,
      ];
      const nllRaw = f[4] === '-' ? null : num(f[4]!, what);
      check(params, RUN_BOUNDS.params, `${what}: N`);
      check(tokens, RUN_BOUNDS.tokens, `${what}: D`);
      if (!(Number.isInteger(samples) && samples >= 1)) throw new Error(`${what}: k must be a whole number ≥ 1`);
      check(samples, RUN_BOUNDS.samples, `${what}: k`);
      const passAtK = rounded(passRaw);
      check(passAtK, PASS_AT_K_BOUNDS, `${what}: pass@k`);
      const nll = nllRaw === null ? null : rounded(nllRaw);
      if (nll !== null) check(nll, LOSS_BOUNDS, `${what}: NLL`);
      return { params, tokens, samples, passAtK, nll };
    });
    return { ok: true, value };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
