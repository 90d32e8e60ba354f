import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCsp, scriptHash } from './csp-plugin';
import { contentSecurityPolicy, cspMeta, inlineScripts, policyFromHtml, withCspMeta } from './csp';

const page = (script: string) =>
  `<!doctype html><html><head>\n<meta charset="UTF-8" />\n<title>x</title>\n<script>${script}</script>\n<script type="module" crossorigin src="./assets/index-1.js"></script>\n</head><body></body></html>`;
const b64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('Content-Security-Policy', () => {
  it('is strict: self-only scripts plus the given hashes and wasm-unsafe-eval, no unsafe-inline or unsafe-eval', () => {
    const p = contentSecurityPolicy(['sha256-abc=']);
    const d = Object.fromEntries(p.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
    expect(d['script-src']).toEqual(["'self'", "'sha256-abc='", "'wasm-unsafe-eval'"]);
    for (const k of ['connect-src', 'worker-src', 'default-src', 'style-src']) expect(d[k]).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'self'"]);
    expect(p).not.toMatch(/unsafe-inline|[^-]unsafe-eval|\*/);
    // Directives a <meta> policy may not carry (they would only log console errors).
    expect(p).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });

  it('finds inline scripts only (not those with src)', () => {
    expect(inlineScripts(page('var a = 1;'))).toEqual(['var a = 1;']);
    expect(inlineScripts('<script src="x.js"></script><SCRIPT type="module">b()</SCRIPT >')).toEqual(['b()']);
  });

  it('hashes each inline script of the page as built: editing the script changes the hash in the same build', () => {
    const a = applyCsp(page('var t = 1;'));
    const b = applyCsp(page('var t = 2;'));
    expect(policyFromHtml(a)).toContain(`'sha256-${b64('var t = 1;')}'`);
    expect(policyFromHtml(b)).toContain(`'sha256-${b64('var t = 2;')}'`);
    expect(policyFromHtml(b)).not.toContain(b64('var t = 1;'));
    expect(scriptHash('x')).toBe(`sha256-${b64('x')}`);
  });

  it('puts the policy right after <meta charset>, before every script, replacing an earlier policy', () => {
    const out = applyCsp(page('x()'));
    expect(out.indexOf('Content-Security-Policy')).toBeGreaterThan(out.indexOf('charset'));
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
    const twice = applyCsp(out);
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(withCspMeta('<html><head><title>t</title></head></html>', "default-src 'self'")).toContain(
      `<head>\n    ${cspMeta("default-src 'self'")}`,
    );
  });

  it('refuses a page where a script would run before the policy, or with no <head>', () => {
    expect(() => applyCsp('<html><head><script>a()</script><meta charset="UTF-8"></head></html>')).toThrow(
      /before the policy/,
    );
    expect(() => withCspMeta('<p>no head</p>', "default-src 'self'")).toThrow(/no <head>/);
    expect(() => cspMeta('a"b')).toThrow();
  });

  it('the shipped index.html gets a policy that names the hash of its theme script', () => {
    const src = readFileSync('index.html', 'utf8');
    const scripts = inlineScripts(src);
    expect(scripts.length).toBe(1);
    expect(policyFromHtml(applyCsp(src))).toContain(`'sha256-${b64(scripts[0]!)}'`);
  });
});
