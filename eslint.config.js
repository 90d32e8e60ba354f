import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules the pure domain core must never import (architecture rule 1). */
const impureModules = [
  'react',
  'react-dom',
  'react-dom/client',
  'zustand',
  'comlink',
  'd3-selection',
  'onnxruntime-web',
  'onnxruntime-web/wasm',
  'onnxruntime-web/webgpu',
  'node:fs',
  'fs',
  'node:child_process',
  'child_process',
];

/** Test files and benches may cross fences (they compose layers on purpose); the fences hold for shipped code. */
const TESTS = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.bench.ts',
  '**/*.fixtures.ts',
  '**/testing/**',
  '**/fixtures.ts',
  '**/test-helpers.ts',
  '**/test-io.ts',
  '**/gradient-check.test-helper.ts',
];

/** Specifier patterns for one of src/'s folders, from anywhere below src/ or from workers/ ('../store/context', '../../byod/types'). */
const folder = (name) => [
  ...['../', '../../', '../../../'].flatMap((up) => [`${up}${name}`, `${up}${name}/**`]),
  `**/src/${name}`,
  `**/src/${name}/**`,
];

/**
 * Fences every folder holds (architecture rule 13; each folder's README says the same in prose): no static import of
 * onnxruntime-web outside src/inference/session.ts, and nothing outside src/inference imports session.ts statically
 * (the model lab reaches it through a dynamic import(), so the runtime stays out of the page bundle).
 */
const everywhere = {
  paths: ['onnxruntime-web', 'onnxruntime-web/wasm', 'onnxruntime-web/webgpu'].map((name) => ({
    name,
    message: 'onnxruntime-web is imported only by src/inference/session.ts (the lab loads it lazily).',
  })),
  patterns: [
    {
      group: ['**/inference/session'],
      message:
        'src/inference/session.ts is reached only through a dynamic import() (onnxruntime-web stays out of the page bundle).',
    },
  ],
};

/**
 * One config block: `files` may not import the folders in `forbid` (their READMEs' "may import" lines);
 * `typesOnly` folders may be imported with `import type` only. Flat config does not merge one rule's options across
 * blocks, so each block carries the shared fences too.
 */
function fence(files, { forbid = [], typesOnly = [], paths = [], extra = [], why, ignores = [] }) {
  const patterns = [
    ...everywhere.patterns,
    ...(forbid.length ? [{ group: forbid.flatMap(folder), message: why }] : []),
    ...(typesOnly.length
      ? [{ group: typesOnly.flatMap(folder), allowTypeImports: true, message: `${why} (types only)` }]
      : []),
    ...extra,
  ];
  return {
    files,
    ignores: [...TESTS, ...ignores],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [...everywhere.paths, ...paths], patterns }],
    },
  };
}

const FEATURES = ['byod', 'lab', 'teaching', 'export', 'compare'];

const NO_ONLY = {
  selector: "CallExpression[callee.object.name=/^(test|it|describe)$/][callee.property.name='only']",
  message: 'Do not commit .only',
};
/** History is written in one place (src/store/url/sync.ts): features register a URL section instead. */
export const ONE_URL_WRITER = {
  selector: 'CallExpression[callee.property.name=/^(pushState|replaceState)$/]',
  message: 'Only src/store/url/sync.ts writes history: register a URL section (src/store/url/sections.ts) instead.',
};

