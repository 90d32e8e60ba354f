#!/usr/bin/env node
/**
 * A plain static file server for the built app (dist/), like a basic static host: files by path, index.html for
 * folders, Content-Type by extension, Content-Length, ETag / If-None-Match, no Vary, no rewrites, no special headers
 * unless asked. Used by e2e/offline.spec.ts to check offline support off `vite preview`; also handy by hand:
 *
 *   node scripts/static-server.mjs [--dir dist] [--port 4300] [--host 127.0.0.1] [--isolate]
 *
 * --isolate adds the COOP/COEP headers (multi-threaded WASM); without it the app runs single-threaded, as on a host
 * that cannot set headers.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.onnx': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts the server; resolves to { url, port, close() } once it listens. Port 0 picks a free port.
 * @param {{ dir?: string, port?: number, host?: string, isolate?: boolean }} [options]
 */
export function startStaticServer({ dir = 'dist', port = 0, host = '127.0.0.1', isolate = false } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let st;
    try {
      st = statSync(file);
      if (st.isDirectory()) {
        file = join(file, 'index.html');
        st = statSync(file);
      }
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(`${st.size}-${st.mtimeMs}`).digest('hex').slice(0, 16)}"`;
    const headers = {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(st.size),
      'Last-Modified': st.mtime.toUTCString(),
      ETag: etag,
      'Cache-Control': 'no-cache',
    };
    if (isolate)
      Object.assign(headers, {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({
        url: `http://${host}:${p}/`,
        port: p,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const port = Number(opt('port', '4300'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`static-server: --port must be an integer from 0 to 65535, got ${opt('port', '')}`);
    process.exit(2);
  }
  startStaticServer({
    dir: opt('dir', 'dist'),
    port,
    host: opt('host', '127.0.0.1'),
    isolate: args.includes('--isolate'),
  })
    .then((s) => console.log(`static-server: serving ${resolve(opt('dir', 'dist'))} at ${s.url}`))
    .catch((e) => {
      console.error(`static-server: ${e.message}`);
      process.exit(2);
    });
}
