import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxLineBytes } from '../../electron/node/outbound/parse/log-scanner'
import {
  referenceLineScan,
  scanAsReference,
} from '../../electron/node/outbound/testing/reference-line-scan'
import { generateLog } from './generate-log'
import { generateRealisticLog } from './realistic-log'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-bench-logs-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const start = Date.UTC(2025, 0, 1)

describe("the line scanner on the benchmark's two logs", () => {
  it.each([
    ['realistic', generateRealisticLog],
    ['exchange-heavy', generateLog],
  ] as const)('finds in the %s log what the reference finds', async (name, generate) => {
    const path = join(dir, `${name}.log`)
    await generate(path, 3 * 1024 * 1024, start, 11)
    const bytes = await readFile(path)
    const end = bytes.lastIndexOf(10) + 1
    const reference = referenceLineScan(bytes, end, maxLineBytes)
    expect(reference.marked.length).toBeGreaterThan(100)
    expect(scanAsReference(bytes, end, maxLineBytes)).toEqual(reference)
  })
})
