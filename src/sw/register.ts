/**
 * Registers the service worker (./sw.js beside index.html) in production builds only; in development Vite serves
 * modules that must not be cached. Failures are reported, never thrown: the app works without offline support.
 */
export interface RegisterOptions {
  production: boolean;
  /** navigator (a fake in tests). */
  nav?: { serviceWorker?: { register(url: string, options?: { scope?: string }): Promise<unknown> } };
  /** The page's base URL (document.baseURI). */
  baseUrl: string;
  onError?: (message: string) => void;
}

export async function registerServiceWorker(o: RegisterOptions): Promise<boolean> {
  if (!o.production || !o.nav?.serviceWorker) return false;
  const url = new URL('sw.js', o.baseUrl).href;
  try {
    await o.nav.serviceWorker.register(url, { scope: new URL('./', o.baseUrl).href });
    return true;
  } catch (e) {
    o.onError?.(`Offline support is unavailable: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
