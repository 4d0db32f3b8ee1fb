import type { LogParser } from '../parse/log-parser'
import { readPiece, type PieceRecord } from '../parse/read-piece'
import { TargetDefinitions } from '../parse/target-numbers'

/**
 * Feeds a parser as a stream and reads back what each call completed, as records: for tests
 * that follow a parser chunk by chunk. One object per parser, which keeps its stream's targets.
 */
export function recordReader(parser: LogParser): {
  feed: (bytes: Buffer) => PieceRecord[]
  finish: () => PieceRecord[]
} {
  const targets = new TargetDefinitions()
  const take = (): PieceRecord[] => readPiece(parser.take(), targets)
  return {
    feed: bytes => {
      parser.feed(bytes)
      return take()
    },
    finish: () => {
      parser.finish()
      return take()
    },
  }
}
