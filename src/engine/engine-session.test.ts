import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { buildUserSet } from '../byod/user-set-logic';
import type { Scenario } from '../domain/scenario';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { api, type ComputeReply, type ComputeSession } from './api';
import { createEngineClient, type EngineClient, type EngineEndpoint } from './client';
import { buildExplorerData, buildExplorerParts, lastRebuiltParts } from './explorer-data';

/** The real engine API on one end of a real MessageChannel, recording what crosses it. */
function recordingWorker() {
  const seen: { scenario: Scenario; session: ComputeSession | undefined; reply: ComputeReply }[] = [];
  const target = {
    ping: () => 'pong',
    compute(scenario: Scenario, id: number, session?: ComputeSession) {
      const reply = api.compute(scenario, id, session);
      seen.push({ scenario, session, reply });
      return reply;
    },
  };
  const { port1, port2 } = new MessageChannel();
  expose(target, port1 as unknown as Parameters<typeof expose>[1]);
  const ep = port2 as unknown as EngineEndpoint;
  ep.terminate = () => {
    port1.close();
    port2.close();
  };
  return { ep, seen };
}

const c = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const drawsOf = (shift: number) =>
  Array.from({ length: 200 }, (_, i) => ({
    ...c,
    E: c.E * (1 + (i - 100 + shift) / 5000),
    alpha: c.alpha * (1 + ((i % 7) - 3) / 300),
  }));
const runs = [{ params: 1e8, tokens: 2.56e19 / 6e8, samples: 1, quality: 3.1 }];
const userOf = (shift: number) =>
  buildUserSet({
    family: 'chinchilla',
    constants: c,
    range: { params: [1e8, 1e9], tokens: [1e9, 5e10] },
    fittedRuns: 1,
    runs,
    draws: drawsOf(shift),
  });
const base: Scenario = {
  ...defaultScenario(registryCatalog.defaultId),
  qualityModel: 'chinchilla',
  constantSet: registryCatalog.defaultId('chinchilla'),
};

const clients: EngineClient[] = [];
afterEach(() => {
  for (const cl of clients.splice(0)) cl.dispose();
});
const done = async (p: ReturnType<EngineClient['compute']>) => {
  const o = await p;
  if (o.status !== 'done') throw new Error('expected a done reply');
  return o;
};

describe('the user data crosses to the worker once per key', () => {
  it('sends the draws with the first request only, names them by key after, and resends a changed set', async () => {
    const { ep, seen } = recordingWorker();
    const client = createEngineClient({ createWorker: () => ep });
    clients.push(client);
    const user = userOf(0);
    const s1 = { ...base, constantSet: user.set.id, userSet: user };
    const first = await done(client.compute(s1));
    expect(seen[0]!.scenario.userSet?.draws).toBeUndefined(); // stripped from the scenario
    expect(seen[0]!.session?.userData?.draws).toHaveLength(200);
    const s2 = { ...s1, params: s1.params * 1.5 };
    const second = await done(client.compute(s2));
    expect(seen[1]!.session?.userData).toBeUndefined(); // not sent again
    expect(seen[1]!.session?.userDataKey).toBe(seen[0]!.session?.userDataKey);
    // The worker used the draws it holds: the band is the in-process one.
    const local = buildExplorerData(s2);
    expect(Array.from(second.data.user!.isoflopBand!.lower)).toEqual(Array.from(local.user!.isoflopBand!.lower));
    expect(first.data.user!.isoflopBand).not.toBeNull();
    // A new fit (other draws) is a new key and is sent.
    const other = userOf(40);
    await done(client.compute({ ...s2, userSet: other, constantSet: other.set.id }));
    expect(seen[2]!.session?.userDataKey).not.toBe(seen[1]!.session?.userDataKey);
    expect(seen[2]!.session?.userData?.draws?.[0]?.E).toBe(other.draws![0]!.E);
  });
});

describe('a move recomputes only the charts it affects', () => {
  it('a k move does not rebuild the law, the Epoch spans or the paper setting', () => {
    const t2: Scenario = { ...defaultScenario(registryCatalog.defaultId) };
    buildExplorerParts(t2);
    buildExplorerParts({ ...t2, samples: t2.samples * 1.2 });
    const rebuilt = lastRebuiltParts();
    expect(rebuilt).toContain('passk');
    expect(rebuilt).toContain('isoflop');
    for (const part of ['law', 'epoch', 'paperSetting'] as const) expect(rebuilt).not.toContain(part);
  });

  it('an N move rebuilds the N-dependent parts; the numbers equal a build from scratch', () => {
    const s: Scenario = { ...defaultScenario(registryCatalog.defaultId) };
    buildExplorerParts(s);
    const moved = { ...s, params: s.params * 1.3 };
    const { data } = buildExplorerParts(moved);
    expect(lastRebuiltParts()).toEqual(expect.arrayContaining(['passk', 'isoflop']));
    expect(lastRebuiltParts()).not.toContain('epoch');
    expect(JSON.stringify(data)).toBe(JSON.stringify(buildExplorerParts({ ...moved }).data));
  });

  it('the reply leaves out what the page holds; the client fills it in with the same objects', async () => {
    const { ep, seen } = recordingWorker();
    const client = createEngineClient({ createWorker: () => ep });
    clients.push(client);
    const s: Scenario = { ...defaultScenario(registryCatalog.defaultId) };
    const a = await done(client.compute(s));
    expect(seen[0]!.reply.omitted).toEqual([]);
    const b = await done(client.compute({ ...s, samples: s.samples * 1.01 }));
    const omitted = seen[1]!.reply.omitted!;
    expect(omitted).toEqual(expect.arrayContaining(['law', 'epoch', 'paperSetting', 'grid']));
    expect(omitted).not.toContain('passk');
    // Unchanged charts keep their objects (React skips them); the grid did not cross the boundary again.
    expect(b.data.epoch).toBe(a.data.epoch);
    expect(b.data.set).toBe(a.data.set);
    expect(b.data.frontier.quality).toBe(a.data.frontier.quality);
    expect(b.data.passk).not.toBe(a.data.passk);
    // And the merged data equal an in-process build of the same scenario.
    const local = buildExplorerData({ ...s, samples: s.samples * 1.01 });
    expect(b.data.readouts).toEqual(local.readouts);
    expect(Array.from(b.data.frontier.quality)).toEqual(Array.from(local.frontier.quality));
    expect(Array.from(b.data.passk.passAtK)).toEqual(Array.from(local.passk.passAtK));
  });
});
