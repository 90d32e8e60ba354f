/**
 * The constants of each fit family, in URL order (laws.md §1, §2), and the bounds a shared link may give each one:
 * shared by the user set and its band summary (and declared only here).
 */
import type { Bounds } from '../store/url/limits';
import type { FitKind } from './types';
import { familyTable } from '../domain/constant-families';

export const CONSTANT_KEYS: Readonly<Record<FitKind, readonly string[]>> = familyTable((f) => f.keys);

/**
 * Closed bounds of every constant a user set in a link (key `u`) may carry, by name; the same for each family that has
 * the constant. A set with any constant outside is rejected (the notice names the constant), so the engine only ever
 * gets sets it can compute: with every constant inside, Chinchilla's optimum N = G·(C/6)^(β/(α+β)) stays inside
 * double range (|log10 G| ≤ log10(3·1e15 / (0.1·1e-3))/0.2 ≈ 97), and so does the k term G/k^γ at the k = C_inf/(2N)
 * of that optimum (γ ≤ 2: at most ~1e250); exponents below 0.1 let N overflow. The property tests (src/store/url/limits.test.ts) check
 * that every chart is finite over the URL's whole ranges.
 *
 * Sources of the widths: the shipped sets (src/domain/data) have E from 3e-151 (T² testbed fits, whose E runs to 0) to
 * 9, A and B from 99 to 3.6e9, α and β from 0.21 to 2.23 (laws.md §1: Chinchilla's 0.28–0.37), G 2–5, γ 0.4–0.9, θ0
 * 2.5–13, θ1 0.6–2.5, θ2 ≤ 1 (a probability ceiling), θ3 −12 to 1, θ4 −0.05 to 3. The bounds leave several decades
 * (or tens of units) on each side. θ1 > 0: accuracy falls as the NLL rises (laws.md §2).
 */
export const CONSTANT_BOUNDS: Readonly<Record<string, Bounds>> = {
  E: [0, 100],
  A: [1e-3, 1e15],
  B: [1e-3, 1e15],
  alpha: [0.1, 3],
  beta: [0.1, 3],
  G: [1e-3, 1e6],
  gamma: [0.01, 2],
  theta0: [-100, 1000],
  theta1: [1e-3, 100],
  theta2: [1e-6, 1],
  theta3: [-1000, 1000],
  theta4: [-1000, 1000],
};

/** The bounds of constant `key` (every key of CONSTANT_KEYS has some). */
export function constantBounds(key: string): Bounds {
  const b = CONSTANT_BOUNDS[key];
  if (!b) throw new Error(`no bounds declared for constant ${key}`);
  return b;
}
