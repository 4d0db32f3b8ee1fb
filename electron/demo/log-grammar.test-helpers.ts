import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * An independent check of the line grammar of test/corpus/grammar.md (the reference §4.1
 * regex): `Mon DD, YYYY HH:MM:SS.mmm [tid] LEVEL - message`, or the 2026 em-dash variant.
 */
export const lineGrammar =
  /^(?<ts>[A-Z][a-z]{2} \d{2}, \d{4} \d{2}:\d{2}:\d{2}\.\d{3}) \[(?<tid>0x[0-9a-fA-F]+|\d+)\] (?<level>[A-Za-z]+) (?:-|\u2014) (?<msg>.*)$/

/**
 * An outbound request message (2025 shape): `[…HCl#id] HTTP requesting METHOD url`, with the
 * component prefixes seen in real logs (`[MediaProviderManager/HCl#…]`, `[Req#…/ViewStateSync/HCl#…]`).
 */
export const requestMessage =
  /^\[(?:(?:[A-Za-z]+|Req#[0-9a-f]+)\/)*HCl#([0-9a-f]+)\] HTTP requesting (GET|PUT|POST|DELETE) (\S+)$/
/** An outbound response message (2025 shape), logged by the HttpClient thread. */
export const responseMessage =
  /^\[HttpClient\/HCl#([0-9a-f]+)\] HTTP\/(?:1\.1|2\.0) \(\d+\.\ds\) (\d{3}) response from (GET|PUT|POST|DELETE) (\S+?)(?: \(reused\))?$/

/** The lines of the demo's current log. */
export async function logLines(dataDir: string, name = 'Plex Media Server.log'): Promise<string[]> {
  const text = await readFile(join(dataDir, 'Logs', name), 'utf8')
  return text.split('\n').filter(line => line !== '')
}
