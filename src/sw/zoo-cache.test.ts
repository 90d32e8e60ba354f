import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeCache, FakeWorld, sha256 } from './testing';
import {
  LAB_ZOO_CACHE,
  LAZY_CACHE,
  MODELS_CACHE,
  adoptFromHttpCache,
  labWasUsed,
  warmLab,
  ZOO_INDEX_CACHE,
  cacheKey,
  isLegacyCache,
  lazyAsset,
  networkFirst,
  pruneLazy,
  verifiedModel,
} from './zoo-cache';

const BASE = 'http://app.test/explorer/';
const MANIFEST = `${BASE}models/manifest.json`;
const MODEL = `${BASE}models/m1.onnx`;
const modelBytes = new Uint8Array(4096).map((_, i) => (i * 7 + 3) % 251);

function manifestFor(files: Record<string, Uint8Array>): string {
  return JSON.stringify({
    version: 1,
    models: Object.entries(files).map(([file, b]) => ({ id: file, file, bytes: b.byteLength, sha256: sha256(b) })),
  });
}

function world(): FakeWorld {
  const w = new FakeWorld();
  w.files.set(MANIFEST, {
    body: manifestFor({ 'm1.onnx': modelBytes }),
    headers: { 'content-type': 'application/json' },
  });
  w.files.set(MODEL, { body: modelBytes, headers: { 'content-type': 'application/octet-stream' } });
  return w;
}

const get = (url: string, init?: RequestInit) => new Request(url, init);
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('models/manifest.json and tasks.json: network-first', () => {
  it('asks the server every time (revalidating), so a new deploy is seen at once', async () => {
    const w = world();
    expect(await (await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE)).text()).toContain('m1.onnx');
    w.files.set(MANIFEST, { body: '{"version":2,"models":[]}' });
    expect(await (await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE)).text()).toBe('{"version":2,"models":[]}');
    expect(w.fetched.map((f) => f.cache)).toEqual(['no-cache', 'no-cache']);
  });

  it('serves the last good copy when the network fails or answers 5xx, and rethrows with no copy', async () => {
    const w = world();
    await expect(async () => {
      w.online = false;
      await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE);
    }).rejects.toThrow(/Failed to fetch/);
    w.online = true;
    await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE);
    w.online = false;
    expect(await (await networkFirst(w, get(`${MANIFEST}?x=1`), ZOO_INDEX_CACHE)).text()).toContain('m1.onnx');
    w.online = true;
    w.files.set(MANIFEST, { body: 'oops', status: 503 });
    expect(await (await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE)).text()).toContain('m1.onnx');
  });

  it('does not keep a 404 or error answer in place of the good copy', async () => {
    const w = world();
    await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE);
    w.files.delete(MANIFEST);
    expect((await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE)).status).toBe(404);
    w.online = false;
    expect(await (await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE)).text()).toContain('m1.onnx');
  });
});

