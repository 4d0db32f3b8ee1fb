import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..')

/** The shared corpus of real server output (`HUSH_CORPUS` overrides `<repo>/../shared/corpus`). */
export const corpusDir = process.env.HUSH_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus')

/** Reads one corpus file as it is. */
export function readCorpus(relativePath: string): string {
  return readFileSync(join(corpusDir, relativePath), 'utf8')
}
