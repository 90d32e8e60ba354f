/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cspPlugin } from './src/sw/csp-plugin.ts';
import { pwaOptions } from './src/sw/pwa-options.ts';

/** Cross-origin isolation so onnxruntime-web can use multi-threaded WASM (SharedArrayBuffer). */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin(), VitePWA(pwaOptions)],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'workers/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The features' URL hooks (src/store/url/field-codecs.ts), as src/main.tsx registers them.
    setupFiles: ['src/app/register-hooks.ts', 'src/testing/fast-check-setup.ts'],
    testTimeout: 30_000,
    benchmark: { include: ['src/**/*.bench.ts', 'bench/**/*.bench.ts'] },
  },
});
