import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Remote } from 'comlink';
import { decodeScenario } from '../store/url/codec';
import { registryCatalog } from '../store/url/catalog';
import { api, type ComputeReply, type ComputeSession, type EngineApi } from './api';
import type { Scenario } from '../domain/scenario';
import { buildExplorerData } from './explorer-data';

const scenario = decodeScenario('', registryCatalog).scenario;

describe('engine API', () => {
  it('returns the same data as the builder, tagged with the request id', () => {
    const reply = api.compute(scenario, 42);
    expect(reply.requestId).toBe(42);
    expect(reply.computeMs).toBeGreaterThanOrEqual(0);
    expect(reply.data.readouts.quality).toBe(buildExplorerData(scenario).readouts.quality);
    expect(reply.data.frontier.quality).toBeInstanceOf(Float64Array);
  });

  it('throws the domain error for an unusable scenario', () => {
    expect(() => api.compute({ ...scenario, params: -1 }, 1)).toThrow(/parameters N/);
  });

  it('has the typed shape the client relies on (type test)', () => {
    expectTypeOf<Remote<EngineApi>['compute']>().parameters.toEqualTypeOf<[Scenario, number, ComputeSession?]>();
    expectTypeOf<Remote<EngineApi>['compute']>().returns.toEqualTypeOf<Promise<ComputeReply>>();
    expectTypeOf<ComputeReply['data']['frontier']['quality']>().toEqualTypeOf<Float64Array>();
  });
});
