import { describe, expect, it } from 'vitest';
import { isLazyFile, splitManifest } from './manifest-split';
import { MAX_PRECACHE_FILE_BYTES, sizedEntries } from './pwa-options';

describe('the build file list', () => {
  it('precaches every file but the .wasm, which is cached on first use with its build size', () => {
    const { precache, lazy } = splitManifest(
      [
        { url: 'index.html', revision: 'abc', bytes: 10 },
        { url: 'assets/LabPanel-1.js', revision: null, bytes: 2000 },
        { url: 'assets/index-2.css', revision: null, bytes: 30 },
        { url: 'assets/ort-wasm-simd-threaded.jsep-3.wasm', revision: null, bytes: 28_312_028 },
      ],
      'http://app.test/explorer/',
    );
    expect(precache).toEqual([
      { url: 'index.html', revision: 'abc' },
      { url: 'assets/LabPanel-1.js', revision: null },
      { url: 'assets/index-2.css', revision: null },
    ]);
    expect(lazy).toEqual([
      { url: 'http://app.test/explorer/assets/ort-wasm-simd-threaded.jsep-3.wasm', bytes: 28_312_028 },
    ]);
    expect(isLazyFile('assets/a.WASM')).toBe(true);
    expect(isLazyFile('assets/wasm.js')).toBe(false);
  });

  it('the manifest transform keeps each size as `bytes` and fails the build on a big non-.wasm file', () => {
    const { manifest } = sizedEntries([
      { url: 'a.js', revision: null, size: 5 },
      { url: 'b.wasm', revision: null, size: 9e7 },
    ]);
    expect(manifest.map((e) => e.bytes)).toEqual([5, 9e7]);
    expect(() => sizedEntries([{ url: 'big.js', revision: null, size: MAX_PRECACHE_FILE_BYTES + 1 }])).toThrow(
      /big\.js/,
    );
  });
});
