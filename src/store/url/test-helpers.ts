/** A recording URL host for sync tests: every history write is logged as "push <url>" / "replace <url>". */
import type { UrlHost } from './sync';

export function recordingHost(initial: string): { host: UrlHost; calls: string[]; search: () => string } {
  const calls: string[] = [];
  let search = initial;
  const host: UrlHost = {
    location: {
      pathname: '/',
      hash: '',
      get search() {
        return search;
      },
      get href() {
        return `http://x/${search}`;
      },
    },
    history: {
      pushState: (_d, _u, url) => {
        calls.push(`push ${url}`);
        search = url.slice(1);
      },
      replaceState: (_d, _u, url) => {
        calls.push(`replace ${url}`);
        search = url.slice(1);
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  return { host, calls, search: () => search };
}
