/**
 * The table alternative of each chart, built from the engine's data with the charts' own table builders (the charts
 * build a table only when it is shown, so the page may not hold one). Keyed by the chart's test id.
 */
import { epochTable } from '../charts/EpochChart';
import { frontierTable } from '../charts/FrontierMap';
import { isoflopTable } from '../charts/IsoflopChart';
import { passkTable } from '../charts/PasskChart';
import { tokensPerParamTable } from '../charts/TokensPerParamChart';
import type { ExplorerData } from '../engine/explorer-data-types';
import type { TableLike } from './types';

export type ChartTables = Record<string, () => TableLike>;

export function chartTablesFromData(data: ExplorerData): ChartTables {
  return {
    'chart.frontier': () => frontierTable(data.frontier, data.quality),
    'chart.tokens-per-param': () => tokensPerParamTable(data.tokensPerParam),
    'chart.isoflop': () => isoflopTable(data.isoflop, data.quality),
    'chart.passk': () =>
      data.passk.available
        ? passkTable(data.passk)
        : { caption: data.passk.subtitle, columns: ['k (samples)', 'pass@k'], rows: [] },
    'chart.epoch': () => epochTable(data.epoch),
  };
}