/** The fences, folder by folder (dependencies point down: domain ← engine ← store ← features ← app). */
export const fences = [
  fence(['src/**/*.{ts,tsx}', 'workers/**/*.ts'], { why: 'fence', ignores: ['src/inference/session.ts'] }),
  fence(['src/engine/**/*.{ts,tsx}'], {
    forbid: ['store', 'components', 'charts', 'app', 'inference', ...FEATURES],
    paths: [{ name: 'react', message: 'src/engine must not import React.' }],
    why: 'src/engine may import src/domain and comlink only (src/engine/README.md).',
  }),
  fence(['src/store/**/*.{ts,tsx}'], {
    forbid: ['components', 'charts', 'app', 'inference', ...FEATURES],
    typesOnly: ['engine'],
    why: 'src/store may import src/domain and engine types; features register hooks instead (src/store/README.md).',
  }),
  fence(['src/charts/**/*.{ts,tsx}'], {
    forbid: ['store', 'components', 'app', 'inference', 'workers', ...FEATURES],
    typesOnly: ['engine'],
    paths: [{ name: 'd3-selection', message: 'React owns the DOM: no d3-selection in src/charts.' }],
    why: 'src/charts takes plain data: engine types, domain formatting (src/charts/README.md).',
  }),
  fence(['src/components/**/*.{ts,tsx}'], {
    forbid: ['charts', 'app', 'inference', 'byod', 'lab', 'export'],
    typesOnly: ['engine'],
    why: 'src/components may import src/domain, src/store and the presenter hook of src/teaching (src/components/README.md).',
  }),
  fence(['src/inference/**/*.{ts,tsx}'], {
    forbid: ['store', 'components', 'charts', 'app', 'engine', ...FEATURES],
    paths: [{ name: 'react', message: 'src/inference must not import React.' }],
    why: 'src/inference may import src/domain only (src/inference/README.md).',
    ignores: ['src/inference/session.ts'],
  }),
  fence(['src/inference/client.ts'], {
    forbid: ['store', 'components', 'charts', 'app', ...FEATURES],
    extra: [
      {
        group: [
          '../engine/*',
          '../engine/**/*',
          '**/src/engine/*',
          '!../engine/worker-bridge',
          '!**/src/engine/worker-bridge',
        ],
        message: 'src/inference/client.ts may import src/engine/worker-bridge.ts only (the one worker bridge).',
      },
      {
        group: ['./lab-api', './session'],
        allowTypeImports: true,
        message: 'the page takes the worker API as a type only (the worker loads it).',
      },
    ],
    why: 'src/inference may import src/domain and the one worker bridge, src/engine/worker-bridge.ts (src/inference/README.md).',
  }),
  fence(['src/compare/**/*.{ts,tsx}'], {
    forbid: ['charts', 'components', 'app', 'inference', 'byod', 'lab', 'teaching', 'export', 'papers'],
    typesOnly: ['engine'],
    why: 'src/compare may import src/domain, engine types and src/store (src/compare/README.md).',
  }),
  fence(['src/byod/**/*.{ts,tsx}'], {
    forbid: ['charts', 'components', 'app', 'inference', 'lab', 'teaching'],
    extra: [
      {
        group: ['**/export/**', '!**/export/download'],
        message: 'src/byod may import src/export/download.ts only (src/byod/README.md).',
      },
    ],
    why: 'src/byod may import src/domain, src/engine, src/store, src/export/download.ts (src/byod/README.md).',
  }),
  fence(['src/lab/**/*.{ts,tsx}'], {
    forbid: ['charts', 'components', 'app', 'teaching'],
    extra: [
      {
        group: ['**/export/**', '!**/export/download'],
        message: 'src/lab may import src/export/download.ts only (src/lab/README.md).',
      },
    ],
    why: 'src/lab may import src/domain, src/engine, src/store, src/inference, src/byod (src/lab/README.md).',
    ignores: [
      'src/lab/LabSection.tsx',
      'src/lab/hooks.ts',
      'src/lab/storage.ts',
      'src/lab/sync.ts',
      'src/lab/export-logic.ts',
      'src/lab/records-logic.ts',
    ],
  }),
  // What the app shell loads at start must not reach the inference runtime: the panel comes through lazy().
  fence(
    [
      'src/lab/LabSection.tsx',
      'src/lab/hooks.ts',
      'src/lab/storage.ts',
      'src/lab/sync.ts',
      'src/lab/export-logic.ts',
      'src/lab/records-logic.ts',
    ],
    {
      forbid: ['charts', 'components', 'app', 'teaching'],
      extra: [
        {
          group: ['**/export/**', '!**/export/download'],
          message: 'src/lab may import src/export/download.ts only (src/lab/README.md).',
        },
        {
          group: ['./LabPanel', './useLab', '**/inference/lab-api', '**/inference/client'],
          allowTypeImports: true,
          message: "the lab's start-up modules load the panel and the inference worker lazily (src/lab/README.md).",
        },
      ],
      why: 'src/lab may import src/domain, src/engine, src/store, src/inference, src/byod (src/lab/README.md).',
    },
  ),
  fence(['src/teaching/**/*.{ts,tsx}'], {
    forbid: ['charts', 'components', 'app', 'inference', 'byod', 'lab', 'engine'],
    typesOnly: ['export'],
    why: 'src/teaching may import src/domain, src/store, export types (src/teaching/README.md).',
  }),
  fence(['src/export/**/*.{ts,tsx}'], {
    forbid: ['components', 'app', 'inference', 'byod', 'lab'],
    typesOnly: ['engine'],
    why: 'src/export may import src/domain, src/store, src/charts builders, src/teaching presets, src/compare rows, engine types (src/export/README.md).',
  }),
  fence(['src/app/**/*.{ts,tsx}'], {
    forbid: ['inference', 'cli'],
    typesOnly: ['domain'],
    why: 'src/app composes the panels; it does not compute with the domain (src/app/README.md).',
  }),
  fence(['src/cli/**/*.ts'], {
    forbid: ['store', 'components', 'charts', 'engine', 'app', 'inference', ...FEATURES],
    why: 'src/cli may import src/domain and node: built-ins only (src/cli/README.md).',
  }),
  fence(['workers/**/*.ts'], {
    forbid: ['store', 'components', 'charts', 'app', ...FEATURES],
    why: 'workers are glue only: expose the engine or inference API (architecture rule 2).',
  }),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/**',
      'test-results/**',
      'playwright-report/**',
      '.reports/**',
      'tools/zoo/work/**',
      'lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_ONLY],
    },
  },
  // One URL writer (architecture rule 13): only src/store/url/sync.ts writes history; a feature registers a URL
  // section (src/store/url/sections.ts) instead.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...TESTS, 'src/store/url/sync.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_ONLY, ONE_URL_WRITER] },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...fences,
  {
    // The domain core is pure: no UI, threads, network, timers or host objects.
    files: ['src/domain/**/*.ts'],
    ignores: TESTS,
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: impureModules.map((name) => ({ name, message: 'src/domain must stay pure (architecture rule 1).' })),
          patterns: [
            {
              group: ['store', 'components', 'charts', 'engine', 'app', 'inference', 'cli', ...FEATURES].flatMap(
                folder,
              ),
              message: 'src/domain must not import app layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'fetch',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'requestAnimationFrame',
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'XMLHttpRequest',
          'Worker',
          'performance',
          'process',
        ].map((name) => ({ name, message: `src/domain must stay pure: no ${name}.` })),
      ],
    },
  },
);
