import { keyText } from '../../../common/outbound/event-key'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import {
  field,
  flag,
  none,
  recordKeyWall,
  recordTime,
  recordWidth,
  type ParsedPiece,
} from './parsed-piece'
import type { TargetDefinitions } from './target-numbers'

/** A record of a piece as an object: an event, or the answer to an event of an earlier piece. */
export type PieceRecord =
  | { readonly kind: 'event'; readonly event: OutboundEvent }
  | {
      readonly kind: 'answer'
      readonly key: string
      readonly status: number | null
      readonly error: string | null
    }

/**
 * The records of a piece as objects, for callers that want events rather than columns
 * (`hush log parse`, previews, verification). `targets` must have learnt the earlier pieces of
 * the stream; this learns this one.
 */
export function readPiece(piece: ParsedPiece, targets: TargetDefinitions): PieceRecord[] {
  targets.learn(piece)
  const { strings, records } = piece
  const str = (i: number): string | null => (i === none ? null : (strings[i] as string))
  const out: PieceRecord[] = new Array<PieceRecord>(piece.walls.length)
  for (let n = 0; n < piece.walls.length; n++) {
    const o = n * recordWidth
    const status = records[o + field.status] as number
    const key = keyText(
      recordKeyWall(piece, n),
      records[o + field.h1] as number,
      records[o + field.h2] as number,
    )
    const error = str(records[o + field.error] as number)
    if (records[o + field.kind] === 1) {
      out[n] = { kind: 'answer', key, status: status === none ? null : status, error }
      continue
    }
    const target = targets.target(records[o + field.target] as number)
    out[n] = {
      kind: 'event',
      event: {
        key,
        time: recordTime(piece, n),
        localTime: ((records[o + field.flags] as number) & flag.local) !== 0,
        method: target.method,
        url: target.url,
        host: target.host,
        upstream: target.upstream,
        status: status === none ? null : status,
        error,
        service: target.service,
        category: target.category,
        policyItem: target.policyItem,
        source: {
          file: strings[records[o + field.file] as number] as string,
          line: records[o + field.line] as number,
        },
      },
    }
  }
  return out
}
