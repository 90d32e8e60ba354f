/**
 * Fakes for the service worker's unit tests: Cache Storage that honours Vary the way browsers do (a stored response
 * with `Vary: Origin` matches only a request with the same Origin header, unless ignoreVary), a scripted network
 * whose answers can be truncated or fail, and sha256 from Node.
 */
import { createHash } from 'node:crypto';
import type { ZooCacheDeps } from './zoo-cache';

interface Entry {
  url: string;
  reqHeaders: Headers;
  res: Response;
}

function requestOf(key: Request | string): { url: string; headers: Headers } {
  return typeof key === 'string' ? { url: key, headers: new Headers() } : { url: key.url, headers: key.headers };
}

export class FakeCache {
  readonly entries: Entry[] = [];

  private hits(key: Request | string, o: CacheQueryOptions = {}): Entry[] {
    const q = requestOf(key);
    const strip = (u: string) => (o.ignoreSearch ? u.split('?')[0]! : u);
    return this.entries.filter((e) => {
      if (strip(e.url) !== strip(q.url)) return false;
      if (o.ignoreVary) return true;
      const vary = (e.res.headers.get('vary') ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      return vary.every((h) => h !== '*' && e.reqHeaders.get(h) === q.headers.get(h));
    });
  }

  async match(key: Request | string, o?: CacheQueryOptions): Promise<Response | undefined> {
    return this.hits(key, o)[0]?.res.clone();
  }

  async put(key: Request | string, res: Response): Promise<void> {
    const q = requestOf(key);
    const i = this.entries.findIndex((e) => e.url === q.url);
    if (i >= 0) this.entries.splice(i, 1);
    // Like Cache.put: the body is read to the end; a stream that breaks off rejects and stores nothing.
    const body = await res.arrayBuffer();
    this.entries.push({
      url: q.url,
      reqHeaders: q.headers,
      res: new Response(body, { status: res.status, headers: res.headers }),
    });
  }

  async delete(key: Request | string, o?: CacheQueryOptions): Promise<boolean> {
    const gone = this.hits(key, o);
    for (const e of gone) this.entries.splice(this.entries.indexOf(e), 1);
    return gone.length > 0;
  }

  async keys(): Promise<Request[]> {
    return this.entries.map((e) => new Request(e.url));
  }

  /** The stored bytes of `url` (exact key), or undefined. */
  async bytes(url: string): Promise<Uint8Array | undefined> {
    const e = this.entries.find((x) => x.url === url);
    return e ? new Uint8Array(await e.res.clone().arrayBuffer()) : undefined;
  }
}

export interface FakeFile {
  body: Uint8Array | string;
  headers?: Record<string, string>;
  status?: number;
  /** Serve only this many bytes of the body (a download cut short), keeping the declared headers. */
  truncateTo?: number;
}

/** Dependencies of ./zoo-cache.ts over in-memory caches and a scripted network. */
export class FakeWorld implements ZooCacheDeps {
  readonly stores = new Map<string, FakeCache>();
  readonly files = new Map<string, FakeFile>();
  online = true;
  /** The browser's HTTP cache, as seen by fetch(url, { cache: 'only-if-cached' }) (which never uses the network). */
  readonly httpCache = new Map<string, Uint8Array>();
  /** Every URL fetched from the network, with the cache mode asked for. */
  readonly fetched: { url: string; cache: RequestCache | undefined }[] = [];

  caches = {
    open: async (name: string) => {
      if (!this.stores.has(name)) this.stores.set(name, new FakeCache());
      return this.stores.get(name)! as unknown as Cache;
    },
    keys: async () => [...this.stores.keys()],
    delete: async (name: string) => this.stores.delete(name),
    has: async (name: string) => this.stores.has(name),
  } as unknown as CacheStorage;

  fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.fetched.push({ url, cache: init?.cache });
    if (init?.cache === 'only-if-cached') {
      const hit = this.httpCache.get(url);
      if (!hit) throw new TypeError('Failed to fetch (only-if-cached: not in the HTTP cache)');
      return new Response(hit.slice().buffer, { status: 200, headers: { 'content-length': String(hit.byteLength) } });
    }
    if (!this.online) throw new TypeError('Failed to fetch');
    const f = this.files.get(url.split('?')[0]!);
    if (!f) return new Response('not found', { status: 404 });
    const full = typeof f.body === 'string' ? new TextEncoder().encode(f.body) : f.body;
    const body = f.truncateTo === undefined ? full : full.slice(0, f.truncateTo);
    return new Response(body.slice().buffer, {
      status: f.status ?? 200,
      headers: { 'content-length': String(full.byteLength), ...f.headers },
    });
  }) as typeof fetch;

  sha256Hex = async (bytes: ArrayBuffer) => createHash('sha256').update(new Uint8Array(bytes)).digest('hex');

  store(name: string): FakeCache {
    return this.stores.get(name) ?? new FakeCache();
  }
}

/** Lower-case hex sha256 of text or bytes. */
export function sha256(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}
