/**
 * The five charts of the explorer, laid out in a responsive grid (one column below ~900 px). Charts take plain data
 * (ExplorerData from the engine), never the store.
 */
import { isLifetimeAccounting } from '../domain/quality-models';
import { memo, useMemo, type ReactNode } from 'react';
import type { Scenario } from '../domain/scenario';
import type { ExplorerData } from '../engine/explorer-data-types';
import './charts.css';
import { EpochChart } from './EpochChart';
import { FrontierMap } from './FrontierMap';
import { IsoflopChart } from './IsoflopChart';
import { PasskChart } from './PasskChart';
import { TokensPerParamChart } from './TokensPerParamChart';
import { useKeyedMemo } from './useKeyedMemo';

// The engine keeps an unchanged chart's data object across replies (src/engine/chart-parts.ts): equal props, no render.
const PasskChartMemo = memo(PasskChart);

interface Props {
  data: ExplorerData | null;
  scenario: Scenario;
  /** True when the engine failed on the current scenario: with no data, say so instead of "Computing…". */
  failed?: boolean;
  /**
   * Content drawn right after the frontier map, across the grid (the app's detailed readouts, issue 13: the map stays
   * in the first screen under the headline, the readouts follow it); also shown while the charts are pending.
   */
  afterMap?: ReactNode;
}

export function ChartsPanel({ data, scenario, failed = false, afterMap = null }: Props) {
  // The pinned scenario A crosses the worker boundary on every reply: one object per content key, so memoised
  // charts skip rendering when only B moved.
  const pinnedNow = data?.compare?.a ?? null;
  const pinned = useKeyedMemo(pinnedNow?.key ?? '', () => pinnedNow);
  const usd = data?.cost?.units === 'usd' ? data.cost : null;
  const trainRate = usd?.dollarsPerTrainFlop;
  const inferenceRate = usd?.dollarsPerInferenceFlop;
  const units = useMemo(
    () =>
      trainRate !== undefined && inferenceRate !== undefined ? { train: trainRate, inference: inferenceRate } : null,
    [trainRate, inferenceRate],
  );
  if (!data) {
    return failed ? (
      <section className="charts-panel" id="charts" tabIndex={-1} aria-label="Charts" data-testid="charts.failed">
        <p className="chart-pending">
          No charts: this scenario cannot be computed (the message above says why). Change a value or reset to draw
          them.
        </p>
        {afterMap ? <div className="charts-wide charts-after-map">{afterMap}</div> : null}
      </section>
    ) : (
      <section className="charts-panel" id="charts" tabIndex={-1} aria-busy="true" aria-label="Charts">
        <p className="chart-pending">Computing the charts…</p>
        {afterMap ? <div className="charts-wide charts-after-map">{afterMap}</div> : null}
      </section>
    );
  }
  const chinchillaOnSlice = isLifetimeAccounting(data.model) ? null : data.frontier.chinchilla;
  return (
    <section className="charts-panel" id="charts" tabIndex={-1} aria-label="Charts" data-model={scenario.qualityModel}>
      <div className="charts-wide">
        <FrontierMap
          data={data.frontier}
          quality={data.quality}
          set={data.set}
          units={units}
          userRuns={data.user?.frontierRuns ?? null}
          measured={data.measured ?? null}
          pinned={pinned}
        />
      </div>
      {afterMap ? <div className="charts-wide charts-after-map">{afterMap}</div> : null}
      <TokensPerParamChart
        data={data.tokensPerParam}
        quality={data.quality}
        set={data.set}
        units={units}
        pinned={pinned}
      />
      <IsoflopChart
        data={data.isoflop}
        quality={data.quality}
        set={data.set}
        chinchilla={chinchillaOnSlice}
        user={data.user ?? null}
        measured={data.measured ?? null}
        pinned={pinned}
      />
      <div className="charts-wide">
        <PasskChartMemo
          data={data.passk}
          set={data.set}
          runs={data.measured?.passkRuns ?? null}
          pinned={pinned}
          quality={data.quality}
        />
      </div>
      <div className="charts-wide">
        <EpochChart data={data.epoch} />
      </div>
    </section>
  );
}
