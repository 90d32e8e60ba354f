/**
 * The service worker's handling of the model zoo (public/models) and of the lab's large runtime files, written
 * against injected Cache Storage, fetch and sha256 so the unit tests run it in Node (./zoo-cache.test.ts):
 *
 * - zoo index files (models/manifest.json, models/tasks.json): network-first, revalidated with the server (a new
 *   deploy is seen at once), the last good copy served when the network fails;
 * - model bytes (models/*.onnx): served from the cache only after the copy matches the manifest's size and sha256
 *   (a bad copy is evicted and fetched afresh); a download is cached only when its length matches Content-Length
 *   (when uncompressed) and its bytes match the manifest's size and sha256. A bad download is passed on, never kept;
 * - lazy assets (the ~28 MB onnxruntime .wasm, not precached): cache-first, cached on first use only when the length
 *   matches the size recorded at build time.
 *
 * Every lookup ignores Vary (the files do not vary by request header; a server answering `Vary: Origin` would
 * otherwise make requests with an Origin header miss copies stored without one) and keys by URL without the query.
 */

/** What the handlers need from the worker's global scope (a fake in tests). */
export interface ZooCacheDeps {
  caches: CacheStorage;
  fetch: typeof fetch;
  /** Lower-case hex sha256 of the bytes. */
  sha256Hex(bytes: ArrayBuffer): Promise<string>;
}

/** Verified model bytes; v1 (the previous worker's, unchecked) is deleted on activate. */
export const MODELS_CACHE = 't2-explorer-models-v2';
/** The last good manifest.json and tasks.json. */
export const ZOO_INDEX_CACHE = 't2-explorer-zoo-index-v1';
/** Large build files cached on first use (the onnxruntime .wasm). */
export const LAZY_CACHE = 't2-explorer-lazy-v1';

const MATCH: CacheQueryOptions = { ignoreVary: true, ignoreSearch: true };

