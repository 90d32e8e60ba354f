import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestWins } from './latest-wins';
import { createWorkerBridge, WorkerTerminated, type WorkerBridge, type WorkerEndpoint } from './worker-bridge';

/** A test API: echoes after a delay, can hang or throw. */
interface TestApi {
  ping(): string;
  echo(x: number, delayMs: number): Promise<number>;
  hang(): Promise<number>;
  boom(): number;
}
const api: TestApi = {
  ping: () => 'pong',
  echo: (x, delayMs) => new Promise((r) => setTimeout(() => r(x), delayMs)),
  hang: () => new Promise<number>(() => {}),
  boom: () => {
    throw new Error('boom');
  },
};

/** A real worker stand-in: `target` exposed with Comlink on one end of a real MessageChannel. */
function channelWorker(target: object): WorkerEndpoint & { port: MessagePort; terminated: () => boolean } {
  const { port1, port2 } = new MessageChannel();
  expose(target, port1 as unknown as Parameters<typeof expose>[1]);
  let terminated = false;
  const ep = port2 as unknown as WorkerEndpoint & { port: MessagePort; terminated: () => boolean };
  ep.terminate = () => {
    terminated = true;
    port1.close();
    port2.close();
  };
  ep.port = port2;
  ep.terminated = () => terminated;
  return ep;
}

const local = { echo: (x: number) => -x };
const bridges: WorkerBridge<unknown, unknown>[] = [];
const track = <B extends WorkerBridge<TestApi, typeof local>>(b: B): B => {
  bridges.push(b as unknown as WorkerBridge<unknown, unknown>);
  return b;
};
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
});

