/** Stand-ins for the charts panel and readouts until src/charts lands (replaced by re-exports then). */
import type { Scenario } from '../domain/scenario';
import type { ExplorerData } from '../engine/explorer-data-types';

interface Props {
  data: ExplorerData | null;
  scenario: Scenario;
}

export function ChartsPanel({ data }: Props) {
  return <div className="placeholder" data-testid="chart.frontier">{data ? 'Charts arrive here.' : 'Computing…'}</div>;
}

export function Readouts({ data }: Props) {
  return <p data-testid="readout.quality">{data ? `${data.quality.label}: ${data.readouts.quality.toPrecision(4)}` : '…'}</p>;
}
