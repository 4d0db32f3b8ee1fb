import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { workerFile, type ParsedOn } from './parse-batches'
import { parseFiles } from './parse-file'

/** One answered exchange in the server's 2025 line grammar: what the check parses. */
const sampleLog = [
  'Aug 04, 2025 20:03:26.576 [0x16cde3000] DEBUG - [HCl#31] HTTP requesting GET https://plex.tv/api/v2/user',
  'Aug 04, 2025 20:03:26.926 [0x16c037000] DEBUG - [HttpClient/HCl#31] HTTP/1.1 (0.4s) 200 response from GET https://plex.tv/api/v2/user',
  '',
].join('\n')

/** Where the check's log was parsed, and how many events came out of it (one when all is well). */
export interface ParserWorkerCheck {
  readonly parsedOn: ParsedOn
  readonly events: number
}

/**
 * Parses a two-line log on the log parser's worker thread, started as an import of a large log
 * starts it: from the worker bundle beside the running bundle unless `worker` is given. The
 * desktop's smoke run uses it to see that the packaged app's worker starts from inside its
 * archive; an import would otherwise fall back to parsing on the main process without a word.
 */
export async function checkParserWorker(
  tempDir: string,
  worker: URL | null = workerFile(),
): Promise<ParserWorkerCheck> {
  const dir = await mkdtemp(join(tempDir, 'hush-parser-check-'))
  try {
    const path = join(dir, 'Plex Media Server.log')
    await writeFile(path, sampleLog)
    const { events, parsedOn } = await parseFiles([path], () => undefined, {
      worker,
      forceWorker: true,
    })
    return { parsedOn: parsedOn[0] ?? { thread: 'this' }, events }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
