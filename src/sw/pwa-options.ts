/**
 * vite-plugin-pwa settings (injectManifest: our own src/sw/sw.ts, with Workbox's precaching, gets the build's file
 * list injected as self.__WB_MANIFEST). Every built file is listed with its size (the manifest transform); the
 * service worker precaches all but the .wasm, which it caches on first lab use (./manifest-split.ts). Models
 * (public/models) are not listed: the worker caches each one the lab fetches, after checking it (./zoo-cache.ts).
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** Above this, a non-.wasm file fails the build: precaching it would cost every first visit that much. */
export const MAX_PRECACHE_FILE_BYTES = 3_000_000;

type Entry = { url: string; revision: string | null; size: number };

/** The manifest transform: adds `bytes` (kept in the injected list; Workbox strips `size`), guards the size. */
export function sizedEntries(entries: Entry[]): { manifest: (Entry & { bytes: number })[]; warnings: string[] } {
  const tooBig = entries.filter((e) => !/\.wasm$/i.test(e.url) && e.size > MAX_PRECACHE_FILE_BYTES);
  if (tooBig.length > 0) {
    throw new Error(
      `service worker: files over ${MAX_PRECACHE_FILE_BYTES} bytes would be precached: ${tooBig.map((e) => `${e.url} (${e.size})`).join(', ')}`,
    );
  }
  return { manifest: entries.map((e) => ({ ...e, bytes: e.size })), warnings: [] };
}

export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'sw.ts',
  injectRegister: false, // src/sw/register.ts registers ./sw.js in production builds
  manifest: false,
  injectManifest: {
    rollupFormat: 'iife',
    globPatterns: ['**/*.{js,mjs,css,html,wasm,svg,png,ico,txt,webmanifest}'],
    globIgnores: ['models/**', '**/*.map', 'sw.js'],
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    manifestTransforms: [async (entries) => sizedEntries(entries as Entry[])],
  },
};
