/** Plain-text numbers inside the data's labels (the charts format their own axes). */
import { formatQuantity } from '../../domain/quantity';

/** A FLOP or token count in compact scientific notation: 2e9, 1.4e12. */
export function formatFlopsPlain(value: number): string {
  return formatQuantity(value, { digits: 3, suffixBelow: 1e3 });
}
