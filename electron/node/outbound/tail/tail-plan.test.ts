import { describe, expect, it } from 'vitest'
import { needsHeads, planReads, type SeenFile, type TailCursor } from './tail-plan'

const cursor: TailCursor = {
  identity: '1:100',
  head: { length: 1024, hash: 'h-live' },
  offset: 5000,
  lineNo: 40,
  parser: { offsetMinutes: null, pending: [] },
}

function file(rank: number, identity: string, size: number, headHash: string | null): SeenFile {
  return { rank, identity, size, headHash }
}

describe('planReads', () => {
  it('backfills oldest first without a cursor', () => {
    const files = [file(0, 'a', 10, null), file(2, 'c', 10, null), file(1, 'b', 10, null)]
    expect(planReads(null, files).map(s => s.rank)).toEqual([2, 1, 0])
  })

  it('reads on from the cursor when the live file grew', () => {
    expect(planReads(cursor, [file(0, '1:100', 6000, 'h-live')])).toEqual([
      { rank: 0, from: 5000, lineNo: 40 },
    ])
    expect(needsHeads(cursor, { identity: '1:100', size: 5000 })).toBe(false)
  })

  it('finds the cursor file where rotation moved it, then reads the newer files from their start', () => {
    const files = [
      file(0, '1:200', 300, 'h-new'),
      file(1, '1:100', 5200, 'h-live'),
      file(2, '1:50', 9000, 'h-old'),
    ]
    expect(planReads(cursor, files)).toEqual([
      { rank: 1, from: 5000, lineNo: 40 },
      { rank: 0, from: 0, lineNo: 0 },
    ])
  })

  it('finds a copied file by its head when the identity changed', () => {
    const files = [file(0, '1:300', 100, 'h-new'), file(1, '9:999', 5000, 'h-live')]
    expect(planReads(cursor, files).map(s => [s.rank, s.from])).toEqual([
      [1, 5000],
      [0, 0],
    ])
  })

  it('reads a truncated or rewritten file from its start', () => {
    expect(planReads(cursor, [file(0, '1:100', 200, null)])).toEqual([
      { rank: 0, from: 0, lineNo: 0 },
    ])
    expect(planReads(cursor, [file(0, '1:100', 9000, 'h-other')])).toEqual([
      { rank: 0, from: 0, lineNo: 0 },
    ])
  })

  it('reads everything from the start when the cursor file is gone', () => {
    const files = [file(0, '1:400', 10, 'x'), file(1, '1:300', 10, 'y')]
    expect(planReads(cursor, files).map(s => s.rank)).toEqual([1, 0])
  })
})
