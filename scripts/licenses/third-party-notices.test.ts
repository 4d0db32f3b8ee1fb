import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain ES module of the build, without types
import { packageDirOf, thirdPartyNotices } from './third-party-notices.mjs'

const root = join(import.meta.dirname, '..', '..')
const dirOf = packageDirOf as (root: string, file: string) => string | null
const notices = thirdPartyNotices as (root: string, files: string[]) => string

describe('the third-party notices', () => {
  it('finds the package of a module file, scoped or nested, and none for our own files', () => {
    expect(dirOf(root, join(root, 'node_modules/zod/v4/core/core.js'))).toBe(
      join(root, 'node_modules/zod'),
    )
    expect(dirOf(root, join(root, 'node_modules/@tanstack/react-virtual/dist/index.js'))).toBe(
      join(root, 'node_modules/@tanstack/react-virtual'),
    )
    expect(dirOf(root, join(root, 'node_modules/a/node_modules/b/x.js'))).toBe(
      join(root, 'node_modules/a/node_modules/b'),
    )
    expect(dirOf(root, join(root, 'electron/cli/main.ts'))).toBeNull()
    expect(dirOf(root, '\0vite/modulepreload-polyfill.js')).toBeNull()
  })

  it('gives each package once, with its license text', () => {
    const text = notices(root, [
      'node_modules/yazl/index.js',
      'node_modules/yazl/index.js',
      join(root, 'node_modules/zod/index.js'),
      'electron/cli/main.ts',
    ])
    expect(text.match(/^(yazl|zod)@\S+ \(MIT\)$/gm)).toHaveLength(2)
    expect(text).toContain('Permission is hereby granted')
  })

  // `npm test` builds first: the notices are those of what the build bundled.
  it('names every package the command line, the desktop app and the dashboard bundle', () => {
    const text = readFileSync(join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8')
    for (const name of [
      'zod',
      'fast-xml-parser',
      'yauzl',
      'yazl',
      'react',
      'react-dom',
      'zustand',
    ]) {
      expect(text).toMatch(new RegExp(`^${name}@\\d\\S* \\(`, 'm'))
    }
    expect(text).not.toMatch(/^(better-sqlite3|electron|vitest|playwright-core)@/m)
  })
})
