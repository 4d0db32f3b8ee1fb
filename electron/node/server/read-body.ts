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
  const chunks: Uint8Array[] = []
  const read = await readBodyInto(response, maxBytes, signal, chunk => {
    chunks.push(chunk)
  })
  return read.ok ? ok(Buffer.concat(chunks).toString('utf8')) : read
}

/**
 * Hands a response body to `onChunk` as it arrives, at most `maxBytes` (cut off, as readBodyText
 * does, when it is larger or `signal` aborts); resolves to the bytes read.
 */
export async function readBodyInto(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
): Promise<Result<number, BodyProblem>> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    return err('tooLarge')
  }
  if (response.body === null) {
    return ok(0)
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader()
  const aborted = new Promise<'aborted'>(resolve => {
    if (signal.aborted) {
      resolve('aborted')
    }
    signal.addEventListener('abort', () => resolve('aborted'), { once: true })
  })
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
      await onChunk(next.value)
    }
  } finally {
    // Releases the connection whether the body was read to its end or cut off.
    reader.cancel().catch(() => undefined)
  }
  return ok(size)
}

/** The one-line reason for a body over the cap. */
export function tooLargeReason(maxBytes: number): string {
  return `the answer is larger than ${formatBytes(maxBytes)}; Hush stopped reading it`
}
