// Runs Electronegativity's scanner (the function its CLI calls) on one folder and prints the findings
// as JSON on stdout. The CLI's own CSV output is written by two unawaited file writes, header then
// body, which can race and lose the findings; a gate must not depend on that.
// Usage: node scripts/security/electronegativity-json.mjs <folder> <electron version>
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity')
const [input, electronVersion] = process.argv.slice(2)
if (!input || !electronVersion) {
  console.error('usage: electronegativity-json.mjs <folder> <electron version>')
  process.exit(2)
}

// Its progress and "No connectivity?" messages go to stdout; keep stdout for the JSON alone.
const print = console.log.bind(console)
console.log = (...args) => console.error(...args)
const result = await run(
  {
    input: resolve(input),
    isRelative: true,
    isVerbose: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  },
  false,
)
print(
  JSON.stringify({
    checks: result.globalChecks + result.atomicChecks,
    errors: result.errors.map(({ file, message, tolerable }) => ({ file, message, tolerable })),
    findings: result.issues.map(issue => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      sample: issue.sample ?? '',
      description: issue.description,
      manualReview: Boolean(issue.manualReview),
    })),
  }),
)
