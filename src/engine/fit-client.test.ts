import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticChinchillaPoints } from '../domain/fit/synthetic';
import type { Run } from '../byod/types';
import { fitApi, type FitOutcome } from './fit-api';
import { createFitClient, type FitClient } from './fit-client';
import type { EngineEndpoint } from './client';
import type { FitRequest } from './fit-job';

const runs = syntheticChinchillaPoints({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }, 40, 2, 0.005).map(
  (p, i) => ({ line: i + 2, ...p }),
) as Run[];
const request: FitRequest = { kind: 'chinchilla', runs, holdout: { kind: 'none' }, resamples: 200, grid: 'small' };

function channelWorker(api: object): EngineEndpoint {
  const { port1, port2 } = new MessageChannel();
  expose(api, port1 as unknown as Parameters<typeof expose>[1]);
  const ep = port2 as unknown as EngineEndpoint;
  ep.terminate = () => {
    port1.close();
    port2.close();
  };
  return ep;
}

const clients: FitClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

describe('fit client', () => {
  it('runs the fit through the worker API and streams progress through a proxied callback', async () => {
    const client = createFitClient({ createWorker: () => channelWorker(fitApi) });
    clients.push(client);
    const seen: number[] = [];
    const outcome = await client.fit(request, (f) => seen.push(f)).result;
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.report.draws.length).toBeGreaterThan(150);
    // Progress messages travel on their own port and may trail the reply: wait for the last one, however loaded the machine.
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1), { timeout: 20_000, interval: 10 });
    expect(seen.length).toBeGreaterThan(5);
  });

  it('returns data problems as an error outcome, not a rejection', async () => {
    const client = createFitClient({ createWorker: () => channelWorker(fitApi) });
    clients.push(client);
    const outcome = await client.fit({ ...request, runs: runs.slice(0, 3) }).result;
    expect(outcome).toEqual({ status: 'error', message: expect.stringMatching(/at least 5/) as unknown as string });
  });

  it('cancel resolves as cancelled at once (worker stopped when it cannot see a shared flag)', async () => {
    let release: (o: FitOutcome) => void = () => {};
    const slow = {
      fit: () =>
        new Promise<FitOutcome>((r) => {
          release = r;
        }),
    };
    const client = createFitClient({ createWorker: () => channelWorker(slow) });
    clients.push(client);
    const handle = client.fit(request);
    await new Promise((r) => setTimeout(r, 10));
    handle.cancel();
    expect(await handle.result).toEqual({ status: 'cancelled' });
    release({ status: 'cancelled' });
  });

  it('falls back to an in-process fit when no worker can start', async () => {
    const client = createFitClient({
      createWorker: () => {
        throw new Error('no workers');
      },
      loadLocal: async () => fitApi,
    });
    clients.push(client);
    const outcome = await client.fit(request).result;
    expect(outcome.status).toBe('done');
  });
});
