#!/usr/bin/env node
// The `hush` command. The TypeScript sources are bundled into dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const bundle = fileURLToPath(new URL('../dist/hush.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write('hush: not built yet; run `npm install` (or `npm run build`) first\n')
  process.exit(1)
}
await import(pathToFileURL(bundle).href)
