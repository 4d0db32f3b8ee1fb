// Lint rules, including the layer rules of docs/architecture.md §2: a forbidden import fails `npm test`.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map(name => `node:${name}`)]

/** A relative import that climbs out of its layer into another layer folder. */
function layerPattern(layers, message) {
  return { regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message }
}

/** no-restricted-imports for one layer. */
function restrict({ modules = [], layers = [], builtins = false, message }) {
  return [
    'error',
    {
      paths: [
        ...modules.map(name => ({ name, message })),
        ...(builtins ? nodeBuiltins.map(name => ({ name, message })) : []),
      ],
      patterns: [
        ...(builtins ? [{ regex: '^node:', message }] : []),
        ...(layers.length > 0 ? [layerPattern(layers, message)] : []),
      ],
    },
  ]
}

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
        layers: ['node', 'main', 'preload', 'web', 'cli', 'renderer'],
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
        layers: ['main', 'preload', 'web', 'cli', 'renderer'],
        message: 'electron/node is the core: no Electron, no faces (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
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
        layers: ['preload', 'web', 'cli', 'renderer'],
        message: 'the Electron shell wires the core; it does not import the faces (docs/architecture.md §2).',
      }),
    },
  },
  {
    // Tests of the shell drive the preload's bridge against the main side's handlers over the
    // fake IPC pair (the conformance suite, the start-failure path, the smoke run).
    files: ['electron/main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        modules: ['react', 'react-dom'],
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
        layers: ['node', 'main', 'web', 'cli', 'renderer'],
        builtins: true,
        message: 'the preload only bridges the contract names to ipcRenderer (docs/architecture.md §2).',
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
        layers: ['node', 'main', 'preload', 'web', 'cli'],
        builtins: true,
        message: 'the renderer talks to the core only through the bridge (docs/architecture.md §2).',
      }),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-lines': 'off' },
  },
  prettier,
)
