import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusDir } from '../../server/testing/corpus-dir'
import {
  referenceLineScan,
  scanAsReference,
  type ReferenceScan,
} from '../testing/reference-line-scan'

function agrees(bytes: Uint8Array, maxLine = 64 * 1024): ReferenceScan {
  const end = bytes.lastIndexOf(10) + 1
  const reference = referenceLineScan(bytes, end, maxLine)
  expect(scanAsReference(bytes, end, maxLine)).toEqual(reference)
  return reference
}

/** A small deterministic random source (xorshift). */
function random(seed: number): (n: number) => number {
  let x = seed || 1
  return n => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) % n
  }
}

const pieces = [
  'Jan 01, 2025 01:00:00.000 [1] DEBUG - ',
  'HTTP requesting GET https://plex.tv/x',
  'HTTP',
  'HTT',
  'CrashUploader',
  'CrashUploade',
  ' - GMT ',
  ' - GMT',
  'GMT ',
  '\xef\xbb\xbf',
  '    ',
  '>',
  '\t',
  '\r',
  'Request: GET /library',
  'é',
  '\x00\xff',
  'x',
]

describe('the WebAssembly line scanner', () => {
  it('is compiled from line-scan.wat as committed', () => {
    const check = spawnSync(process.execPath, ['scripts/wasm/compile-line-scan.mjs', '--check'], {
      encoding: 'utf8',
    })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('numbers lines, marks the ones with a marker and counts the rest as the reference does', () => {
    const text = [
      'Jan 01, 2025 01:00:00.000 [1] DEBUG - HTTP requesting GET https://plex.tv/a',
      'Jan 01, 2025 01:00:00.000 [1] DEBUG - Completed: [192.168.1.2:1] 200 GET /a',
      'a wrapped tail of the line before',
      '',
      '\xef\xbb\xbfJan 01, 2025 01:00:00.000 [1] INFO - Plex Media Server v1 - GMT 01:00',
      '    > Jan 01, 2025 01:00:00.000 [1] DEBUG - a pasted line',
      'Jan 01, 2025 01:00:00.000 [1] DEBUG - CrashUploader started\r',
      `${'y'.repeat(200)} HTTP in a long line`,
    ].join('\n')
    const found = agrees(Buffer.from(`${text}\n`, 'latin1'), 150)
    expect(found).toMatchObject({ lines: 8, notLogLine: 2, tooLong: 1 })
    expect(found.marked.map(m => m.lineNo)).toEqual([1, 5, 7])
  })

  it('finds a marker at every place in the 16-byte blocks, and never past the last newline', () => {
    for (let shift = 0; shift < 40; shift += 1) {
      for (const marker of ['HTTP', 'CrashUploader', ' - GMT ']) {
        const line = `${'z'.repeat(shift)}${marker}`
        const found = agrees(Buffer.from(`${line}\nJan 01, 2025 x\n${marker}`, 'latin1'))
        expect(found.marked).toHaveLength(1)
      }
    }
  })

  it('allows a paste prefix of up to 12 bytes, a byte-order mark counted in them', () => {
    const lines = []
    for (let n = 0; n <= 14; n += 1) {
      for (const bom of ['', '\xef\xbb\xbf']) {
        for (const fill of [' ', '>', '\t']) {
          lines.push(`${bom}${fill.repeat(n)}Jan 01, 2025 01:00:00.000 [1] DEBUG - x`)
          lines.push(`${bom}${fill.repeat(n)}Jan 01, `)
        }
      }
    }
    const found = agrees(Buffer.from(`${lines.join('\n')}\n`, 'latin1'))
    // Past 12 (9 after a mark), a header no longer counts; and a bare "Jan 01, " (8 bytes) never does.
    expect(found.notLogLine).toBe(lines.length / 2 + 3 * (2 + 5))
  })

  it('agrees with the reference on 400 random runs of lines', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const pick = random(seed)
      const lines: string[] = []
      for (let i = pick(40); i >= 0; i -= 1) {
        let line = ''
        for (let j = pick(6); j >= 0; j -= 1) {
          line += pieces[pick(pieces.length)]
        }
        lines.push(line)
      }
      agrees(Buffer.from(`${lines.join('\n')}\n`, 'latin1'), 20 + pick(120))
    }
  })

  it('agrees with the reference on every real log of the corpus', () => {
    const logs = join(corpusDir, 'logs')
    const names = readdirSync(logs).filter(name => name.endsWith('.log'))
    expect(names.length).toBeGreaterThan(10)
    for (const name of names) {
      agrees(readFileSync(join(logs, name)))
    }
  })

  it('reads a region larger than its memory, growing it', () => {
    const line = 'Jan 01, 2025 01:00:00.000 [1] DEBUG - HTTP requesting GET https://plex.tv/a\n'
    const found = agrees(Buffer.from(line.repeat(40_000)))
    expect(found.marked).toHaveLength(40_000)
  })
})
