/**
 * Build-time side of the service worker (runs in Node inside Vite): which built files to precache, the cache
 * version, and the sw.js source.
 */
import { createHash } from 'node:crypto';
import { installServiceWorker, type SwConfig } from './sw-runtime.ts';

/** A built file: its path relative to the output folder and its size in bytes. */
export interface BuiltFile {
  fileName: string;
  size: number;
}

export interface PrecacheOptions {
  /** Files above this size are cached on first fetch instead (the model runtime's .wasm, ~28 MB). */
  maxBytes: number;
  /** The worker's own file name. */
  swFileName: string;
  /** Public folders cached on first fetch instead (models/). */
  lazyPrefixes: string[];
}

/** The precache list: './' (the shell), then every built file that is small enough and not lazy, sorted. */
export function precacheList(files: readonly BuiltFile[], o: PrecacheOptions): string[] {
  const picked = files
    .filter((f) => f.fileName !== o.swFileName && !f.fileName.endsWith('.map') && f.fileName !== 'index.html')
    .filter((f) => !f.fileName.split(/[\\/]/).some((part) => part.startsWith('.')))
    .filter((f) => f.size <= o.maxBytes && !o.lazyPrefixes.some((p) => f.fileName.startsWith(p)))
    .map((f) => f.fileName.replaceAll('\\', '/'))
    .sort();
  return ['./', ...new Set(picked)];
}

/** A short version that changes when any of the parts (file names, page text) changes. */
export function cacheVersion(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 12);
}

/** The text of sw.js: the runtime function applied to `self` with the config. */
export function serviceWorkerSource(config: SwConfig): string {
  return [
    `/* T² Explorer service worker, cache version ${config.version}. Generated at build time by src/sw/vite-plugin.ts. */`,
    `(${installServiceWorker.toString()})(self, ${JSON.stringify(config)});`,
    '',
  ].join('\n');
}
