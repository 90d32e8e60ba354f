/**
 * Vite plugin (build only) that writes sw.js next to index.html: the precache list is the built bundle (hashed assets,
 * worker chunks, CSS) plus public files, except the big model runtime .wasm and public/models/*, which are cached on
 * first fetch. The cache version hashes the list and index.html, so every build that changes a file gets new caches.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { cacheVersion, precacheList, serviceWorkerSource, type BuiltFile } from './sw-build.ts';

export const SW_FILE_NAME = 'sw.js';

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function serviceWorkerPlugin(options: { maxPrecacheBytes?: number } = {}): Plugin {
  let publicDir = '';
  return {
    name: 't2-explorer:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_output, bundle) {
      const built: BuiltFile[] = Object.values(bundle).map((f) => ({
        fileName: f.fileName,
        size: f.type === 'chunk' ? Buffer.byteLength(f.code) : typeof f.source === 'string' ? Buffer.byteLength(f.source) : f.source.byteLength,
      }));
      const pub: BuiltFile[] = publicDir
        ? walk(publicDir).map((p) => ({ fileName: relative(publicDir, p).replaceAll('\\', '/'), size: statSync(p).size }))
        : [];
      const precache = precacheList([...built, ...pub], {
        maxBytes: options.maxPrecacheBytes ?? 3_000_000, swFileName: SW_FILE_NAME, lazyPrefixes: ['models/'],
      });
      const page = bundle['index.html'];
      const pageText = page && page.type === 'asset' ? String(page.source) : '';
      const version = cacheVersion([...precache, pageText]);
      this.emitFile({
        type: 'asset',
        fileName: SW_FILE_NAME,
        source: serviceWorkerSource({ version, precache, modelsPrefix: 'models/', assetsPrefix: 'assets/' }),
      });
    },
  };
}