/** The URL without query or fragment: the cache key of every entry here. */
export function cacheKey(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

/**
 * Network-first with the cache as fallback: asks the server every time (revalidating any HTTP-cached copy), stores a
 * 200 answer, and serves the stored copy when the network fails or answers with a server error (5xx).
 */
export async function networkFirst(deps: ZooCacheDeps, request: Request, cacheName: string): Promise<Response> {
  const key = cacheKey(request.url);
  const cache = await deps.caches.open(cacheName);
  let res: Response;
  try {
    res = await deps.fetch(request.url, { cache: 'no-cache', credentials: 'same-origin' });
  } catch (err) {
    const hit = await cache.match(key, MATCH);
    if (hit) return hit;
    throw err;
  }
  if (res.status === 200) await cache.put(key, res.clone());
  else if (res.status >= 500) return (await cache.match(key, MATCH)) ?? res;
  return res;
}

/** What the manifest says about one model file. */
export interface ModelExpectation {
  bytes: number;
  sha256: string;
}

/**
 * The manifest entry of the model at `modelUrl`: from the last good manifest (the lab fetches manifest.json, network
 * first, before any model), else fetched now. Null when there is no readable manifest or it does not list the file.
 */
export async function expectedModel(
  deps: ZooCacheDeps,
  modelUrl: string,
  manifestUrl: string,
): Promise<ModelExpectation | null> {
  let res = await (await deps.caches.open(ZOO_INDEX_CACHE)).match(cacheKey(manifestUrl), MATCH);
  if (!res) {
    try {
      res = await networkFirst(deps, new Request(manifestUrl), ZOO_INDEX_CACHE);
    } catch {
      return null;
    }
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    return null;
  }
  const models = (json as { models?: unknown }).models;
  if (!Array.isArray(models)) return null;
  const want = cacheKey(modelUrl);
  for (const m of models as { file?: unknown; bytes?: unknown; sha256?: unknown }[]) {
    if (typeof m?.file !== 'string' || typeof m.bytes !== 'number' || typeof m.sha256 !== 'string') continue;
    if (cacheKey(new URL(m.file, manifestUrl).href) === want) return { bytes: m.bytes, sha256: m.sha256.toLowerCase() };
  }
  return null;
}

async function matches(deps: ZooCacheDeps, bytes: ArrayBuffer, want: ModelExpectation): Promise<boolean> {
  return bytes.byteLength === want.bytes && (await deps.sha256Hex(bytes)) === want.sha256;
}

/** True when an uncompressed response declares a length other than the bytes received. */
function lengthMismatch(res: Response, received: number): boolean {
  const declared = res.headers.get('content-length');
  const coding = (res.headers.get('content-encoding') ?? 'identity').toLowerCase();
  return declared !== null && coding === 'identity' && Number(declared) !== received;
}

function bytesResponse(bytes: ArrayBuffer, type: string | null, status = 200, statusText = 'OK'): Response {
  return new Response(bytes, {
    status,
    statusText,
    headers: { 'Content-Type': type ?? 'application/octet-stream', 'Content-Length': String(bytes.byteLength) },
  });
}

/**
 * A model file (models/*.onnx): a cached copy that matches the manifest, else the network. The download is cached
 * only when it matches Content-Length and the manifest (size, sha256); otherwise it is returned as received, so the
 * lab names the fault (its own check reports "truncated" or a checksum mismatch), and nothing bad is kept.
 */
export async function verifiedModel(deps: ZooCacheDeps, request: Request, manifestUrl: string): Promise<Response> {
  const key = cacheKey(request.url);
  const cache = await deps.caches.open(MODELS_CACHE);
  const want = await expectedModel(deps, request.url, manifestUrl);
  const hit = await cache.match(key, MATCH);
  if (hit) {
    const bytes = await hit.arrayBuffer().catch(() => null);
    if (want && bytes && (await matches(deps, bytes, want)))
      return bytesResponse(bytes, hit.headers.get('content-type'));
    await cache.delete(key, MATCH); // corrupt, truncated, or no longer in the manifest
  }
  const res = await deps.fetch(request.url, {
    credentials: 'same-origin',
    cache: request.cache === 'only-if-cached' ? 'default' : request.cache,
  });
  if (res.status !== 200 || !want) return res; // nothing to check it against: passed on, not cached
  const bytes = await res.arrayBuffer(); // a download that breaks off rejects here: a network error for the caller
  const type = res.headers.get('content-type');
  if (!lengthMismatch(res, bytes.byteLength) && (await matches(deps, bytes, want))) {
    await cache.put(key, bytesResponse(bytes.slice(0), type));
  }
  return bytesResponse(bytes, type, res.status, res.statusText);
}

/** A large build file cached on first use; `bytes` is its size at build time (null: unknown, then not checked). */
export interface LazyAsset {
  url: string;
  bytes: number | null;
}

/**
 * Cache-first for a lazy asset: a cached copy (stored only after its length matched) or the network; a download whose
 * length differs from the build's size or its own Content-Length is passed on and not cached.
 */
export async function lazyAsset(deps: ZooCacheDeps, request: Request, asset: LazyAsset): Promise<Response> {
  const key = cacheKey(request.url);
  const cache = await deps.caches.open(LAZY_CACHE);
  const hit = await cache.match(key, MATCH);
  if (hit) {
    const stored = Number(hit.headers.get('content-length'));
    if (asset.bytes === null || stored === asset.bytes) return hit;
    await cache.delete(key, MATCH);
  }
  const res = await deps.fetch(request.url, { credentials: 'same-origin' });
  if (res.status !== 200) return res;
  const bytes = await res.arrayBuffer();
  const type = res.headers.get('content-type');
  const good = !lengthMismatch(res, bytes.byteLength) && (asset.bytes === null || bytes.byteLength === asset.bytes);
  if (good) await cache.put(key, bytesResponse(bytes.slice(0), type));
  return bytesResponse(bytes, type, res.status, res.statusText);
}

/**
 * On activate: files the page loaded before this worker controlled it (the lab opened in the first seconds of the
 * first visit: the .wasm, the zoo index) are taken from the browser's HTTP cache into `cacheName`, without touching
 * the network (`cache: 'only-if-cached'`), when their length is the build's (if known). Returns the URLs adopted.
 */
export async function adoptFromHttpCache(
  deps: ZooCacheDeps,
  cacheName: string,
  assets: readonly LazyAsset[],
): Promise<string[]> {
  const cache = await deps.caches.open(cacheName);
  const adopted: string[] = [];
  for (const a of assets) {
    const key = cacheKey(a.url);
    if (await cache.match(key, MATCH)) continue;
    try {
      const res = await deps.fetch(a.url, { cache: 'only-if-cached', mode: 'same-origin', credentials: 'same-origin' });
      if (res.status !== 200) continue;
      const bytes = await res.arrayBuffer();
      if (lengthMismatch(res, bytes.byteLength) || (a.bytes !== null && bytes.byteLength !== a.bytes)) continue;
      await cache.put(key, bytesResponse(bytes, res.headers.get('content-type')));
      adopted.push(a.url);
    } catch {
      // not in the HTTP cache (only-if-cached fails instead of going to the network): cached on the next lab use
    }
  }
  return adopted;
}

/** The model lab's own Cache Storage (src/inference/lab-zoo.ts ZOO_CACHE; a unit test keeps the two equal). */
export const LAB_ZOO_CACHE = 't2-explorer-zoo-v1';

/** Whether the model lab has run on this device: its own cache holds at least one model. */
export async function labWasUsed(deps: ZooCacheDeps): Promise<boolean> {
  if (!(await deps.caches.has(LAB_ZOO_CACHE))) return false;
  return (await (await deps.caches.open(LAB_ZOO_CACHE)).keys()).length > 0;
}

/**
 * On activate, when the lab has run on this device: make sure what it needs offline is cached (the lazy .wasm and the
 * zoo index), taking each from the HTTP cache when it is there, else from the network (checked as on first use).
 * This covers a lab run before the worker controlled the page, and a new build whose .wasm changed. Failures are
 * left for the next lab use. Returns the URLs now cached.
 */
export async function warmLab(
  deps: ZooCacheDeps,
  lazy: readonly LazyAsset[],
  indexUrls: readonly string[],
): Promise<string[]> {
  if (!(await labWasUsed(deps))) return [];
  const done = [...(await adoptFromHttpCache(deps, LAZY_CACHE, lazy))];
  const cache = await deps.caches.open(LAZY_CACHE);
  for (const a of lazy) {
    if (await cache.match(cacheKey(a.url), MATCH)) continue;
    const res = await lazyAsset(deps, new Request(a.url), a).catch(() => null);
    if (res && (await cache.match(cacheKey(a.url), MATCH))) done.push(a.url);
  }
  for (const url of indexUrls) {
    const res = await networkFirst(deps, new Request(url), ZOO_INDEX_CACHE).catch(() => null);
    if (res?.status === 200) done.push(url);
  }
  return done;
}

/** Deletes lazy-cache entries that the current build does not list (a new onnxruntime version, say). */
export async function pruneLazy(deps: ZooCacheDeps, current: readonly LazyAsset[]): Promise<void> {
  const keep = new Set(current.map((a) => cacheKey(a.url)));
  const cache = await deps.caches.open(LAZY_CACHE);
  for (const req of await cache.keys()) if (!keep.has(cacheKey(req.url))) await cache.delete(req);
}

/** Caches of earlier versions of this worker: the hand-written one (shell/runtime per version, unchecked models). */
export function isLegacyCache(name: string): boolean {
  return /^t2-explorer-(shell|runtime)-/.test(name) || name === 't2-explorer-models-v1';
}
