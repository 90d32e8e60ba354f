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
 *   E = (1 − gFraction)·E1 (dimensionless, so it can move between NLL scales; 0 < gFraction ≤ 1; 1 = the fit put
 *   E at its bound 0, so all of the k = 1 irreducible term is removable by sampling).
 * - approach2: { logNuVsMu: { c0, c1 }, r2?, alternatives?: { lnNuVsLnMu?: { c0, c1, r2 } }, fittedOn } — the spread
 *   of per-question accuracy as a relation in μ (not in the loss), so that it can move between tasks whose losses
 *   have different scales: ln ν = c0 + c1·μ, or ln ν = c0 + c1·ln μ. Of the forms the file offers, the one with the
 *   higher R² on the repeated-sampling data is used (a choice made on the data it was fitted on, not on the sets it
 *   feeds). The set's θ3, θ4 (ν = exp(θ3 + θ4·L̂)) are its least-squares projection onto L̂ over the fitted runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TRANSPLANT_FILE = fileURLToPath(new URL('./transplant.json', import.meta.url));

export interface Transplant {
  provisional: boolean;
  source: string;
  approach1: { gamma: number; gFraction: number; fittedOn: string };
  approach2: { relation: NuRelation; fittedOn: string };
}

/** ln ν as a function of μ: linear in μ ('mu') or in ln μ ('log-mu'), with its R² where the file gives one. */
export interface NuRelation {
  form: 'mu' | 'log-mu';
  c0: number;
  c1: number;
  r2: number | null;
}

/** ln ν at accuracy μ under `r`. */
export function logNu(r: NuRelation, mu: number): number {
  return r.form === 'mu' ? r.c0 + r.c1 * mu : r.c0 + r.c1 * Math.log(mu);
}

/** "ln ν = 0.742 + -0.703·ln μ", for notes. */
export function nuRelationText(r: NuRelation, f: (v: number) => string): string {
  return `ln ν = ${f(r.c0)} + ${f(r.c1)}·${r.form === 'mu' ? 'μ' : 'ln μ'}${r.r2 === null ? '' : ` (R² ${f(r.r2)} on the repeated-sampling data)`}`;
}

const finite = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`transplant.json: ${what} must be a finite number (got ${String(v)})`);
  return v;
};

/** Validates transplant.json's content. */
export function parseTransplant(raw: unknown): Transplant {
  const r = raw as Partial<Transplant> | null;
  if (typeof r !== 'object' || r === null) throw new Error('transplant.json: not an object');
  if (typeof r.provisional !== 'boolean') throw new Error('transplant.json: provisional must be true or false');
  if (typeof r.source !== 'string' || r.source === '')
    throw new Error('transplant.json: source must be a non-empty string');
  const a1 = r.approach1,
    a2 = r.approach2;
  if (!a1 || !a2) throw new Error('transplant.json: approach1 and approach2 are required');
  const gamma = finite(a1.gamma, 'approach1.gamma');
  const gFraction = finite(a1.gFraction, 'approach1.gFraction');
  if (!(gamma > 0)) throw new Error('transplant.json: approach1.gamma must be positive');
  if (!(gFraction > 0 && gFraction <= 1)) throw new Error('transplant.json: approach1.gFraction must lie in (0, 1]');
  const raw2 = a2 as unknown as {
    logNuVsMu?: { c0?: unknown; c1?: unknown };
    r2?: unknown;
    alternatives?: { lnNuVsLnMu?: { c0?: unknown; c1?: unknown; r2?: unknown } };
  };
  const candidates: NuRelation[] = [
    {
      form: 'mu',
      c0: finite(raw2.logNuVsMu?.c0, 'approach2.logNuVsMu.c0'),
      c1: finite(raw2.logNuVsMu?.c1, 'approach2.logNuVsMu.c1'),
      r2: typeof raw2.r2 === 'number' ? raw2.r2 : null,
    },
  ];
  const alt = raw2.alternatives?.lnNuVsLnMu;
  if (alt) {
    candidates.push({
      form: 'log-mu',
      c0: finite(alt.c0, 'approach2.alternatives.lnNuVsLnMu.c0'),
      c1: finite(alt.c1, 'approach2.alternatives.lnNuVsLnMu.c1'),
      r2: finite(alt.r2, 'approach2.alternatives.lnNuVsLnMu.r2'),
    });
  }
  const relation = candidates.reduce((best, c) => ((c.r2 ?? -Infinity) > (best.r2 ?? -Infinity) ? c : best));
  return {
    provisional: r.provisional,
    source: r.source,
    approach1: { gamma, gFraction, fittedOn: String(a1.fittedOn ?? '') },
    approach2: { relation, fittedOn: String(a2.fittedOn ?? '') },
  };
}

/** The committed transplant.json, validated. */
export function readTransplant(file = TRANSPLANT_FILE): Transplant {
  return parseTransplant(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * θ3, θ4 of ν = exp(θ3 + θ4·L̂) closest (least squares over `losses`) to the relation's ln ν(μ(L̂)), μ given per
 * loss. Exact (θ4 = 0, θ3 = c0) when c1 = 0 or all losses are equal.
 */
export function projectNu(
  t: Transplant,
  losses: readonly number[],
  mus: readonly number[],
): { theta3: number; theta4: number } {
  const r = t.approach2.relation;
  const { c0, c1 } = r;
  if (losses.length !== mus.length || losses.length === 0)
    throw new Error('projectNu: need equal, non-zero numbers of losses and μ');
  const y = mus.map((m) => logNu(r, m));
  if (!y.every(Number.isFinite))
    throw new Error('projectNu: ln ν is not finite at some μ (μ must be > 0 for the ln μ form)');
  const n = losses.length;
  const mx = losses.reduce((s, v) => s + v, 0) / n,
    my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (losses[i]! - mx) ** 2;
    sxy += (losses[i]! - mx) * (y[i]! - my);
  }
  if (c1 === 0 || sxx === 0) return { theta3: c1 === 0 ? c0 : my, theta4: 0 };
  const theta4 = sxy / sxx;
  return { theta3: my - theta4 * mx, theta4 };
}
