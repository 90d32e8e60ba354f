/**
 * The lab's worker API under Node with the real onnxruntime-web and the shipped zoo (public/models). The network is
 * replaced by the files on disk (fetch is stubbed; bad files are real bad bytes reaching the real runtime).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classify, labApi } from './lab-api';
import { CancelledError } from './generate';
import type { Manifest } from './manifest';

const DIR = 'public/models/';
const hasZoo = existsSync(`${DIR}manifest.json`);
const manifest = hasZoo ? (JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as Manifest) : null;
const smallest = manifest ? [...manifest.models].sort((a, b) => a.params - b.params)[0]! : null;

/** Serves public/models for any URL; `bad` maps a file name to other bytes (or a status). */
function stubFetch(bad: Record<string, Uint8Array | number> = {}) {
  vi.stubGlobal('fetch', async (url: string) => {
    const name = String(url).split('/').pop()!.split('?')[0]!;
    const override = bad[name];
    if (typeof override === 'number') return new Response('nope', { status: override });
    if (override) return new Response(override.slice().buffer);
    if (!existsSync(DIR + name)) return new Response('missing', { status: 404 });
    return new Response(readFileSync(DIR + name));
  });
}

let zoo = 0;
const request = (over: Partial<Parameters<typeof labApi.run>[0]> = {}) => ({
  zooUrl: `http://zoo.test/${zoo++}/`,
  modelId: smallest!.id,
  taskIds: [Object.keys(smallest!.results)[0]!],
  problems: 2,
  samples: 4,
  backend: 'auto' as const,
  ...over,
});

describe.skipIf(!hasZoo)('lab worker API on the shipped zoo (Node, onnxruntime-web WASM)', () => {
  beforeEach(() => stubFetch());
  afterEach(() => vi.unstubAllGlobals());

  it('runs the smallest model: pass@k for k ≤ n, NLL, rates, FLOPs = 2N per token; WASM with the reason', async () => {
    const progress: number[] = [];
    const out = await labApi.run(request(), (p) => progress.push(p.fraction));
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    const t = out.perTask[0]!;
    expect(Object.keys(t.passAtK)).toEqual(['1', '2', '4']);
    for (const v of Object.values(t.passAtK)) expect(v).toBeGreaterThanOrEqual(0);
    expect(t.passAtK['4']!).toBeGreaterThanOrEqual(t.passAtK['1']!);
    expect(t.nll!).toBeGreaterThan(0);
    expect(t.flops).toBe(2 * smallest!.params * t.tokens.processed);
    expect(t.decodeTokensPerSecond).toBeGreaterThan(0);
    expect(out.device.backend).toBe('wasm');
    expect(out.device.fallbackReason).toMatch(/WebGPU unavailable/);
    expect(out.temperature).toBe(manifest!.evaluation.temperature);
    expect(out.model).toEqual({ id: smallest!.id, params: smallest!.params, tokens: smallest!.tokens });
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('forced WASM gives no fallback reason', async () => {
    const out = await labApi.run(request({ backend: 'wasm', samples: 1, problems: 1 }));
    expect(out.status === 'done' && out.device.fallbackReason).toBeNull();
  }, 60_000);

  it('reports a truncated file, a checksum mismatch and a missing file clearly', async () => {
    const bytes = new Uint8Array(readFileSync(DIR + smallest!.file));
    const flipped = bytes.slice();
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    stubFetch({ [smallest!.file]: bytes.subarray(0, bytes.length >> 1) });
    expect(await labApi.run(request())).toMatchObject({
      status: 'error',
      kind: 'load',
      message: expect.stringMatching(/expected \d+ bytes, got \d+ \(truncated/),
    });
    stubFetch({ [smallest!.file]: flipped });
    expect(await labApi.run(request())).toMatchObject({
      status: 'error',
      kind: 'checksum',
      message: expect.stringMatching(/checksum mismatch/),
    });
    stubFetch({ [smallest!.file]: 404 });
    expect(await labApi.run(request())).toMatchObject({
      status: 'error',
      kind: 'missing',
      message: expect.stringMatching(/HTTP 404: the file is missing/),
    });
    expect(await labApi.run(request({ modelId: 'no-such-model' }))).toMatchObject({ status: 'error', kind: 'missing' });
    expect(await labApi.run(request({ taskIds: ['no-such-task'] }))).toMatchObject({ status: 'error', kind: 'format' });
  }, 60_000);

  it('a broken manifest is a format error naming the problem', async () => {
    stubFetch({ 'manifest.json': new TextEncoder().encode('{"version": 2}') });
    const out = await labApi.run(request());
    expect(out).toMatchObject({
      status: 'error',
      kind: 'format',
      message: expect.stringMatching(/manifest\.json is not valid/),
    });
  });

  it('cancel stops the run', async () => {
    const running = labApi.run(request({ problems: 50, samples: 8 }));
    setTimeout(() => labApi.cancel(), 50);
    expect(await running).toEqual({ status: 'cancelled' });
  }, 60_000);
});

describe('lab error kinds', () => {
  it('out of memory becomes a clear message', () => {
    expect(classify(new RangeError('Array buffer allocation failed'))).toMatchObject({
      kind: 'memory',
      message: expect.stringMatching(/out of memory.*fewer samples/),
    });
    expect(classify(new Error('failed to allocate: OOM'))).toMatchObject({ kind: 'memory' });
    expect(classify(new CancelledError())).toEqual({ status: 'cancelled' });
    expect(classify(new Error('boom'))).toMatchObject({ kind: 'run', message: 'boom' });
  });
});
