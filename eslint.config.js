// Lint rules, including the layer rules of docs/architecture.md §2: a forbidden import fails `npm test`.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map(name => `node:${name}`)]

/**
 * A relative import that climbs out of its folder into one of these layer folders: `../../node/…`
 * from electron/, `../../../electron/node/…` from renderer/src.
 */
function layerPattern(layers, message) {
  return { regex: `^(\\.\\./)+(electron/)?(${layers.join('|')})(/|$)`, message }
}

/** no-restricted-imports for one layer: whole modules, some names of a module, other layers. */
function restrict({ modules = [], names = [], layers = [], builtins = false, message }) {
  return [
    'error',
    {
      paths: [
        ...modules.map(name => ({ name, message })),
        ...names.map(({ name, importNames, why }) => ({ name, importNames, message: why })),
        ...(builtins ? nodeBuiltins.map(name => ({ name, message })) : []),
      ],
      patterns: [
        ...(builtins ? [{ regex: '^node:', message }] : []),
        ...(layers.length > 0 ? [layerPattern(layers, message)] : []),
      ],
    },
  ]
}

// Electron's IPC ends each have one home: ipcMain in the IPC bridge, contextBridge and ipcRenderer
// in the preload (docs/architecture.md §2).
const ipcMainOutsideBridge = {
  name: 'electron',
  importNames: ['ipcMain'],
  why: 'only electron/main/ipc/serve-ipc.ts touches ipcMain; serve the contract through it.',
}
const rendererIpcOutsidePreload = {
  name: 'electron',
  importNames: ['contextBridge', 'ipcRenderer'],
  why: 'only electron/preload touches contextBridge and ipcRenderer.',
}

// The demo server (electron/demo) is imported by the `demo` command, web mode (which offers it
// with --demo) and tests; the desktop loads it from its own bundle (electron/main/on-demand-demo.ts).
const testFiles = layer => [
  `electron/${layer}/**/*.test.ts`,
  `electron/${layer}/**/testing/**/*.ts`,
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'coverage/**',
      'renderer/dist/**',
      'docs/**',
      '.electron-native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.main.json', './tsconfig.renderer.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
      curly: 'error',
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector:
            'CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name="only"]',
          message: 'No .only in committed tests.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['*.config.js', '*.config.ts', '*.config.cjs', 'renderer/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'react', 'react-dom', 'better-sqlite3'],
        layers: ['node', 'demo', 'main', 'preload', 'web', 'cli', 'renderer'],
        builtins: true,
        message: 'electron/common is isomorphic: it may import only zod and other common files.',
      }),
    },
  },
  {
    files: ['electron/node/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'react', 'react-dom'],
        layers: ['demo', 'main', 'preload', 'web', 'cli', 'renderer'],
        message:
          'electron/node is the core: no Electron, no faces, no demo server (docs/architecture.md §2).',
      }),
    },
  },
  {
    // The core's tests run against the demo server.
    files: testFiles('node'),
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'react', 'react-dom'],
        layers: ['main', 'preload', 'web', 'cli', 'renderer'],
        message: 'a test of the core may use the demo server, and no face.',
      }),
    },
  },
  {
    files: ['electron/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'react', 'react-dom', 'better-sqlite3'],
        layers: ['main', 'preload', 'web', 'cli', 'renderer'],
        message:
          'the demo server stands alone: common and the core only (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'react', 'react-dom'],
        layers: ['demo', 'main', 'preload', 'renderer'],
        message:
          'web mode and the CLI run without Electron, and only `hush demo` and web mode start the demo server (docs/architecture.md §2).',
      }),
    },
  },
  {
    // The `demo` command, web mode (which offers the demo, and starts it with --demo), and tests.
    files: [
      'electron/cli/commands/demo.ts',
      'electron/web/web-host.ts',
      ...testFiles('web'),
      ...testFiles('cli'),
    ],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'react', 'react-dom'],
        layers: ['main', 'preload', 'renderer'],
        message: 'web mode and the CLI run without Electron (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['react', 'react-dom'],
        names: [ipcMainOutsideBridge, rendererIpcOutsidePreload],
        layers: ['demo', 'preload', 'web', 'cli', 'renderer'],
        message:
          'the Electron shell wires the core; it does not import the faces, nor the demo server, which it loads from its own bundle (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['electron/main/ipc/serve-ipc.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['react', 'react-dom'],
        names: [rendererIpcOutsidePreload],
        layers: ['demo', 'preload', 'web', 'cli', 'renderer'],
        message:
          'the IPC bridge serves the core; it does not import the faces (docs/architecture.md §2).',
      }),
    },
  },
  {
    // Tests of the shell drive the preload's bridge against the main side's handlers over the
    // fake IPC pair (the conformance suite, the start-failure path, the smoke run).
    files: testFiles('main'),
    rules: {
      'no-restricted-imports': restrict({
        modules: ['react', 'react-dom'],
        names: [ipcMainOutsideBridge, rendererIpcOutsidePreload],
        layers: ['web', 'cli', 'renderer'],
        message: 'a test of the shell may join main and preload, nothing else.',
      }),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['electron-store', 'react', 'react-dom', 'zod'],
        names: [ipcMainOutsideBridge],
        layers: ['node', 'demo', 'main', 'web', 'cli', 'renderer'],
        builtins: true,
        message:
          'the preload only bridges the contract names to ipcRenderer (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict({
        modules: ['electron', 'electron-store', 'better-sqlite3'],
        layers: ['node', 'demo', 'main', 'preload', 'web', 'cli'],
        builtins: true,
        message:
          'the renderer talks to the core only through the bridge (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-lines': 'off' },
  },
  prettier,
)