describe('model bytes: verified before caching and before serving', () => {
  it('caches a good download and then serves it without the network, offline too', async () => {
    const w = world();
    expect(await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).toEqual(modelBytes);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toEqual(modelBytes);
    w.online = false;
    w.fetched.length = 0;
    expect(await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).toEqual(modelBytes);
    expect(w.fetched).toEqual([]);
  });

  it('a truncated download (shorter than the manifest, Content-Length honest) is passed on but never cached', async () => {
    const w = world();
    const half = modelBytes.slice(0, 2048);
    w.files.set(MODEL, { body: half, headers: { 'content-length': String(half.byteLength) } });
    expect((await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).byteLength).toBe(2048);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toBeUndefined();
    // The network heals: the next run gets the whole file, and that is what gets cached.
    w.files.set(MODEL, { body: modelBytes });
    expect(await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).toEqual(modelBytes);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toEqual(modelBytes);
  });

  it('a download shorter than its own Content-Length is not cached', async () => {
    const w = world();
    w.files.set(MODEL, { body: modelBytes, truncateTo: 100 });
    await verifiedModel(w, get(MODEL), MANIFEST);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toBeUndefined();
  });

  it('a download of the right size with other bytes (checksum mismatch) is not cached', async () => {
    const w = world();
    const wrong = modelBytes.map((b) => b ^ 1);
    w.files.set(MODEL, { body: wrong });
    expect(await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).toEqual(wrong);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toBeUndefined();
  });

  it('a bad cached copy (left by an older worker, or damaged) is evicted and fetched afresh', async () => {
    const w = world();
    const cache = (await w.caches.open(MODELS_CACHE)) as unknown as FakeCache;
    await cache.put(MODEL, new Response(modelBytes.slice(0, 10)));
    w.fetched.length = 0;
    expect(await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).toEqual(modelBytes);
    expect(w.fetched.map((f) => f.url)).toContain(MODEL);
    expect(await cache.bytes(MODEL)).toEqual(modelBytes);
  });

  it('a model the manifest does not list is passed through and not cached', async () => {
    const w = world();
    const other = `${BASE}models/unlisted.onnx`;
    w.files.set(other, { body: 'abc' });
    expect(await (await verifiedModel(w, get(other), MANIFEST)).text()).toBe('abc');
    expect(await w.store(MODELS_CACHE).bytes(other)).toBeUndefined();
  });

  it('a new deploy that changes a model (new sha256 in the manifest) drops the old cached copy', async () => {
    const w = world();
    await verifiedModel(w, get(MODEL), MANIFEST);
    const v2 = modelBytes.map((b) => (b + 1) % 256);
    w.files.set(MODEL, { body: v2 });
    w.files.set(MANIFEST, { body: manifestFor({ 'm1.onnx': v2 }) });
    await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE); // the lab reads the manifest first
    expect(await bytesOf(await verifiedModel(w, get(MODEL), MANIFEST))).toEqual(v2);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toEqual(v2);
  });

  it('a download that breaks off mid-body is an error, and nothing is cached', async () => {
    const w = world();
    const network = w.fetch;
    w.fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === MODEL
        ? new Response(
            new ReadableStream({
              start(c) {
                c.enqueue(modelBytes.slice(0, 100));
                c.error(new TypeError('network changed'));
              },
            }),
          )
        : network(input, init)) as typeof fetch;
    await expect(verifiedModel(w, get(MODEL), MANIFEST)).rejects.toThrow(/network changed/);
    expect(await w.store(MODELS_CACHE).bytes(MODEL)).toBeUndefined();
  });

  it('property: whatever prefix or corruption the network serves, only the manifest bytes are ever cached', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: modelBytes.byteLength }),
        fc.option(fc.nat({ max: modelBytes.byteLength - 1 })),
        fc.boolean(),
        async (len, flip, honestLength) => {
          const w = world();
          const body = modelBytes.slice(0, len);
          if (flip !== null && flip < len) body[flip]! ^= 0xff;
          w.files.set(MODEL, { body, headers: honestLength ? { 'content-length': String(len) } : {} });
          await verifiedModel(w, get(MODEL), MANIFEST);
          const stored = await w.store(MODELS_CACHE).bytes(MODEL);
          const good = len === modelBytes.byteLength && (flip === null || flip >= len);
          expect(stored === undefined ? null : sha256(stored)).toBe(good ? sha256(modelBytes) : null);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Vary: Origin (issue 11 item 1)', () => {
  it('a copy stored from a request without Origin is found for a request with one', async () => {
    const w = world();
    w.files.set(MANIFEST, { body: manifestFor({ 'm1.onnx': modelBytes }), headers: { vary: 'Origin' } });
    w.files.set(MODEL, { body: modelBytes, headers: { vary: 'Origin' } });
    await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE);
    await verifiedModel(w, get(MODEL), MANIFEST);
    w.online = false;
    const withOrigin = { headers: { Origin: 'http://app.test' } };
    expect(await (await networkFirst(w, get(MANIFEST, withOrigin), ZOO_INDEX_CACHE)).text()).toContain('m1.onnx');
    expect(await bytesOf(await verifiedModel(w, get(MODEL, withOrigin), MANIFEST))).toEqual(modelBytes);
  });

  it('the fake cache itself honours Vary (so the test above would catch a Vary-sensitive lookup)', async () => {
    const c = new FakeCache();
    await c.put(new Request(MODEL), new Response('x', { headers: { vary: 'Origin' } }));
    expect(await c.match(new Request(MODEL, { headers: { Origin: 'http://app.test' } }))).toBeUndefined();
    expect(
      await c.match(new Request(MODEL, { headers: { Origin: 'http://app.test' } }), { ignoreVary: true }),
    ).toBeDefined();
  });
});

