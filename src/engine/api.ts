/**
 * The engine's API: what the worker exposes through Comlink, and what the main thread runs itself when no worker can
 * run (same function, same result). One call takes the scenario and returns the data of every chart; the typed
 * arrays' buffers are transferred, not copied.
 */
import { transfer } from 'comlink';
import type { Scenario } from '../domain/scenario';
import { buildExplorerData, transferablesOf } from './explorer-data';
import { assertChartDataFinite } from './finite-check';
import { fitApi } from './fit-api';
import type { ExplorerData } from './explorer-data-types';

/** One answer of the engine. */
export interface ComputeReply {
  /** The id the caller sent: the client drops replies that are no longer the latest. */
  requestId: number;
  data: ExplorerData;
  /** Milliseconds spent computing (inside the engine, messaging excluded). */
  computeMs: number;
}

export const api = {
  /**
   * The data of every chart and readout for `scenario`. Throws the domain's error (a DomainError) on bad input, and
   * when a number the charts are placed by is not finite (./finite-check.ts), so NaN never reaches the page.
   */
  compute(scenario: Scenario, requestId: number): ComputeReply {
    const t0 = performance.now();
    const data = buildExplorerData(scenario);
    assertChartDataFinite(data);
    const reply: ComputeReply = { requestId, data, computeMs: performance.now() - t0 };
    return transfer(reply, transferablesOf(data));
  },
  /** Answers once the worker has loaded: lets the client tell a live worker from a dead one. */
  ping(): 'pong' {
    return 'pong';
  },
  /** Fits the user's runs (src/engine/fit-api.ts). */
  ...fitApi,
};

export type EngineApi = typeof api;
