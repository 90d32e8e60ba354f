import { afterEach, describe, expect, it, vi } from 'vitest';
import { expose } from 'comlink';
import type { Scenario } from '../domain/scenario';
import type { ComputeReply } from './api';
import { createEngineClient, type EngineClient, type EngineEndpoint } from './client';
import type { ExplorerData } from './explorer-data-types';
import { registryCatalog } from '../store/url/catalog';
import { decodeScenario } from '../store/url/codec';

/** A fake engine: answers after `delayMs(scenario)` with the scenario's N as a marker. */
function fakeApi(delayMs: (s: Scenario) => number, calls: number[] = []) {
  return {
    async compute(scenario: Scenario, requestId: number): Promise<ComputeReply> {
      calls.push(requestId);
      await new Promise((r) => setTimeout(r, delayMs(scenario)));
      if (scenario.params < 0) throw new Error('negative N');
      return { requestId, computeMs: 0, data: { marker: scenario.params } as unknown as ExplorerData };
    },
  };
}

const scenario = (params: number) => ({ params }) as Scenario;
const clients: EngineClient[] = [];
function track(c: EngineClient) {
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

/** A worker stand-in: the fake API exposed on one end of a MessageChannel. */
function channelWorker(api: object): EngineEndpoint & { port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  expose(api, port1 as unknown as Parameters<typeof expose>[1]);
  const ep = port2 as unknown as EngineEndpoint & { port: MessagePort };
  ep.terminate = () => {
    port1.close();
    port2.close();
  };
  ep.port = port2;
  return ep;
}

describe('engine client', () => {
  it('returns the latest reply and reports stale ones while a slider is dragged', async () => {
    const calls: number[] = [];
    const onModeChange = vi.fn();
    const client = track(
      createEngineClient({ createWorker: () => channelWorker(fakeApi(() => 20, calls)), onModeChange }),
    );
    const results = await Promise.all([1, 2, 3, 4].map((n) => client.compute(scenario(n))));
    expect(results.map((r) => r.status)).toEqual(['stale', 'stale', 'stale', 'done']);
    const last = results[3];
    expect(last?.status === 'done' && (last.data as unknown as { marker: number }).marker).toBe(4);
    // Coalesced: the first ran, 2 and 3 were replaced in the queue before running.
    expect(calls).toEqual([1, 4]);
    expect(client.mode).toBe('worker');
    expect(onModeChange).toHaveBeenCalledWith('worker');
  });

  it('drops a slow old reply that arrives after a newer one was asked for', async () => {
    // The first reply is held until the second request has been asked for, so no machine load can reorder them.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = {
      async compute(s: Scenario, requestId: number): Promise<ComputeReply> {
        if (s.params === 1) await gate;
        return { requestId, computeMs: 0, data: { marker: s.params } as unknown as ExplorerData };
      },
    };
    const client = track(createEngineClient({ createWorker: () => channelWorker(api) }));
    const first = client.compute(scenario(1));
    await new Promise((r) => setTimeout(r, 5));
    const second = client.compute(scenario(2));
    release();
    expect((await first).status).toBe('stale');
    const b = await second;
    expect(b.status === 'done' && (b.data as unknown as { marker: number }).marker).toBe(2);
  });

  it('rejects with the engine error for the latest request, and keeps working', async () => {
    const client = track(createEngineClient({ createWorker: () => channelWorker(fakeApi(() => 1)) }));
    await expect(client.compute(scenario(-1))).rejects.toThrow('negative N');
    expect((await client.compute(scenario(5))).status).toBe('done');
  });

  it('runs in-process and says so when the worker cannot start', async () => {
    const onModeChange = vi.fn();
    const client = track(
      createEngineClient({
        createWorker: () => {
          throw new Error('Worker is not defined');
        },
        loadLocal: async () => fakeApi(() => 1),
        onModeChange,
      }),
    );
    expect(client.mode).toBe('main-thread');
    const r = await client.compute(scenario(7));
    expect(r.status).toBe('done');
    expect(onModeChange).toHaveBeenCalledWith('main-thread', expect.stringContaining('could not start'));
  });

  it('falls back when the worker dies mid-request and still answers that request', async () => {
    const ep = channelWorker({ compute: () => new Promise<ComputeReply>(() => {}) }); // never answers on its own
    const onModeChange = vi.fn();
    const client = track(
      createEngineClient({ createWorker: () => ep, loadLocal: async () => fakeApi(() => 1), onModeChange }),
    );
    const pending = client.compute(scenario(3));
    await new Promise((r) => setTimeout(r, 5));
    ep.port.dispatchEvent(new Event('error'));
    const r = await pending;
    expect(r.status === 'done' && (r.data as unknown as { marker: number }).marker).toBe(3);
    expect(client.mode).toBe('main-thread');
    expect(onModeChange).toHaveBeenLastCalledWith('main-thread', expect.stringContaining('failed'));
  });

  it('falls back when a new worker never answers its first ping', async () => {
    const { port1, port2 } = new MessageChannel(); // nothing exposed on port1: a worker that never loaded
    port1.start();
    const ep = port2 as unknown as EngineEndpoint;
    ep.terminate = () => {
      port1.close();
      port2.close();
    };
    const onModeChange = vi.fn();
    const client = track(
      createEngineClient({
        createWorker: () => ep,
        loadLocal: async () => fakeApi(() => 1),
        onModeChange,
        startTimeoutMs: 30,
      }),
    );
    const r = await client.compute(scenario(9));
    expect(r.status === 'done' && (r.data as unknown as { marker: number }).marker).toBe(9);
    expect(onModeChange).toHaveBeenLastCalledWith('main-thread', expect.stringContaining('did not answer'));
  });

  it('falls back when the worker answers its ping and then hangs on a request (no error event), and terminates it', async () => {
    // A worker that answers the start ping, then never answers a computation: a real hang over a real channel.
    let computeCalls = 0;
    const hanging = {
      ping: () => 'pong',
      compute: () => {
        computeCalls += 1;
        return new Promise<never>(() => {});
      },
    };
    const ep = channelWorker(hanging);
    const terminate = vi.spyOn(ep, 'terminate');
    const onModeChange = vi.fn();
    const client = track(
      createEngineClient({
        createWorker: () => ep,
        loadLocal: async () => fakeApi(() => 1),
        onModeChange,
        requestTimeoutMs: 40,
      }),
    );
    const r = await client.compute(scenario(11));
    expect(computeCalls).toBe(1);
    expect(r.status === 'done' && (r.data as unknown as { marker: number }).marker).toBe(11);
    expect(client.mode).toBe('main-thread');
    expect(terminate).toHaveBeenCalled();
    expect(onModeChange).toHaveBeenLastCalledWith('main-thread', expect.stringContaining('did not answer within'));
    // Later requests go straight to the main thread.
    const again = await client.compute(scenario(12));
    expect(again.status === 'done' && (again.data as unknown as { marker: number }).marker).toBe(12);
  });

  it('a slow but answering worker inside the timeout stays the worker', async () => {
    const client = track(
      createEngineClient({
        createWorker: () => channelWorker({ ping: () => 'pong', ...fakeApi(() => 30) }),
        loadLocal: async () => fakeApi(() => 1),
        requestTimeoutMs: 10_000, // far above the 30 ms the worker takes, so a loaded machine cannot trip it
      }),
    );
    const r = await client.compute(scenario(4));
    expect(r.status).toBe('done');
    expect(client.mode).toBe('worker');
  });

  it('without Worker (Node) it loads the real engine in-process and computes', async () => {
    const client = track(createEngineClient());
    expect(client.mode).toBe('main-thread');
    const { scenario } = decodeScenario('', registryCatalog);
    const r = await client.compute(scenario);
    expect(r.status === 'done' && Number.isFinite(r.data.readouts.quality)).toBe(true);
  });
});
