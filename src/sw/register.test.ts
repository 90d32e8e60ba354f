import { describe, expect, it } from 'vitest';
import { registerServiceWorker } from './register';

describe('registerServiceWorker', () => {
  it('registers ./sw.js with the app folder as scope in production only', async () => {
    const calls: [string, unknown][] = [];
    const nav = {
      serviceWorker: {
        register: async (url: string, o?: unknown) => {
          calls.push([url, o]);
        },
      },
    };
    expect(await registerServiceWorker({ production: false, nav, baseUrl: 'http://x.test/app/?n=1' })).toBe(false);
    expect(calls).toEqual([]);
    expect(await registerServiceWorker({ production: true, nav, baseUrl: 'http://x.test/app/?n=1' })).toBe(true);
    expect(calls).toEqual([['http://x.test/app/sw.js', { scope: 'http://x.test/app/' }]]);
  });

  it('reports a failure instead of throwing, and skips browsers without service workers', async () => {
    const errors: string[] = [];
    const nav = {
      serviceWorker: {
        register: async () => {
          throw new Error('denied');
        },
      },
    };
    expect(
      await registerServiceWorker({ production: true, nav, baseUrl: 'http://x.test/', onError: (m) => errors.push(m) }),
    ).toBe(false);
    expect(errors).toEqual(['Offline support is unavailable: denied']);
    expect(await registerServiceWorker({ production: true, nav: {}, baseUrl: 'http://x.test/' })).toBe(false);
  });
});
