import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules the pure domain core must never import (architecture rule 1). */
const impureModules = [
  'react', 'react-dom', 'react-dom/client', 'zustand', 'comlink', 'd3-selection', 'onnxruntime-web',
  'onnxruntime-web/wasm', 'onnxruntime-web/webgpu', 'node:fs', 'fs', 'node:child_process', 'child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', '.reports/**', 'tools/zoo/work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name=/^(test|it|describe)$/][callee.property.name='only']",
        message: 'Do not commit .only',
      }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The domain core is pure: no UI, threads, network, timers or host objects.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts', 'src/domain/**/*.bench.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: impureModules.map((name) => ({ name, message: 'src/domain must stay pure (architecture rule 1).' })),
        patterns: [{ group: ['**/store/**', '**/components/**', '**/charts/**', '**/engine/**', '**/app/**', '**/inference/**'], message: 'src/domain must not import app layers.' }],
      }],
      'no-restricted-globals': ['error',
        ...['fetch', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'window', 'document',
          'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'XMLHttpRequest', 'Worker', 'performance', 'process']
          .map((name) => ({ name, message: `src/domain must stay pure: no ${name}.` })),
      ],
    },
  },
);
