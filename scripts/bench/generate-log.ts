import { createWriteStream } from 'node:fs'
import { createTrafficGenerator } from '../../electron/node/demo/traffic-generator'
import { snapshotWorld } from '../../electron/node/demo/traffic-snapshot'

const hourMs = 3_600_000

/**
 * Writes a server debug log of at least `bytes` bytes with the demo server's traffic generator
 * (the real 2025 grammar, every category) starting at `start`; resolves to the lines written.
 */
export async function generateLog(
  path: string,
  bytes: number,
  start: number,
  seed: number,
): Promise<number> {
  const generator = createTrafficGenerator({
    seed,
    startTime: start,
    format: '2025',
    utcOffsetMinutes: 60,
    machineIdentifier: '0123456789abcdef0123456789abcdef01234567',
    version: '1.42.2.10156-f737b826c',
    port: 32400,
    dataDir: '/config/Library/Application Support/Plex Media Server',
    world: snapshotWorld({ seed, crashVersions: ['1.42.2.10156-f737b826c'] }),
  })
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
