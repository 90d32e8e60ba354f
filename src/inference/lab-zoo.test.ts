/** Cache Storage handling of zoo model bytes: a good copy is reused, a bad one dropped and fetched afresh. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from './checksum';
import { fetchModelBytes, ZOO_CACHE } from './lab-zoo';
import type { ModelEntry } from './manifest';

/** A minimal in-memory CacheStorage (Node has none). */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      match: async (key: string) => store.get(key)?.clone(),
      put: async (key: string, res: Response) => {
        store.set(key, res.clone());
      },
      delete: async (key: string) => store.delete(key),
    };
  };
  return { stores, api: { open } };
}

const bytes = new Uint8Array(Array.from({ length: 64 }, (_, i) => i));

async function entry(): Promise<ModelEntry> {
  return { file: 'm.onnx', bytes: bytes.length, sha256: await sha256Hex(bytes) } as ModelEntry;
}

describe('zoo model bytes and Cache Storage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches once, then reads the checked copy from the versioned cache', async () => {
    const c = memoryCaches();
    const fetches: string[] = [];
    vi.stubGlobal('caches', c.api);
    vi.stubGlobal('fetch', async (url: string) => {
      fetches.push(url);
      return new Response(bytes.slice());
    });
    const e = await entry();
    expect((await fetchModelBytes('http://z/', e)).source).toBe('network');
    const again = await fetchModelBytes('http://z/', e);
    expect(again.source).toBe('cache');
    expect(Array.from(again.bytes)).toEqual(Array.from(bytes));
    expect(fetches).toEqual(['http://z/m.onnx']);
    expect([...c.stores.get(ZOO_CACHE)!.keys()]).toEqual([`http://z/m.onnx?sha256=${e.sha256}`]);
  });

  it('drops a corrupt cached copy and downloads the file again', async () => {
    const c = memoryCaches();
    vi.stubGlobal('caches', c.api);
    vi.stubGlobal('fetch', async () => new Response(bytes.slice()));
    const e = await entry();
    const cache = await c.api.open(ZOO_CACHE);
    const bad = bytes.slice();
    bad[3] = 99;
    await cache.put(`http://z/m.onnx?sha256=${e.sha256}`, new Response(bad));
    const got = await fetchModelBytes('http://z/', e);
    expect(got.source).toBe('network');
    expect((await fetchModelBytes('http://z/', e)).source).toBe('cache');
  });

  it('never caches a bad download', async () => {
    const c = memoryCaches();
    vi.stubGlobal('caches', c.api);
    vi.stubGlobal('fetch', async () => new Response(bytes.slice(0, 10)));
    await expect(fetchModelBytes('http://z/', await entry())).rejects.toThrow(/expected 64 bytes, got 10/);
    expect(c.stores.get(ZOO_CACHE)?.size ?? 0).toBe(0);
  });
});
