/**
 * The app's Content-Security-Policy (issue 11 item 18). Pure string functions shared by the build (./csp-plugin.ts
 * writes the policy into index.html as a <meta http-equiv>, with the sha256 of every inline script computed from the
 * built page) and the service worker (which puts the same policy on the worker scripts it serves, read back from the
 * cached page).
 */

/** The directives, in order; `hashes` are CSP source expressions such as 'sha256-…' for the inline scripts. */
export function contentSecurityPolicy(hashes: readonly string[]): string {
  return [
    "default-src 'self'",
    // Scripts only from the app's origin, the inline theme script by its hash, WebAssembly compilation for the lab.
    `script-src 'self' ${hashes.map((h) => `'${h}'`).join(' ')} 'wasm-unsafe-eval'`.replace(/ {2,}/g, ' '),
    "style-src 'self'",
    // data: the inline favicon ("data:,"); blob: PNG export previews.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The text of every inline classic or module <script> (no src attribute) in an HTML page, in order. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    out.push(m[2] ?? '');
  }
  return out;
}

const META_RE = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The <meta> element carrying `policy` (the policy holds no double quote or ampersand, so it needs no escaping). */
export function cspMeta(policy: string): string {
  if (/["&<>]/.test(policy)) throw new Error(`CSP: the policy must not contain " & < or >: ${policy}`);
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

/** The policy of a page's CSP <meta>, or null when it has none. */
export function policyFromHtml(html: string): string | null {
  return META_RE.exec(html)?.[1] ?? null;
}

/**
 * The page with its CSP <meta> (replacing any earlier one) placed right after <meta charset>, else at the start of
 * <head>: before any script, so the policy covers every script of the page. Throws when the page has no <head>.
 */
export function withCspMeta(html: string, policy: string): string {
  const page = html.replace(META_RE, '');
  const meta = cspMeta(policy);
  const charset = /<meta\s+charset=[^>]*>/i.exec(page);
  if (charset)
    return (
      page.slice(0, charset.index + charset[0].length) + `\n    ${meta}` + page.slice(charset.index + charset[0].length)
    );
  const head = /<head[^>]*>/i.exec(page);
  if (!head) throw new Error('CSP: the page has no <head> to put the policy in');
  return page.slice(0, head.index + head[0].length) + `\n    ${meta}` + page.slice(head.index + head[0].length);
}
