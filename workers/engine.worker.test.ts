import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../src/engine/client';
import { buildExplorerData } from '../src/engine/explorer-data';
import { registryCatalog } from '../src/store/url/catalog';
import { decodeScenario } from '../src/store/url/codec';

describe('engine worker through the client', () => {
  it('answers in a worker with the same numbers as in-process', async () => {
    const modes: string[] = [];
    const client = createEngineClient({
      createWorker: () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }),
      onModeChange: (m) => modes.push(m),
    });
    const { scenario } = decodeScenario('v=1&n=3e8&ct=1e21', registryCatalog);
    const out = await client.compute(scenario);
    expect(client.mode).toBe('worker');
    expect(modes).toEqual(['worker']);
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    const local = buildExplorerData(scenario);
    expect(out.data.readouts).toEqual(local.readouts);
    expect(Array.from(out.data.frontier.quality)).toEqual(Array.from(local.frontier.quality));
    client.dispose();
  });
});
