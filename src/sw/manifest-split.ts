/**
 * Splits the build's file list (vite-plugin-pwa's injected `self.__WB_MANIFEST`, each entry given its size in bytes
 * by the manifest transform in ./pwa-options.ts) into what the service worker precaches on install and what it caches
 * on first use: the .wasm files (onnxruntime-web's ~28 MB runtime, needed only by the model lab).
 */

/** One built file as the manifest transform writes it: URL relative to the scope, Workbox revision, size. */
export interface BuildEntry {
  url: string;
  revision?: string | null;
  /** Size in bytes at build time. */
  bytes?: number;
}

/** Files cached on first use rather than on install. */
export const isLazyFile = (url: string): boolean => /\.wasm$/i.test(new URL(url, 'http://x/').pathname);

/** Precache entries (url, revision) and lazy assets (absolute url, build size) of the manifest. */
export function splitManifest(
  entries: readonly BuildEntry[],
  scope: string,
): {
  precache: { url: string; revision: string | null }[];
  lazy: { url: string; bytes: number | null }[];
} {
  const precache: { url: string; revision: string | null }[] = [];
  const lazy: { url: string; bytes: number | null }[] = [];
  for (const e of entries) {
    if (isLazyFile(e.url))
      lazy.push({ url: new URL(e.url, scope).href, bytes: typeof e.bytes === 'number' ? e.bytes : null });
    else precache.push({ url: e.url, revision: e.revision ?? null });
  }
  return { precache, lazy };
}