describe('lazy assets (the onnxruntime .wasm)', () => {
  const WASM = `${BASE}assets/ort-abc.wasm`;
  const wasm = new Uint8Array(5000).fill(7);

  it('caches on first use and then serves from the cache offline', async () => {
    const w = world();
    w.files.set(WASM, { body: wasm });
    const asset = { url: WASM, bytes: wasm.byteLength };
    expect((await bytesOf(await lazyAsset(w, get(WASM), asset))).byteLength).toBe(5000);
    w.online = false;
    expect(
      (await bytesOf(await lazyAsset(w, get(WASM, { headers: { Origin: 'http://app.test' } }), asset))).byteLength,
    ).toBe(5000);
  });

  it('does not cache a download whose size is not the build size, and evicts such a copy', async () => {
    const w = world();
    w.files.set(WASM, { body: wasm.slice(0, 300), headers: { 'content-length': '300' } });
    const asset = { url: WASM, bytes: wasm.byteLength };
    await lazyAsset(w, get(WASM), asset);
    expect(await w.store(LAZY_CACHE).bytes(WASM)).toBeUndefined();
    const cache = (await w.caches.open(LAZY_CACHE)) as unknown as FakeCache;
    await cache.put(WASM, new Response(wasm.slice(0, 10), { headers: { 'content-length': '10' } }));
    w.files.set(WASM, { body: wasm });
    expect((await bytesOf(await lazyAsset(w, get(WASM), asset))).byteLength).toBe(5000);
    expect((await cache.bytes(WASM))?.byteLength).toBe(5000);
  });

  it('on activate, a .wasm the page loaded before the worker took control is adopted from the HTTP cache, offline', async () => {
    const w = world();
    w.online = false;
    w.httpCache.set(WASM, wasm);
    w.httpCache.set(`${BASE}assets/other.wasm`, wasm.slice(0, 3)); // wrong size: left out
    const adopted = await adoptFromHttpCache(w, LAZY_CACHE, [
      { url: WASM, bytes: wasm.byteLength },
      { url: `${BASE}assets/other.wasm`, bytes: 99 },
      { url: `${BASE}assets/never.wasm`, bytes: 1 },
    ]);
    expect(adopted).toEqual([WASM]);
    expect((await w.store(LAZY_CACHE).bytes(WASM))?.byteLength).toBe(5000);
    expect(w.fetched.every((f) => f.cache === 'only-if-cached')).toBe(true);
    expect((await bytesOf(await lazyAsset(w, get(WASM), { url: WASM, bytes: wasm.byteLength }))).byteLength).toBe(5000);
  });

  it('on activate, once the lab has run, the .wasm and zoo index it needs offline are cached (from the network if need be)', async () => {
    const w = world();
    w.files.set(WASM, { body: wasm });
    const lazy = [{ url: WASM, bytes: wasm.byteLength }];
    expect(await warmLab(w, lazy, [MANIFEST])).toEqual([]); // the lab never ran: nothing downloaded
    expect(w.fetched).toEqual([]);
    const labCache = await w.caches.open(LAB_ZOO_CACHE);
    await labCache.put(`${MODEL}?sha256=x`, new Response('m'));
    expect(await labWasUsed(w)).toBe(true);
    expect(await warmLab(w, lazy, [MANIFEST])).toEqual([WASM, MANIFEST]);
    w.online = false;
    expect((await bytesOf(await lazyAsset(w, get(WASM), lazy[0]!))).byteLength).toBe(5000);
    expect(await (await networkFirst(w, get(MANIFEST), ZOO_INDEX_CACHE)).text()).toContain('m1.onnx');
  });

  it('the lab cache name is the one src/inference uses', async () => {
    const { ZOO_CACHE } = await import('../inference/lab-zoo');
    expect(LAB_ZOO_CACHE).toBe(ZOO_CACHE);
  });

  it("pruning keeps the current build's files and drops the others", async () => {
    const w = world();
    const cache = (await w.caches.open(LAZY_CACHE)) as unknown as FakeCache;
    await cache.put(WASM, new Response('a'));
    await cache.put(`${BASE}assets/ort-old.wasm`, new Response('b'));
    await pruneLazy(w, [{ url: WASM, bytes: 1 }]);
    expect(cache.entries.map((e) => e.url)).toEqual([WASM]);
  });
});

describe('helpers', () => {
  it('cache keys drop query and fragment', () => {
    expect(cacheKey(`${MODEL}?sha256=ab#x`)).toBe(MODEL);
  });
  it("legacy caches are those of the hand-written worker, never the lab's own zoo cache", () => {
    expect(isLegacyCache('t2-explorer-shell-abc123')).toBe(true);
    expect(isLegacyCache('t2-explorer-runtime-abc123')).toBe(true);
    expect(isLegacyCache('t2-explorer-models-v1')).toBe(true);
    expect(isLegacyCache('t2-explorer-zoo-v1')).toBe(false);
    expect(isLegacyCache(MODELS_CACHE)).toBe(false);
    expect(isLegacyCache('t2-explorer-precache-v2')).toBe(false);
  });
});
