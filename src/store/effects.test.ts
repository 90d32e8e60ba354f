import { describe, expect, it } from 'vitest';
import type { ComputeOutcome, EngineClient } from '../engine/client';
import type { ExplorerData } from '../engine/explorer-data-types';
import type { Scenario } from '../domain/scenario';
import { connectEngine, reportEngineMode } from './effects';
import { createAppStore } from './store';

const catalog = { ids: () => ['a'], defaultId: () => 'a' };
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A client whose answers the test releases by hand. */
function manualClient() {
  const pending: { s: Scenario; resolve: (o: ComputeOutcome) => void; reject: (e: unknown) => void; id: number }[] = [];
  let id = 0;
  const client: EngineClient = {
    mode: 'worker',
    compute: (s) => new Promise((resolve, reject) => pending.push({ s, resolve, reject, id: ++id })),
    dispose: () => {},
  };
  return { client, pending };
}

describe('engine effect', () => {
  it('computes on start and on each change, storing the answer with its revision', async () => {
    const store = createAppStore({ catalog });
    const { client, pending } = manualClient();
    const stop = connectEngine(store, client);
    expect(pending).toHaveLength(1);
    store.getState().setField('params', 2e8);
    expect(pending).toHaveLength(2);
    expect(pending[1]?.s.params).toBe(2e8);
    pending[0]?.resolve({ status: 'stale', requestId: 1 });
    pending[1]?.resolve({ status: 'done', requestId: 2, computeMs: 1, data: { model: 't2-1' } as ExplorerData });
    await tick();
    expect(store.getState().data?.model).toBe('t2-1');
    expect(store.getState().resultRevision).toBe(store.getState().revision);
    expect(store.getState().dataScenario?.params).toBe(2e8);
    store.getState().setField('params', 3e8);
    pending[2]?.reject(new Error('N too small'));
    await tick();
    expect(store.getState().engineError).toBe('N too small');
    expect(store.getState().data?.model).toBe('t2-1'); // last good data kept
    stop();
  });

  it('answers a change of the Plan Early inputs alone from the last result, and recomputes for anything else', async () => {
    const store = createAppStore({ catalog });
    const { client, pending } = manualClient();
    const stop = connectEngine(store, client);
    pending[0]?.resolve({ status: 'done', requestId: 1, computeMs: 1, data: { model: 't2-1' } as ExplorerData });
    await tick();
    store.getState().setPlanEarly({
      domains: 5,
      inferenceTokens: 20,
      large: { genericTokens: 100, specialisationTokens: 1 },
      small: { genericTokens: 0, specialisationTokens: 20 },
    });
    expect(pending).toHaveLength(1);
    expect(store.getState().resultRevision).toBe(store.getState().revision);
    expect(store.getState().dataScenario?.planEarly?.domains).toBe(5);
    store.getState().setField('params', 2e8);
    expect(pending).toHaveLength(2);
    // while that answer is pending, a Plan Early change cannot reuse a result: it is sent too
    store.getState().setPlanEarly({
      domains: 6,
      inferenceTokens: 20,
      large: { genericTokens: 100, specialisationTokens: 1 },
      small: { genericTokens: 0, specialisationTokens: 20 },
    });
    expect(pending).toHaveLength(3);
    stop();
  });

  it('turns a main-thread fallback into a visible notice', () => {
    const store = createAppStore({ catalog });
    reportEngineMode(store, 'main-thread', 'blocked');
    expect(store.getState().engineMode).toBe('main-thread');
    expect(store.getState().notices[0]?.text).toMatch(/main thread/);
  });
});
