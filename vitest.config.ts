import { defineConfig } from 'vitest/config'

// One project per environment (style-anchors §8.11). Tests sit beside the code they cover.
export const vitestConfig = defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
})

// Vitest reads the default export of its config file; the named export keeps our own rule.
export { vitestConfig as default }
