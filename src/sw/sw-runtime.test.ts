import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cacheVersion, precacheList, serviceWorkerSource } from './sw-build';
import { installServiceWorker, type SwConfig } from './sw-runtime';
import { FakeScope } from './testing';

const BASE = 'http://app.test/explorer/';
const config = (version: string): SwConfig => ({
  version, precache: ['./', 'assets/index-abc.js', 'assets/engine.worker-def.js'], modelsPrefix: 'models/', assetsPrefix: 'assets/',
});

function siteScope(stores?: FakeScope['stores']): FakeScope {
  const sw = new FakeScope(stores);
  sw.files.set(BASE, '<html>shell v1</html>');
  sw.files.set(`${BASE}index.html`, '<html>shell v1</html>');
  sw.files.set(`${BASE}assets/index-abc.js`, 'app');
  sw.files.set(`${BASE}assets/engine.worker-def.js`, 'worker');
  sw.files.set(`${BASE}assets/ort-big.wasm`, 'wasm');
  sw.files.set(`${BASE}models/n29k.onnx`, 'model bytes');
  sw.files.set(`${BASE}models/manifest.json`, '{}');
  return sw;
}

async function installed(version = 'v1'): Promise<FakeScope> {
  const sw = siteScope();
  installServiceWorker(sw, config(version));
  await sw.lifecycle('install');
  await sw.lifecycle('activate');
  return sw;
}

describe('service worker', () => {
  it('precaches the shell and assets into a versioned cache', async () => {
    const sw = await installed();
    const shell = sw.stores.get('t2-explorer-shell-v1')!;
    expect([...shell.entries.keys()].sort()).toEqual([BASE, `${BASE}assets/engine.worker-def.js`, `${BASE}assets/index-abc.js`]);
  });

  it('works offline after one visit: any scenario link gets the shell, assets come from the cache', async () => {
    const sw = await installed();
    await (await sw.request(`${BASE}models/n29k.onnx`))!.text(); // a model fetched once while online
    sw.online = false;
    sw.fetched = [];
    const page = await sw.request(`${BASE}?v=1&n=7e9`, { mode: 'navigate' });
    expect(await page!.text()).toBe('<html>shell v1</html>');
    expect(await (await sw.request(`${BASE}assets/index-abc.js`))!.text()).toBe('app');
    expect(await (await sw.request(`${BASE}models/n29k.onnx`))!.text()).toBe('model bytes');
    await expect(sw.request(`${BASE}models/manifest.json`)!.then((r) => r!.text())).rejects.toThrow(/Failed to fetch/);
    // Only the page (network-first) and the never-fetched manifest tried the network.
    expect(sw.fetched).toEqual([`${BASE}?v=1&n=7e9`, `${BASE}models/manifest.json`]);
  });

  it('serves pages network-first (a new deploy shows at once) and keeps the newest shell for offline', async () => {
    const sw = await installed();
    sw.files.set(BASE, '<html>shell v2</html>');
    expect(await (await sw.request(BASE, { mode: 'navigate' }))!.text()).toBe('<html>shell v2</html>');
    sw.online = false;
    expect(await (await sw.request(`${BASE}?lesson=overtrain&step=2`, { mode: 'navigate' }))!.text()).toBe('<html>shell v2</html>');
  });

  it('caches hashed assets and models on first fetch, then serves them without the network', async () => {
    const sw = await installed();
    await (await sw.request(`${BASE}assets/ort-big.wasm`))!.text();
    await (await sw.request(`${BASE}models/n29k.onnx`))!.text();
    expect(sw.stores.get('t2-explorer-runtime-v1')!.entries.has(`${BASE}assets/ort-big.wasm`)).toBe(true);
    expect(sw.stores.get('t2-explorer-models-v1')!.entries.has(`${BASE}models/n29k.onnx`)).toBe(true);
    sw.fetched = [];
    await sw.request(`${BASE}assets/ort-big.wasm`);
    await sw.request(`${BASE}models/n29k.onnx`);
    expect(sw.fetched).toEqual([]);
  });

  it('does not cache errors', async () => {
    const sw = await installed();
    const res = await sw.request(`${BASE}assets/missing.js`);
    expect(res!.status).toBe(404);
    expect(sw.stores.get('t2-explorer-runtime-v1')?.entries.size ?? 0).toBe(0);
  });

  it('never touches other origins, other paths or non-GET requests', async () => {
    const sw = await installed();
    expect(await sw.request('https://cdn.example.com/lib.js')).toBeNull();
    expect(await sw.request('http://app.test/other/page')).toBeNull();
    expect(await sw.request(`${BASE}assets/index-abc.js`, { method: 'POST' })).toBeNull();
  });

  it('a new version deletes the old caches but keeps downloaded models', async () => {
    const old = await installed('v1');
    await (await old.request(`${BASE}models/n29k.onnx`))!.text();
    const sw = siteScope(old.stores);
    installServiceWorker(sw, config('v2'));
    await sw.lifecycle('install');
    await sw.lifecycle('activate');
    const names = [...sw.stores.keys()].sort();
    expect(names).toContain('t2-explorer-shell-v2');
    expect(names).toContain('t2-explorer-models-v1');
    expect(names.filter((n) => n.endsWith('-v1') && !n.includes('models'))).toEqual([]);
  });

  it('the generated sw.js is self-contained: it runs in an empty context and handles requests', async () => {
    const sw = siteScope();
    const source = serviceWorkerSource(config('v9'));
    runInNewContext(source, { self: sw, URL, Request, Response });
    await sw.lifecycle('install');
    expect(sw.stores.has('t2-explorer-shell-v9')).toBe(true);
    sw.online = false;
    expect(await (await sw.request(`${BASE}?n=1e9`, { mode: 'navigate' }))!.text()).toBe('<html>shell v1</html>');
  });
});

describe('precache list and version', () => {
  const opts = { maxBytes: 1000, swFileName: 'sw.js', lazyPrefixes: ['models/'] };
  it('takes built files and public files, skipping source maps, large files, models, dotfiles and itself', () => {
    const list = precacheList([
      { fileName: 'index.html', size: 1 }, { fileName: 'assets/index-1.js', size: 900 }, { fileName: 'assets/index-1.js.map', size: 5 },
      { fileName: 'assets/ort.wasm', size: 5000 }, { fileName: 'models/a.onnx', size: 10 }, { fileName: 'sw.js', size: 1 },
      { fileName: 'assets/app-2.css', size: 10 }, { fileName: 'favicon.svg', size: 10 }, { fileName: '.gitkeep', size: 0 },
    ], opts);
    expect(list).toEqual(['./', 'assets/app-2.css', 'assets/index-1.js', 'favicon.svg']);
  });

  it('the version changes with any file name or the page, and only then', () => {
    const a = cacheVersion(['./', 'assets/index-1.js', '<html>']);
    expect(cacheVersion(['./', 'assets/index-1.js', '<html>'])).toBe(a);
    expect(cacheVersion(['./', 'assets/index-2.js', '<html>'])).not.toBe(a);
    expect(cacheVersion(['./', 'assets/index-1.js', '<html> '])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{12}$/);
  });
});
