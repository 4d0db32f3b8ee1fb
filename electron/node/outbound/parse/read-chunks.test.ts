import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readChunks } from './read-chunks'

/** This process's open file descriptors (Linux), to see that a file was closed. */
function openFiles(): number {
  return readdirSync('/proc/self/fd').length
}

describe('reading a file in chunks while the next one is read ahead', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-chunks-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('hands every byte from the start offset once and in order, though its two buffers alternate', async () => {
    const path = join(dir, 'log')
    const content = randomBytes(10 * 1000 + 7)
    await writeFile(path, content)
    const seen: Buffer[] = []
    await readChunks({ path, from: 5, chunk: 1000 }, async bytes => {
      // A slow handler: the read ahead finishes meanwhile and must not touch these bytes.
      const copy = Buffer.from(bytes)
      await new Promise(resolve => setImmediate(resolve))
      expect(bytes.equals(copy)).toBe(true)
      seen.push(copy)
    })
    expect(Buffer.concat(seen).equals(content.subarray(5))).toBe(true)
    expect(seen.map(b => b.length)).toEqual([...new Array<number>(10).fill(1000), 2])
  })

  it('passes on a handler’s failure and closes the file, its read ahead finished first', async () => {
    const path = join(dir, 'log')
    await writeFile(path, randomBytes(64 * 1024))
    const before = openFiles()
    let calls = 0
    await expect(
      readChunks({ path, chunk: 4096 }, () => {
        calls++
        throw new Error('the store is full')
      }),
    ).rejects.toThrow('the store is full')
    expect(calls).toBe(1)
    expect(openFiles()).toBe(before)
  })
})
