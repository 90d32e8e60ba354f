/**
 * Constants that public data sets without repeated sampling cannot identify, carried ("transplanted") from a fit on
 * repeated-sampling data (laws.md §8): tools/public-fits/transplant.json, written by the repeated-sampling module
 * (pythia.ts). Every set that uses them says so in its source and note.
 *
 * Format (all fields required unless marked):
 * - provisional: true while the file holds a placeholder, not a fit (the sets then say "PROVISIONAL").
 * - source: citation of the data and fit the values come from.
 * - approach1: { gamma, gFraction, fittedOn } — T² Approach 1's sampling term G/k^γ. γ is carried as is; G as a
 *   share of the k = 1 irreducible term: a k = 1 fit gives E1 = E + G, and the set uses G = gFraction·E1,
 *   E = (1 − gFraction)·E1 (dimensionless, so it can move between NLL scales; 0 < gFraction < 1).
 * - approach2: { logNuVsMu: { c0, c1 }, fittedOn } — the spread of per-question accuracy as ln ν = c0 + c1·μ, a
 *   relation in μ (not in the loss) so that it can move between tasks whose losses have different scales. The set's
 *   θ3, θ4 (ν = exp(θ3 + θ4·L̂)) are its least-squares projection onto L̂ over the fitted runs (exact when c1 = 0).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TRANSPLANT_FILE = fileURLToPath(new URL('./transplant.json', import.meta.url));

export interface Transplant {
  provisional: boolean;
  source: string;
  approach1: { gamma: number; gFraction: number; fittedOn: string };
  approach2: { logNuVsMu: { c0: number; c1: number }; fittedOn: string };
}

const finite = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`transplant.json: ${what} must be a finite number (got ${String(v)})`);
  return v;
};

/** Validates transplant.json's content. */
export function parseTransplant(raw: unknown): Transplant {
  const r = raw as Partial<Transplant> | null;
  if (typeof r !== 'object' || r === null) throw new Error('transplant.json: not an object');
  if (typeof r.provisional !== 'boolean') throw new Error('transplant.json: provisional must be true or false');
  if (typeof r.source !== 'string' || r.source === '') throw new Error('transplant.json: source must be a non-empty string');
  const a1 = r.approach1, a2 = r.approach2;
  if (!a1 || !a2) throw new Error('transplant.json: approach1 and approach2 are required');
  const gamma = finite(a1.gamma, 'approach1.gamma');
  const gFraction = finite(a1.gFraction, 'approach1.gFraction');
  if (!(gamma > 0)) throw new Error('transplant.json: approach1.gamma must be positive');
  if (!(gFraction > 0 && gFraction < 1)) throw new Error('transplant.json: approach1.gFraction must lie in (0, 1)');
  const c0 = finite(a2.logNuVsMu?.c0, 'approach2.logNuVsMu.c0');
  const c1 = finite(a2.logNuVsMu?.c1, 'approach2.logNuVsMu.c1');
  return {
    provisional: r.provisional, source: r.source,
    approach1: { gamma, gFraction, fittedOn: String(a1.fittedOn ?? '') },
    approach2: { logNuVsMu: { c0, c1 }, fittedOn: String(a2.fittedOn ?? '') },
  };
}

/** The committed transplant.json, validated. */
export function readTransplant(file = TRANSPLANT_FILE): Transplant {
  return parseTransplant(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * θ3, θ4 of ν = exp(θ3 + θ4·L̂) closest (least squares over `losses`) to ln ν = c0 + c1·μ(L̂), μ given per loss.
 * Exact (θ4 = 0, θ3 = c0) when c1 = 0 or all losses are equal.
 */
export function projectNu(t: Transplant, losses: readonly number[], mus: readonly number[]): { theta3: number; theta4: number } {
  const { c0, c1 } = t.approach2.logNuVsMu;
  if (losses.length !== mus.length || losses.length === 0) throw new Error('projectNu: need equal, non-zero numbers of losses and μ');
  const y = mus.map((m) => c0 + c1 * m);
  const n = losses.length;
  const mx = losses.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) { sxx += (losses[i]! - mx) ** 2; sxy += (losses[i]! - mx) * (y[i]! - my); }
  if (c1 === 0 || sxx === 0) return { theta3: c1 === 0 ? c0 : my, theta4: 0 };
  const theta4 = sxy / sxx;
  return { theta3: my - theta4 * mx, theta4 };
}
