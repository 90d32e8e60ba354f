/** Shared pieces of the URL property tests: a fixed catalog (so tests do not move with the shipped sets) and log-uniform fields. */
import fc from 'fast-check';
import type { QualityModel, Scenario } from '../../domain/scenario';
import type { ConstantSetCatalog } from './codec';
import { rangeOf } from './schema';

export const sets: Record<QualityModel, string[]> = {
  't2-1': ['t2a1-illustrative', 't2a1-testbed'],
  't2-2': ['t2a2-illustrative'],
  chinchilla: ['hoffmann-rounded', 'besiroglu'],
  lifetime: ['sardana', 'hoffmann-rounded'],
};

export const catalog: ConstantSetCatalog = { ids: (m) => sets[m], defaultId: (m) => sets[m][0] as string };

/** A value of `field` log-uniform over its URL range. */
export function logIn(field: keyof Scenario): fc.Arbitrary<number> {
  const { min, max } = rangeOf(field);
  return fc
    .double({ min: Math.log10(min), max: Math.log10(max), noNaN: true })
    .map((e) => Math.min(max, Math.max(min, 10 ** e)));
}
