/**
 * Pure helpers of the seed-papers panels: log-axis geometry and the data the two small charts draw, from the domain
 * (src/domain/wu.ts, src/domain/plan-early.ts). No DOM.
 */
import { planEarlyCompare, type PlanEarlyInput } from '../domain/plan-early';
import { WU_FIT_PARAMS_RANGE, wuInferenceFlops } from '../domain/wu';

/** A log10 axis mapping [lo, hi] (values) onto [0, size] (pixels). */
export function logAxis(lo: number, hi: number, size: number, flip = false): (v: number) => number {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return (v) => {
    const t = (Math.log10(v) - a) / (b - a);
    return (flip ? 1 - t : t) * size;
  };
}

/** Powers of ten from lo to hi (inclusive). */
export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

/** Wu et al.'s line over N = 1e7…1e11: points inside the fitted span and outside it (drawn dashed). */
export function wuLine(): { fitted: [number, number][]; extrapolated: [number, number][][] } {
  const pts = (lo: number, hi: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = 0; i <= 20; i++) {
      const n = 10 ** (Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * i) / 20);
      out.push([n, wuInferenceFlops(n)]);
    }
    return out;
  };
  const [lo, hi] = WU_FIT_PARAMS_RANGE;
  return { fitted: pts(lo, hi), extrapolated: [pts(1e7, lo), pts(hi, 1e11)] };
}

/** Break-even inference tokens per domain (1e9 tokens) for n = 1…maxDomains (log-spaced whole numbers). */
export function planEarlyBreakEven(input: PlanEarlyInput, maxDomains = 1000): { domains: number; tokens: number }[] {
  const out: { domains: number; tokens: number }[] = [];
  let last = 0;
  for (let i = 0; i <= 40; i++) {
    const n = Math.round(10 ** ((Math.log10(maxDomains) * i) / 40));
    if (n === last) continue;
    last = n;
    out.push({ domains: n, tokens: planEarlyCompare({ ...input, domains: n }).breakEvenInferenceTokens });
  }
  return out;
}

/** A number of A100-hours as a person reads it: "1,234 A100-hours", "3.2 M A100-hours". */
export function formatHours(h: number): string {
  if (h >= 1e6) return `${(h / 1e6).toPrecision(3)} M A100-hours`;
  return `${Math.round(h).toLocaleString('en-US')} A100-hours`;
}
