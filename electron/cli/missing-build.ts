import { basename } from 'node:path'

/**
 * Says that a part of the installed command line is missing, or null for any other error. A
 * command is loaded from a chunk of the build beside `dist/hush.mjs` (command-table.ts), and the
 * store from the better-sqlite3 package: an interrupted install or build leaves one out, which is
 * no bug of Hush and is mended by installing again.
 */
export function missingBuildMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  if (!(error instanceof Error) || code !== 'ERR_MODULE_NOT_FOUND') {
    return null
  }
  const named = /Cannot find (?:module|package) '([^']+)'/.exec(error.message)?.[1]
  const what = named === undefined ? 'a module' : basename(named)
  return `part of Hush's installation is missing (${what}); install it again: \`npm install\` (in a clone: \`npm run build\`)`
}
