import { createWriteStream } from 'node:fs'
import { backgroundMessages, createRand } from './background-lines'
import { demoGenerator } from './generate-log'

const hourMs = 3_600_000
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** The generator's server prints its local time, one hour ahead of UTC (generate-log.ts). */
const offsetMs = 60 * 60_000

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** The header of a line at epoch ms `t`, in the 2025 grammar the demo generator writes. */
function header(t: number, thread: string): string {
  const d = new Date(t + offsetMs)
  return `${months[d.getUTCMonth()]} ${pad(d.getUTCDate())}, ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} [${thread}] DEBUG - `
}

/** Whether a generated line is an outbound exchange (request, response or error). */
export function isExchangeLine(line: string): boolean {
  return line.includes('] HTTP') || line.includes('- HTTP')
}

/** What a realistic log holds, by kind of line. */
export interface RealisticLogCounts {
  lines: number
  exchangeLines: number
}

/**
 * Writes a realistic server debug log of at least `bytes` bytes: the demo generator's outbound
 * traffic (its exchanges and the lines around them) interleaved with background lines
 * (background-lines.ts) so that outbound exchange lines are `exchangeShare` of all lines, as on a
 * real server where most lines are inbound requests, scanner, transcoder and butler lines.
 */
export async function generateRealisticLog(
  path: string,
  bytes: number,
  start: number,
  seed: number,
  exchangeShare = 0.02,
): Promise<RealisticLogCounts> {
  const generator = demoGenerator(start, seed)
  const r = createRand(seed)
  const threads = Array.from({ length: 24 }, (_, i) => String(23030434962779 + i * 7919))
  const out = createWriteStream(path)
  const counts: RealisticLogCounts = { lines: 0, exchangeLines: 0 }
  let written = 0
  let time = start
  let previous = start
  let group = 0
  while (written < bytes) {
    time += 6 * hourMs
    const parts: string[] = []
    for (const item of generator.advanceTo(time)) {
      if (isExchangeLine(item.line)) {
        counts.exchangeLines++
        // Background lines in the gap before this line, until exchanges are back at their share.
        const backlog: string[] = []
        while (counts.exchangeLines > exchangeShare * (counts.lines + backlog.length + 1)) {
          const thread = threads[r(threads.length)] as string
          for (const message of backgroundMessages(r, group++)) {
            backlog.push(`${thread}\u0000${message}`)
          }
        }
        const step = (item.time - previous) / (backlog.length + 1)
        backlog.forEach((entry, i) => {
          const [thread, message] = entry.split('\u0000') as [string, string]
          parts.push(`${header(Math.floor(previous + step * (i + 1)), thread)}${message}\n`)
        })
        counts.lines += backlog.length
      }
      parts.push(`${item.line}\n`)
      counts.lines++
      previous = item.time
    }
    const text = parts.join('')
    written += Buffer.byteLength(text)
    if (!out.write(text)) {
      await new Promise<void>(done => out.once('drain', () => done()))
    }
  }
  await new Promise<void>(done => out.end(() => done()))
  return counts
}
