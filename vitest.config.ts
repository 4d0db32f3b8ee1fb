import { defineConfig } from 'vitest/config'

// One project per environment (docs/architecture.md §7). Tests sit beside the code they cover.
export const vitestConfig = defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['scripts/package/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'renderer-dom',
          include: ['renderer/src/**/*.test.tsx'],
          environment: 'happy-dom',
          testTimeout: 20_000,
        },
      },
      {
        // Chromium against `hush serve --demo`: one browser per file, files one at a time.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the other projects, so browsers do not compete with them for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The npm package packed and installed into an empty folder: npm compiles better-sqlite3
        // there for a minute or two, so it runs last and alone rather than slow every other test.
        test: {
          name: 'package',
          include: ['scripts/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 900_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})

// Vitest reads the default export of its config file; the named export keeps our own rule.
export { vitestConfig as default }
