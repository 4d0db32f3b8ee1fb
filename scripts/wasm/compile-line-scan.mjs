// Compiles the line scanner's WebAssembly text (electron/node/outbound/parse/line-scan.wat) into
// line-scan-wasm.ts, the module's bytes as base64, so that neither the build nor a user's machine
// needs a WebAssembly toolchain. Run it after changing the .wat: `node scripts/wasm/compile-line-scan.mjs`.
// `--check` compiles and compares, and exits 1 when the committed bytes are stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileLineScan, lineScanModuleSource } from './line-scan-source.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const target = join(root, 'electron/node/outbound/parse/line-scan-wasm.ts')
const source = lineScanModuleSource(await compileLineScan(root))
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== source) {
    console.error('line-scan-wasm.ts is stale: run node scripts/wasm/compile-line-scan.mjs')
    process.exit(1)
  }
} else {
  writeFileSync(target, source)
}
