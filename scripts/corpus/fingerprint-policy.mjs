// Writes the fingerprints of a privacy policy's eight-word runs, one a line, so a test can tell
// that no text of Hush copies the policy without the policy's text being kept in the repository:
//
//   node scripts/corpus/fingerprint-policy.mjs policy.txt > test/corpus/policy/<name>.runs.txt
//
// Words and runs are cut exactly as electron/node/catalog-policy.test.ts cuts them (that test
// checks the match on sentences of the policy itself).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const runLength = 8
const [file] = process.argv.slice(2)
if (!file) {
  console.error('usage: node scripts/corpus/fingerprint-policy.mjs <policy.txt>')
  process.exit(2)
}
const words =
  readFileSync(file, 'utf8')
    .toLowerCase()
    .match(/\p{Script=Han}|[a-z0-9]+(?:'[a-z]+)?/gu) ?? []
const fingerprints = new Set()
for (let i = 0; i + runLength <= words.length; i += 1) {
  const run = words.slice(i, i + runLength).join(' ')
  fingerprints.add(createHash('sha256').update(run).digest('hex').slice(0, 16))
}
process.stdout.write(`${[...fingerprints].sort().join('\n')}\n`)
