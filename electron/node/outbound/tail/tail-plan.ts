import type { HeadPrint } from '../import/log-files'
import type { ParserState } from '../parse/log-parser'

/** Where live collection stands: the file being read, by identity and head, and how far. */
export interface TailCursor {
  /** `dev:ino` of the file when it was last read. */
  readonly identity: string
  readonly head: HeadPrint
  readonly offset: number
  readonly lineNo: number
  readonly parser: ParserState
}

/** One log file as a poll sees it. */
export interface SeenFile {
  /** 0 for `Plex Media Server.log`, n for `Plex Media Server.n.log` (older as n grows). */
  readonly rank: number
  readonly identity: string
  readonly size: number
  /** The hash of its first `cursor.head.length` bytes (only needed when a cursor exists). */
  readonly headHash: string | null
}

/** One read a poll performs: a file from a byte offset to its end. */
export interface ReadStep {
  readonly rank: number
  readonly from: number
  readonly lineNo: number
}

/** Whether a poll must look at heads: false when the live file is the cursor's and has not changed size. */
export function needsHeads(
  cursor: TailCursor | null,
  live: { identity: string; size: number } | null,
): boolean {
  return (
    cursor === null ||
    live === null ||
    live.identity !== cursor.identity ||
    live.size !== cursor.offset
  )
}

function fromStart(files: readonly SeenFile[]): ReadStep[] {
  return [...files].sort((a, b) => b.rank - a.rank).map(f => ({ rank: f.rank, from: 0, lineNo: 0 }))
}

/**
 * Plans the reads of one poll (pure). With no cursor, every file oldest first (the backfill).
 * Else the cursor's file is found by identity and head fingerprint — where rotation moved it, if
 * it did — and read on from the cursor, then every newer file from its start. A file that shrank
 * below the cursor or whose head changed was truncated or replaced and is read from its start.
 * When the cursor's file is gone, every file is read from the start; the store's event keys make
 * that re-read store nothing twice.
 */
export function planReads(cursor: TailCursor | null, files: readonly SeenFile[]): ReadStep[] {
  if (cursor === null) {
    return fromStart(files)
  }
  const byBoth = files.find(f => f.identity === cursor.identity && f.headHash === cursor.head.hash)
  // An empty head identifies nothing; a head alone finds a file whose identity changed (a copy).
  const found =
    byBoth ??
    (cursor.head.length > 0
      ? files.find(f => f.headHash === cursor.head.hash && f.size >= cursor.offset)
      : undefined)
  if (found) {
    const newer = fromStart(files.filter(f => f.rank < found.rank))
    if (found.size < cursor.offset) {
      return [{ rank: found.rank, from: 0, lineNo: 0 }, ...newer]
    }
    if (found.size === cursor.offset && newer.length === 0) {
      return []
    }
    return [{ rank: found.rank, from: cursor.offset, lineNo: cursor.lineNo }, ...newer]
  }
  const sameFile = files.find(f => f.identity === cursor.identity)
  if (sameFile) {
    // Truncated or rewritten in place: the head no longer matches.
    return fromStart(files.filter(f => f.rank <= sameFile.rank))
  }
  return fromStart(files)
}
