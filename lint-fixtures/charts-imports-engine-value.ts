// as: src/charts/fence-crossing.ts
// A chart importing an engine value: charts may import engine types only.
import { buildExplorerData } from '../engine/explorer-data';

export const crossing = buildExplorerData;
