/** Tooltip lines and table cells describing a design point, with units. */
import type { DesignPoint, QualityInfo } from '../engine/explorer-data-types';
import { formatCount, formatFlops, formatQuality } from './format';

/** "N = 7B params", "D = 1.4T tokens", "k = 4 samples", compute and quality, one per line. */
export function designLines(p: DesignPoint, quality: QualityInfo): string[] {
  return [
    `N = ${formatCount(p.params)} params, D = ${formatCount(p.tokens)} tokens, k = ${formatCount(p.samples)} samples`,
    `training ${formatFlops(p.trainFlops)} FLOPs, inference ${formatFlops(p.inferenceFlops)} FLOPs/token`,
    `${quality.label}: ${formatQuality(p.quality, quality)}`,
  ];
}
