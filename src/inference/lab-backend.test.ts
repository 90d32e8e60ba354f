import { describe, expect, it } from 'vitest';
import {
  browserName,
  chooseBackend,
  describeAdapter,
  fallbackAfterWebGpuFailure,
  wasmThreadCount,
} from './lab-backend';

const base = { crossOriginIsolated: true, hardwareConcurrency: 8 };

describe('lab backend choice', () => {
  it('WebGPU when an adapter is there (auto or forced)', () => {
    expect(chooseBackend({ ...base, preference: 'auto', gpu: 'adapter' })).toEqual({
      backend: 'webgpu',
      threads: 4,
      fallbackReason: null,
    });
    expect(chooseBackend({ ...base, preference: 'webgpu', gpu: 'adapter' }).backend).toBe('webgpu');
  });

  it('WASM when forced, with no reason to give', () => {
    expect(chooseBackend({ ...base, preference: 'wasm', gpu: 'adapter' })).toEqual({
      backend: 'wasm',
      threads: 4,
      fallbackReason: null,
    });
  });

  it('falls back to WASM and says why', () => {
    const none = chooseBackend({ ...base, preference: 'webgpu', gpu: 'none' });
    expect(none.backend).toBe('wasm');
    expect(none.fallbackReason).toMatch(/navigator\.gpu is missing/);
    const noAdapter = chooseBackend({ ...base, preference: 'auto', gpu: 'no-adapter', gpuError: 'blocklisted' });
    expect(noAdapter.fallbackReason).toMatch(/no WebGPU adapter was offered \(blocklisted\)/);
    const failed = fallbackAfterWebGpuFailure(
      chooseBackend({ ...base, preference: 'auto', gpu: 'adapter' }),
      new Error('device lost'),
    );
    expect(failed).toEqual({ backend: 'wasm', threads: 4, fallbackReason: 'WebGPU failed (device lost); ran on WASM' });
  });

  it('one thread without cross-origin isolation; at most 4 otherwise', () => {
    expect(wasmThreadCount(false, 16)).toBe(1);
    expect(wasmThreadCount(true, 2)).toBe(2);
    expect(wasmThreadCount(true, 64)).toBe(4);
    expect(wasmThreadCount(true, Number.NaN)).toBe(1);
  });

  it('names the adapter, a fallback adapter as software', () => {
    expect(describeAdapter({ vendor: 'google', architecture: 'swiftshader', description: '' }, true)).toBe(
      'software adapter (google swiftshader)',
    );
    expect(describeAdapter({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100' }, false)).toBe(
      'nvidia hopper (NVIDIA H100)',
    );
    expect(describeAdapter(undefined, false)).toBe('unnamed adapter');
  });

  it('reads the browser from the user agent', () => {
    expect(
      browserName(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
      ),
    ).toBe('Headless Chrome 140');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128');
    expect(
      browserName('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'),
    ).toBe('Safari 17');
    expect(browserName('')).toBe('unknown browser');
  });

  it('auto does not pick a software fallback adapter: WASM, naming the adapter; forcing WebGPU still uses it', () => {
    const sw = {
      ...base,
      gpu: 'adapter' as const,
      gpuFallbackAdapter: true,
      gpuAdapterName: 'software adapter (google swiftshader)',
    };
    const auto = chooseBackend({ ...sw, preference: 'auto' });
    expect(auto.backend).toBe('wasm');
    expect(auto.fallbackReason).toContain('software fallback (software adapter (google swiftshader))');
    expect(auto.fallbackReason).toContain('ran on WASM');
    expect(chooseBackend({ ...sw, preference: 'webgpu' })).toEqual({
      backend: 'webgpu',
      threads: 4,
      fallbackReason: null,
    });
    expect(chooseBackend({ ...sw, gpuFallbackAdapter: false, preference: 'auto' }).backend).toBe('webgpu');
  });
});