describe('worker bridge', () => {
  it('starts the worker lazily, calls it, and reports the worker mode once', async () => {
    const created = vi.fn(() => channelWorker(api));
    const onModeChange = vi.fn();
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: created,
        loadLocal: async () => local,
        onModeChange,
      }),
    );
    expect(created).not.toHaveBeenCalled();
    const a = await bridge.call(
      (w) => w.echo(3, 1),
      (l) => l.echo(3),
    );
    const b = await bridge.call(
      (w) => w.echo(4, 1),
      (l) => l.echo(4),
    );
    expect([a, b]).toEqual([
      { value: 3, mode: 'worker' },
      { value: 4, mode: 'worker' },
    ]);
    expect(created).toHaveBeenCalledTimes(1);
    expect(onModeChange.mock.calls).toEqual([['worker']]);
  });

  it('a timeout terminates a hanging worker and runs the call in-process, for good', async () => {
    const ep = channelWorker(api);
    const onModeChange = vi.fn();
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => ep,
        loadLocal: async () => local,
        onModeChange,
      }),
    );
    const r = await bridge.call(
      (w) => w.hang(),
      (l) => l.echo(5),
      { timeoutMs: 30 },
    );
    expect(r).toEqual({ value: -5, mode: 'main-thread' });
    expect(ep.terminated()).toBe(true);
    expect(bridge.mode).toBe('main-thread');
    expect(onModeChange).toHaveBeenLastCalledWith('main-thread', 'the test worker did not answer within 0.03 s');
    expect(
      await bridge.call(
        (w) => w.echo(6, 1),
        (l) => l.echo(6),
      ),
    ).toEqual({ value: -6, mode: 'main-thread' });
  });

  it('an error event falls back and runs every call in flight again in-process', async () => {
    const ep = channelWorker(api);
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => ep,
        loadLocal: async () => local,
      }),
    );
    const both = Promise.all([
      bridge.call(
        (w) => w.hang(),
        (l) => l.echo(1),
      ),
      bridge.call(
        (w) => w.hang(),
        (l) => l.echo(2),
      ),
    ]);
    await new Promise((r) => setTimeout(r, 5));
    ep.port.dispatchEvent(new Event('error'));
    expect(await both).toEqual([
      { value: -1, mode: 'main-thread' },
      { value: -2, mode: 'main-thread' },
    ]);
  });

  it('an error thrown by the worker API rejects the call and keeps the worker', async () => {
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => channelWorker(api),
        loadLocal: async () => local,
      }),
    );
    await expect(
      bridge.call(
        (w) => w.boom(),
        () => 0,
      ),
    ).rejects.toThrow('boom');
    expect(bridge.mode).toBe('worker');
    expect(
      (
        await bridge.call(
          (w) => w.echo(7, 1),
          (l) => l.echo(7),
        )
      ).mode,
    ).toBe('worker');
  });

  it('terminate rejects the call in flight and the next call starts a fresh worker', async () => {
    const eps: ReturnType<typeof channelWorker>[] = [];
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => {
          const ep = channelWorker(api);
          eps.push(ep);
          return ep;
        },
        loadLocal: async () => local,
      }),
    );
    const inFlight = bridge.call(
      (w) => w.hang(),
      (l) => l.echo(0),
    );
    await new Promise((r) => setTimeout(r, 5));
    bridge.terminate();
    await expect(inFlight).rejects.toBeInstanceOf(WorkerTerminated);
    expect(eps[0]!.terminated()).toBe(true);
    expect(
      await bridge.call(
        (w) => w.echo(8, 1),
        (l) => l.echo(8),
      ),
    ).toEqual({ value: 8, mode: 'worker' });
    expect(eps).toHaveLength(2);
  });

  it('without a fallback, a failed worker rejects the call with the reason and is restarted on the next call', async () => {
    const eps: ReturnType<typeof channelWorker>[] = [];
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => {
          const ep = channelWorker(api);
          eps.push(ep);
          return ep;
        },
        describeError: (m) => `it stopped: ${m || 'unknown error'}`,
      }),
    );
    const inFlight = bridge.call(
      (w) => w.hang(),
      (l) => l.echo(0),
    );
    await new Promise((r) => setTimeout(r, 5));
    eps[0]!.port.dispatchEvent(new Event('error'));
    await expect(inFlight).rejects.toThrow('it stopped: unknown error');
    expect(
      await bridge.call(
        (w) => w.echo(9, 1),
        (l) => l.echo(9),
      ),
    ).toEqual({ value: 9, mode: 'worker' });
    expect(eps).toHaveLength(2);
  });

  it('a worker that never answers its start ping falls back', async () => {
    const { port1, port2 } = new MessageChannel(); // nothing exposed: a worker whose script never loaded
    port1.start();
    const ep = port2 as unknown as WorkerEndpoint;
    ep.terminate = () => {
      port1.close();
      port2.close();
    };
    const onModeChange = vi.fn();
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => ep,
        loadLocal: async () => local,
        ping: (w) => w.ping(),
        startTimeoutMs: 20,
        onModeChange,
      }),
    );
    expect(
      await bridge.call(
        (w) => w.echo(10, 1),
        (l) => l.echo(10),
      ),
    ).toEqual({ value: -10, mode: 'main-thread' });
    expect(onModeChange).toHaveBeenLastCalledWith('main-thread', 'the test worker did not answer within 20 ms');
  });
});

describe('latest wins over the bridge', () => {
  it('coalesces a drag: the first call runs, queued ones are replaced, only the latest is done', async () => {
    const ran: number[] = [];
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => channelWorker(api),
        loadLocal: async () => local,
      }),
    );
    const calls = latestWins<number, number>((x) => {
      ran.push(x);
      return bridge
        .call(
          (w) => w.echo(x, 20),
          (l) => l.echo(x),
        )
        .then((r) => r.value);
    });
    const out = await Promise.all([1, 2, 3, 4].map((x) => calls.submit(x)));
    expect(out.map((o) => o.status)).toEqual(['stale', 'stale', 'stale', 'done']);
    expect(out[3]).toEqual({ status: 'done', value: 4, requestId: 4 });
    expect(ran).toEqual([1, 4]);
  });

  it('rejects with the error of the latest call only', async () => {
    const bridge = track(
      createWorkerBridge<TestApi, typeof local>({
        label: 'the test worker',
        createWorker: () => channelWorker(api),
        loadLocal: async () => local,
      }),
    );
    const calls = latestWins<boolean, number>((bad) =>
      bridge
        .call(
          (w) => (bad ? w.boom() : w.echo(1, 20)),
          () => 0,
        )
        .then((r) => r.value),
    );
    const older = calls.submit(true); // runs (and fails) while the newer one waits in the queue
    const newer = calls.submit(false);
    expect(await older).toMatchObject({ status: 'stale' });
    expect(await newer).toMatchObject({ status: 'done', value: 1 });
    await expect(calls.submit(true)).rejects.toThrow('boom');
  });
});
