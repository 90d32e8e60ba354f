import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { EngineEndpoint } from './client';
import { fitApi } from './fit-api';
import { createReadClient } from '../byod/read-client';
import { MAX_LISTED_ERRORS, packReadOutcome, readRuns, unpackReadOutcome } from './read-runs';

const good = [
  'params,tokens,loss',
  ...Array.from({ length: 12 }, (_, i) => `${1e7 * 2 ** i},${2e8 * 2 ** i},${(3 - 0.1 * i).toFixed(2)}`),
].join('\n');

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

describe('readRuns (the worker read of a runs file)', () => {
  it('guesses the mapping and the fit, and returns the view, the runs and the row errors', () => {
    const o = readRuns({ text: `${good}\n1e9,x,2\n` });
    if (o.status !== 'done') throw new Error(o.message);
    expect(o.kind).toBe('chinchilla');
    expect(o.mapping).toMatchObject({ params: 'params', tokens: 'tokens', loss: 'loss' });
    expect(o.view).toMatchObject({ format: 'csv', header: ['params', 'tokens', 'loss'], records: 13 });
    expect(o.view.preview).toHaveLength(5);
    expect(o.extraction.runs).toHaveLength(12);
    expect(o.extraction).toMatchObject({ errorCount: 1, skippedRows: 1, problem: null });
  });

  it('follows an explicit fit and mapping', () => {
    const o = readRuns({
      text: good,
      kind: 'chinchilla',
      mapping: { params: 'tokens', tokens: 'params', loss: 'loss', samples: '', nll: '', passAtK: '' },
    });
    expect(o.status === 'done' && o.extraction.runs[0]).toMatchObject({ params: 2e8, tokens: 1e7 });
  });

  it('lists at most MAX_LISTED_ERRORS row errors but counts them all', () => {
    const bad = Array.from({ length: 2000 }, (_, i) => `${i + 1},x,y`).join('\n');
    const o = readRuns({ text: `${good}\n${bad}` });
    if (o.status !== 'done') throw new Error(o.message);
    expect(o.extraction.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(o.extraction.errorCount).toBe(4000);
    expect(o.extraction.skippedRows).toBe(2000);
    expect(o.extraction.runs).toHaveLength(12);
  });

  it('packs the runs into columns and unpacks them to the same runs (Chinchilla and T² Approach 2)', () => {
    const t2 = [
      'n,d,k,nll,pass@k',
      ...Array.from(
        { length: 9 },
        (_, i) => `${1e7 * (i + 1)},${2e8 * (i + 2)},${1 + (i % 3)},${3 - 0.1 * i},${0.05 * i}`,
      ),
    ].join('\n');
    for (const text of [good, t2]) {
      const o = readRuns({ text });
      expect(unpackReadOutcome(packReadOutcome(o))).toEqual(o);
    }
  });

  it('returns a whole-text problem as an error outcome', () => {
    expect(readRuns({ text: '' })).toEqual({
      status: 'error',
      message: expect.stringMatching(/empty/) as unknown as string,
    });
  });
});

describe('read client', () => {
  it('reads through the engine API in a worker', async () => {
    const client = createReadClient({ createWorker: () => channelWorker(fitApi) });
    const o = await client.read({ text: good });
    expect(o.mode).toBe('worker');
    expect(o.status === 'done' && o.extraction.runs.length).toBe(12);
    client.dispose();
  });

  it('reads on the main thread, and says so, when no worker starts or one never answers', async () => {
    const none = createReadClient({
      createWorker: () => {
        throw new Error('no workers');
      },
    });
    expect(await none.read({ text: good })).toMatchObject({ status: 'done', mode: 'main-thread' });
    const hung = createReadClient({
      createWorker: () => channelWorker({ readRuns: () => new Promise(() => {}) }),
      timeoutMs: 50,
    });
    expect(await hung.read({ text: good })).toMatchObject({ status: 'done', mode: 'main-thread' });
    // Once the worker has failed, later reads go straight to the main thread.
    expect(await hung.read({ text: good })).toMatchObject({ mode: 'main-thread' });
  });
});
