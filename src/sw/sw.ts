/**
 * The service worker (built by vite-plugin-pwa's injectManifest into dist/sw.js; Workbox does the precaching).
 *
 * - install: precache every built file (all JS chunks, the lazily loaded lab, fit and export ones included, CSS,
 *   index.html) except the .wasm files, which are cached on first use; skipWaiting, so a new deploy takes over;
 * - activate: clientsClaim (the first visit is controlled at once, so what the lab fetches on that visit is cached),
 *   cleanupOutdatedCaches, removal of the hand-written worker's caches and of stale lazy files, and, when the lab has
 *   run on this device (its own cache holds a model), caching the .wasm and zoo index it needs offline (warmLab);
 * - fetch (same-origin GETs inside the scope only): pages network-first with the precached index.html offline;
 *   models/*.onnx verified against the manifest (./zoo-cache.ts); other models/* files network-first; .wasm
 *   cache-first; everything else from the precache. Lookups ignore Vary (see ./zoo-cache.ts).
 * - worker scripts it serves carry the page's Content-Security-Policy as a header (./csp.ts).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { policyFromHtml } from './csp';
import {
  isLegacyCache,
  lazyAsset,
  networkFirst,
  pruneLazy,
  verifiedModel,
  warmLab,
  ZOO_INDEX_CACHE,
  type LazyAsset,
  type ZooCacheDeps,
} from './zoo-cache';
import { splitManifest, type BuildEntry } from './manifest-split';

interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface WorkerScope {
  __WB_MANIFEST: BuildEntry[];
  registration: { scope: string };
  caches: CacheStorage;
  crypto: Crypto;
  fetch: typeof fetch;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
}

declare const self: WorkerScope;

const scope = new URL(self.registration.scope);
const deps: ZooCacheDeps = {
  caches: self.caches,
  fetch: (input, init) => self.fetch(input, init),
  sha256Hex: async (bytes) =>
    [...new Uint8Array(await self.crypto.subtle.digest('SHA-256', bytes))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(''),
};
const { precache: eager, lazy } = splitManifest(self.__WB_MANIFEST, scope.href);
const lazyByUrl = new Map<string, LazyAsset>(lazy.map((a) => [a.url, a]));
const manifestUrl = new URL('models/manifest.json', scope).href;

let policy: Promise<string | null> | null = null;
/** The CSP of the precached page, for the worker scripts (null when the page has none). */
function pagePolicy(): Promise<string | null> {
  policy ??= controller
    .matchPrecache('index.html')
    .then(async (res) => (res ? policyFromHtml(await res.text()) : null))
    .catch(() => null);
  return policy;
}

const controller = new PrecacheController({
  cacheName: 't2-explorer-precache-v2',
  plugins: [
    {
      handlerWillRespond: async ({ request, response }) => {
        if (request.destination !== 'worker' && request.destination !== 'sharedworker') return response;
        const csp = await pagePolicy();
        if (!csp || response.headers.has('content-security-policy')) return response;
        const headers = new Headers(response.headers);
        headers.set('Content-Security-Policy', csp);
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      },
    },
  ],
});
// Issue 11 item 1: `vite preview` answers `Vary: Origin`; module scripts are requested with an Origin header, the
// precache was filled without one, so the hand-written worker's cache.match(request) missed every script offline.
// Workbox looks precached files up by a Request it builds from the URL (it cannot carry Origin), which already avoids
// that; ignoreVary makes it independent of how the key is built. Built files do not vary by request header.
controller.strategy.matchOptions = { ignoreVary: true };
controller.precache(eager);

self.addEventListener('install', () => {
  void self.skipWaiting();
});
clientsClaim();
cleanupOutdatedCaches();
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await self.caches.keys()) if (isLegacyCache(name)) await self.caches.delete(name);
      await pruneLazy(deps, lazy);
      // The lab ran before this worker took control (or this build has a new .wasm): cache what it needs offline now.
      await warmLab(
        deps,
        lazy,
        ['manifest.json', 'tasks.json'].map((f) => new URL(`models/${f}`, scope).href),
      );
    })(),
  );
});

const inScope = (url: URL) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
const scopePath = (url: URL) => url.pathname.slice(scope.pathname.length);

// Pages: network-first (a new deploy shows at once); offline, the precached shell, for any scenario link.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && inScope(url),
  async ({ request }) => {
    try {
      return await self.fetch(request);
    } catch (err) {
      const shell = await controller.matchPrecache('index.html');
      if (shell) return shell;
      throw err;
    }
  },
);
registerRoute(
  ({ url }) => inScope(url) && /^models\/.+\.onnx$/.test(scopePath(url)),
  ({ request }) => verifiedModel(deps, request, manifestUrl),
);
registerRoute(
  ({ url }) => inScope(url) && scopePath(url).startsWith('models/'),
  ({ request }) => networkFirst(deps, request, ZOO_INDEX_CACHE),
);
registerRoute(
  ({ url }) => inScope(url) && lazyByUrl.has(url.origin + url.pathname),
  ({ request, url }) => lazyAsset(deps, request, lazyByUrl.get(url.origin + url.pathname)!),
);
registerRoute(new PrecacheRoute(controller, { ignoreURLParametersMatching: [/.*/], cleanURLs: false }));
