import { err, ok, type Result } from '../../common/util/result'
import { formatBytes } from '../files/regular-file'

/** Why a body was not read to its end. */
export type BodyProblem = 'tooLarge' | 'aborted'

/**
 * Reads a response body as UTF-8 text, at most `maxBytes`: a larger body is cut off (the stream
 * is cancelled, nothing more is buffered) instead of filling memory. The read stops too when
 * `signal` aborts (the request's deadline or Ctrl-C), so a server that stalls mid-body cannot
 * hold Hush.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Result<string, BodyProblem>> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    return err('tooLarge')
  }
  if (response.body === null) {
    return ok('')
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader()
  const aborted = new Promise<'aborted'>(resolve => {
    if (signal.aborted) {
      resolve('aborted')
    }
    signal.addEventListener('abort', () => resolve('aborted'), { once: true })
  })
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), aborted])
      if (next === 'aborted') {
        return err('aborted')
      }
      if (next.done) {
        break
      }
      size += next.value.byteLength
      if (size > maxBytes) {
        return err('tooLarge')
      }
      chunks.push(next.value)
    }
  } finally {
    // Releases the connection whether the body was read to its end or cut off.
    reader.cancel().catch(() => undefined)
  }
  return ok(Buffer.concat(chunks).toString('utf8'))
}

/** The one-line reason for a body over the cap. */
export function tooLargeReason(maxBytes: number): string {
  return `the answer is larger than ${formatBytes(maxBytes)}; Hush stopped reading it`
}
