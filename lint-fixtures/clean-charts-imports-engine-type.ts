// as: src/charts/fence-clean.ts
// Allowed: a chart importing an engine type and domain formatting.
import type { ExplorerData } from '../engine/explorer-data-types';
import { formatQuantity } from '../domain/quantity';

export const clean = (d: ExplorerData): string => formatQuantity(d.readouts.quality);
