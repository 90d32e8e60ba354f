/**
 * The five charts of the explorer, laid out in a responsive grid (one column below ~900 px). Charts take plain data
 * (ExplorerData from the engine), never the store.
 */
import type { Scenario } from '../domain/scenario';
import type { ExplorerData } from '../engine/explorer-data-types';
import './charts.css';
import { EpochChart } from './EpochChart';
import { FrontierMap } from './FrontierMap';
import { IsoflopChart } from './IsoflopChart';
import { PasskChart } from './PasskChart';
import { TokensPerParamChart } from './TokensPerParamChart';

interface Props {
  data: ExplorerData | null;
  scenario: Scenario;
  /** True when the engine failed on the current scenario: with no data, say so instead of "Computing…". */
  failed?: boolean;
}

export function ChartsPanel({ data, scenario, failed = false }: Props) {
  if (!data) {
    return failed
      ? <section className="charts-panel" id="charts" tabIndex={-1} aria-label="Charts" data-testid="charts.failed"><p className="chart-pending">No charts: this scenario cannot be computed (the message above says why). Change a value or reset to draw them.</p></section>
      : <section className="charts-panel" aria-busy="true" aria-label="Charts"><p className="chart-pending">Computing the charts…</p></section>;
  }
  const chinchillaOnSlice = data.model === 'lifetime' ? null : data.frontier.chinchilla;
  const units = data.cost?.units === 'usd' ? { train: data.cost.dollarsPerTrainFlop, inference: data.cost.dollarsPerInferenceFlop } : null;
  return (
    <section className="charts-panel" id="charts" tabIndex={-1} aria-label="Charts" data-model={scenario.qualityModel}>
      <div className="charts-wide"><FrontierMap data={data.frontier} quality={data.quality} set={data.set} units={units} userRuns={data.user?.frontierRuns ?? null} measured={data.measured ?? null} /></div>
      <TokensPerParamChart data={data.tokensPerParam} quality={data.quality} set={data.set} units={units} />
      <IsoflopChart data={data.isoflop} quality={data.quality} set={data.set} chinchilla={chinchillaOnSlice} user={data.user ?? null} measured={data.measured ?? null} />
      <div className="charts-wide"><PasskChart data={data.passk} set={data.set} runs={data.measured?.passkRuns ?? null} /></div>
      <div className="charts-wide"><EpochChart data={data.epoch} /></div>
    </section>
  );
}
