/** The constants of each fit family, in URL order (laws.md §1, §2): shared by the user set and its band summary. */
import type { FitKind } from './types';

export const CONSTANT_KEYS: Readonly<Record<FitKind, readonly string[]>> = {
  chinchilla: ['E', 'A', 'B', 'alpha', 'beta'],
  't2-1': ['E', 'A', 'B', 'alpha', 'beta', 'G', 'gamma'],
  't2-2': ['E', 'A', 'B', 'alpha', 'beta', 'theta0', 'theta1', 'theta2', 'theta3', 'theta4'],
};
