/** The names of every constant set the CLI knows, for the help text. */
import { chinchillaSetIds, t2SetIds } from '../constants-arg';

/** "hoffmann, hoffmann-rounded, … (Chinchilla); … (T² Approach 1); … (T² Approach 2)". */
export function setNamesForHelp(): string {
  return `${chinchillaSetIds()} (Chinchilla); ${t2SetIds(1)} (T² Approach 1); ${t2SetIds(2)} (T² Approach 2)`;
}
