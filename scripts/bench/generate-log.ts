import { createWriteStream } from 'node:fs'
import { snapshotTraffic } from '../../electron/demo/traffic-snapshot'

const hourMs = 3_600_000

/** A line the demo generator wrote, at epoch ms `time`. */
export interface GeneratedLine {
  readonly time: number
  readonly line: string
}

/**
 * The demo server's traffic generator for a benchmark: the real 2025 grammar, every category, a
 * server one hour ahead of UTC. Only `advanceTo` and each line's `time` and text are used.
 */
export function demoGenerator(
  start: number,
  seed: number,
): { advanceTo: (time: number) => readonly GeneratedLine[] } {
  return snapshotTraffic({ seed, startTime: start })
}

/**
 * Writes the exchange-heavy log: the demo generator's lines alone (about 70 % of them outbound
 * exchanges, the worst case for a parser) until the file holds at least `bytes` bytes; resolves
 * to the lines written.
 */
export async function generateLog(
  path: string,
  bytes: number,
  start: number,
  seed: number,
): Promise<number> {
  const generator = demoGenerator(start, seed)
  const out = createWriteStream(path)
  let written = 0
  let lines = 0
  let time = start
  while (written < bytes) {
    time += 6 * hourMs
    const text = generator
      .advanceTo(time)
      .map(e => `${e.line}\n`)
      .join('')
    lines += text.length === 0 ? 0 : text.split('\n').length - 1
    written += Buffer.byteLength(text)
    if (!out.write(text)) {
      await new Promise<void>(done => out.once('drain', () => done()))
    }
  }
  await new Promise<void>(done => out.end(() => done()))
  return lines
}
