import { readFileSync } from 'node:fs'
import { join } from 'node:path'

// How the build splits the command line (scripts/build.mjs): the entry `hush.mjs` loads each
// command from a chunk `hush-chunk-<hash>.mjs` beside it. Read from the built files, for tests.

const chunkName = String.raw`hush-chunk-\w+\.mjs`

/** The chunk that the entry's `import("./commands/x")` of a command became, by its export name. */
export function commandChunk(dist: string, commandExport: string): string {
  const entry = readFileSync(join(dist, 'hush.mjs'), 'utf8')
  const found = new RegExp(`"\\./(${chunkName})"\\)\\)\\.${commandExport}\\b`).exec(entry)
  if (!found?.[1]) {
    throw new Error(`no chunk for ${commandExport} in ${join(dist, 'hush.mjs')}`)
  }
  return found[1]
}

/** Every chunk the entry names, loaded at its start or for a command. */
export function entryChunks(dist: string): string[] {
  const entry = readFileSync(join(dist, 'hush.mjs'), 'utf8')
  return [...entry.matchAll(new RegExp(`"\\./(${chunkName})"`, 'g'))].map(m => m[1] ?? '')
}

/** The files a built file imports statically (`import … from "./x.mjs"`), one level. */
export function staticImports(dist: string, file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8')
  return [...text.matchAll(/^import\s[^;]*?from\s*"\.\/([\w-]+\.mjs)"/gm)].map(m => m[1] ?? '')
}

/** A built file and everything it loads before it runs: what its start compiles. */
export function loadedAtStart(dist: string, file: string): Set<string> {
  const seen = new Set<string>()
  const next = [file]
  for (let name = next.pop(); name !== undefined; name = next.pop()) {
    if (!seen.has(name)) {
      seen.add(name)
      next.push(...staticImports(dist, name))
    }
  }
  return seen
}
