/** A fake service-worker scope for tests: in-memory Cache Storage, a scripted network, event dispatch. */
import type { SwScope } from './sw-runtime';

type Handler = (event: unknown) => void;

class FakeCache {
  readonly entries = new Map<string, Response>();
  async put(key: Request | string, res: Response) { this.entries.set(typeof key === 'string' ? key : key.url, res); }
  async addAll(urls: string[]) {
    for (const u of urls) {
      const res = await this.owner.fetch(new Request(u));
      if (!res.ok) throw new Error(`addAll: ${u} → ${res.status}`);
      await this.put(u, res);
    }
  }
  match(key: Request | string, o?: { ignoreSearch?: boolean }): Response | undefined {
    const url = typeof key === 'string' ? key : key.url;
    const strip = (u: string) => (o?.ignoreSearch ? u.split('?')[0]! : u);
    for (const [k, v] of this.entries) if (strip(k) === strip(url)) return v.clone();
    return undefined;
  }
  constructor(private readonly owner: FakeScope) {}
}

export class FakeScope implements SwScope {
  registration = { scope: 'http://app.test/explorer/' };
  online = true;
  /** Every URL the worker fetched from the network. */
  fetched: string[] = [];
  files = new Map<string, string>();
  /** Cache Storage; pass another scope's to model a new worker version on the same origin. */
  constructor(readonly stores = new Map<string, FakeCache>()) {}
  private handlers = new Map<string, Handler[]>();

  caches = {
    open: async (name: string) => {
      if (!this.stores.has(name)) this.stores.set(name, new FakeCache(this));
      return this.stores.get(name)! as unknown as Cache;
    },
    keys: async () => [...this.stores.keys()],
    delete: async (name: string) => this.stores.delete(name),
    has: async (name: string) => this.stores.has(name),
    match: async (req: Request | string, o?: { ignoreSearch?: boolean }) => {
      for (const c of this.stores.values()) {
        const hit = c.match(req, o);
        if (hit) return hit;
      }
      return undefined;
    },
  } as unknown as CacheStorage;

  fetch = (async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.fetched.push(url);
    if (!this.online) throw new TypeError('Failed to fetch');
    const path = url.split('?')[0]!;
    const body = this.files.get(path);
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body, { status: 200 });
  }) as typeof fetch;

  skipWaiting = async () => undefined;
  addEventListener(type: string, h: Handler) { this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]); }

  /** Fires install or activate and waits for waitUntil. */
  async lifecycle(type: 'install' | 'activate') {
    const waits: Promise<unknown>[] = [];
    for (const h of this.handlers.get(type) ?? []) h({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  }

  /** Dispatches a fetch; returns the worker's response, or null when it let the request through. */
  async request(url: string, init: { mode?: 'navigate' | 'cors'; method?: string } = {}): Promise<Response | null> {
    let responded: Promise<Response> | null = null;
    const request = { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' } as Request;
    for (const h of this.handlers.get('fetch') ?? []) h({ request, respondWith: (p: Promise<Response>) => { responded = p; } });
    return responded;
  }
}
