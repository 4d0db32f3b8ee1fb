/**
 * A crash upload as the server logs it: not an HTTP request line but the CrashUploader job that
 * makes it (reference §3.4, §9.2). The job's arguments are what the upload tells Sentry about the
 * server and its owner, so the event keeps them: the upload is shown as a POST to the `--sentryUrl`
 * (or the pre-Sentry `--url`) with every argument that leaves as a query parameter.
 *
 * `--directory` is the local folder the dumps are read from (the dumps leave, not the path) and
 * `--sentryKey` is a secret (masked as 32 `x` by the server): neither is kept.
 */

// Arguments that say where the upload goes or where it reads from; not part of what it tells.
const notSent = new Set(['directory', 'sentryurl', 'url', 'sentrykey'])

/** The job's arguments, with shell quoting undone: `"--a=b c"` and `'--url=https://…'` are one each. */
export function jobArguments(command: string): string[] {
  const args: string[] = []
  let current = ''
  let quote: string | null = null
  let inArg = false
  for (const c of command) {
    if (quote !== null) {
      if (c === quote) {
        quote = null
      } else {
        current += c
      }
    } else if (c === '"' || c === "'") {
      quote = c
      inArg = true
    } else if (c === ' ' || c === '\t') {
      if (inArg) {
        args.push(current)
        current = ''
        inArg = false
      }
    } else {
      current += c
      inArg = true
    }
  }
  if (inArg) {
    args.push(current)
  }
  return args
}

/**
 * The URL a CrashUploader job line stands for, or null when the line names no upload URL:
 * `https://o17675.ingest.sentry.io/api/1233455/?version=…&serverUuid=…&userId=…&allowRetries=true`.
 */
export function crashUploadUrl(jobLine: string): string | null {
  let target: string | null = null
  const sent: string[] = []
  for (const arg of jobArguments(jobLine)) {
    if (!arg.startsWith('--')) {
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq)
    const value = eq < 0 ? 'true' : arg.slice(eq + 1)
    const lower = name.toLowerCase()
    if (lower === 'sentryurl' || (lower === 'url' && target === null)) {
      target = value
    }
    if (!notSent.has(lower) && name !== '') {
      sent.push(`${name}=${encodeURIComponent(value)}`)
    }
  }
  if (target === null || !/^https?:\/\/[^\s/]+/i.test(target)) {
    return null
  }
  if (sent.length === 0) {
    return target
  }
  return `${target}${target.includes('?') ? '&' : '?'}${sent.join('&')}`
}
