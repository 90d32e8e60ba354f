/**
 * Vite plugin (build only) that writes the Content-Security-Policy into the built index.html as a <meta http-equiv>,
 * with the sha256 of each inline script computed from the page as built: editing the theme script changes its hash
 * in the same build, so the policy can never silently block it. `vite preview` also sends the built page's policy as a
 * response header on every file, so the worker scripts get it too (a meta tag covers only the page).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, inlineScripts, policyFromHtml, withCspMeta } from './csp.ts';

/** CSP source expression of a script's text: sha256 of its UTF-8 bytes, base64. */
export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The page with the policy for its own inline scripts; throws if any script would come before the policy. */
export function applyCsp(html: string): string {
  const policy = contentSecurityPolicy(inlineScripts(html).map(scriptHash));
  const out = withCspMeta(html, policy);
  const meta = out.indexOf('http-equiv="Content-Security-Policy"');
  const script = out.search(/<script\b/i);
  if (script >= 0 && script < meta) throw new Error('CSP: a <script> comes before the policy <meta> in index.html');
  return out;
}

export function cspPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 't2-explorer:csp',
    // Build and `vite preview` only: the dev server injects inline scripts (React refresh) that the policy would block.
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    transformIndexHtml: { order: 'post', handler: (html) => applyCsp(html) },
    configurePreviewServer(server) {
      let policy: string | null = null;
      try {
        policy = policyFromHtml(readFileSync(join(outDir, 'index.html'), 'utf8'));
      } catch {
        policy = null; // no build yet: preview shows its own error
      }
      if (!policy) return;
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
