import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..')

/** The repository's corpus of real server output, each file with its `.source.txt` sidecar. */
export const corpusDir = join(repoRoot, 'test', 'corpus')

/** Reads one corpus file as it is. */
export function readCorpus(relativePath: string): string {
  return readFileSync(join(corpusDir, relativePath), 'utf8')
}
