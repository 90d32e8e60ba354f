import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.mjs';

describe('scripts/static-server.mjs (a plain static host for dist/)', () => {
  let dir: string;
  let plain: StaticServer;
  let isolated: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 't2-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>hi</p>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'a.js'), 'export const a = 1;');
    writeFileSync(join(dir, 'assets', 'm.wasm'), Buffer.from([0, 97, 115, 109]));
    plain = await startStaticServer({ dir, port: 0 });
    isolated = await startStaticServer({ dir, port: 0, isolate: true });
  });
  afterAll(async () => {
    await plain.close();
    await isolated.close();
  });

  it('serves files with type and length, index.html for the root and queries, and no Vary or COOP/COEP', async () => {
    const js = await fetch(`${plain.url}assets/a.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-length')).toBe('19');
    expect(js.headers.get('vary')).toBeNull();
    expect(js.headers.get('cross-origin-embedder-policy')).toBeNull();
    expect(await js.text()).toBe('export const a = 1;');
    expect(await (await fetch(`${plain.url}?v=1&n=7e9`)).text()).toContain('<p>hi</p>');
    expect((await fetch(`${plain.url}assets/m.wasm`)).headers.get('content-type')).toBe('application/wasm');
  });

  it('answers 404 for missing files, 403 outside the folder, 405 for other methods, 304 on a matching ETag', async () => {
    expect((await fetch(`${plain.url}nope.js`)).status).toBe(404);
    expect((await fetch(`${plain.url}..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403); // decoded after URL parsing
    expect((await fetch(`${plain.url}%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404); // the URL parser keeps it inside
    expect((await fetch(plain.url, { method: 'POST' })).status).toBe(405);
    const etag = (await fetch(`${plain.url}assets/a.js`)).headers.get('etag')!;
    expect((await fetch(`${plain.url}assets/a.js`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('--isolate adds the cross-origin isolation headers', async () => {
    const res = await fetch(`${isolated.url}assets/a.js`);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });
});
