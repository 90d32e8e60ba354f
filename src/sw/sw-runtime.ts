/**
 * The service worker's behaviour, as one self-contained function: it is stringified into public sw.js at build time
 * (./sw-build.ts), so it must not use imports or anything outside its own body.
 *
 * - install: precache the built app shell and assets (versioned cache t2-explorer-shell-<version>);
 * - activate: delete the caches of older versions (model files keep their own cache across versions);
 * - fetch, same-origin GETs inside the scope only (nothing from elsewhere is ever fetched or cached):
 *   pages (navigations, ./ and index.html) network-first, falling back to the cached shell when offline;
 *   models/* cache-first, cached on first fetch (t2-explorer-models-v1);
 *   assets/* (hashed names) cache-first, cached on first fetch when not precached (large .wasm);
 *   anything else network-first with the cache as fallback.
 */

export interface SwConfig {
  /** Changes whenever the built files change. */
  version: string;
  /** Paths relative to the scope ('./', 'assets/index-abc.js', …). */
  precache: string[];
  modelsPrefix: string;
  assetsPrefix: string;
}

/** The parts of ServiceWorkerGlobalScope used here (a fake in tests). */
export interface SwScope {
  registration: { scope: string };
  caches: CacheStorage;
  fetch: typeof fetch;
  skipWaiting(): Promise<void>;
  addEventListener(type: string, listener: (event: any) => void): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function installServiceWorker(sw: SwScope, config: SwConfig): void {
  const PREFIX = 't2-explorer-';
  const SHELL = `${PREFIX}shell-${config.version}`;
  const RUNTIME = `${PREFIX}runtime-${config.version}`;
  const MODELS = `${PREFIX}models-v1`;
  const abs = (path: string) => new URL(path, sw.registration.scope).href;
  const cacheable = (res: Response) => res.status === 200 && (res.type === 'basic' || res.type === 'default');

  async function store(cacheName: string, key: Request | string, res: Response) {
    if (!cacheable(res)) return;
    const cache = await sw.caches.open(cacheName);
    await cache.put(key, res.clone());
  }

  async function cacheFirst(req: Request, cacheName: string): Promise<Response> {
    const hit = await sw.caches.match(req);
    if (hit) return hit;
    const res = await sw.fetch(req);
    await store(cacheName, req, res);
    return res;
  }

  async function networkFirst(req: Request, isPage: boolean): Promise<Response> {
    try {
      const res = await sw.fetch(req);
      // Pages are stored under the shell's own key so the newest shell serves every scenario link offline.
      await store(isPage ? SHELL : RUNTIME, isPage ? abs('./') : req, res);
      return res;
    } catch (err) {
      const hit = (await sw.caches.match(req, { ignoreSearch: isPage }))
        ?? (isPage ? (await sw.caches.match(abs('./'))) ?? (await sw.caches.match(abs('index.html'))) : undefined);
      if (hit) return hit;
      throw err;
    }
  }

  sw.addEventListener('install', (event) => {
    event.waitUntil((async () => {
      const cache = await sw.caches.open(SHELL);
      await cache.addAll(config.precache.map(abs));
      await sw.skipWaiting();
    })());
  });

  sw.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
      const keep = [SHELL, RUNTIME, MODELS];
      for (const key of await sw.caches.keys()) {
        if (key.startsWith(PREFIX) && !keep.includes(key)) await sw.caches.delete(key);
      }
    })());
  });

  sw.addEventListener('fetch', (event) => {
    const req: Request = event.request;
    if (req.method !== 'GET') return;
    const url = new URL(req.url);
    const scope = new URL(sw.registration.scope);
    if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
    const path = url.pathname.slice(scope.pathname.length);
    if (req.mode === 'navigate' || path === '' || path === 'index.html') event.respondWith(networkFirst(req, true));
    else if (path.startsWith(config.modelsPrefix)) event.respondWith(cacheFirst(req, MODELS));
    else if (path.startsWith(config.assetsPrefix)) event.respondWith(cacheFirst(req, RUNTIME));
    else event.respondWith(networkFirst(req, false));
  });
}
