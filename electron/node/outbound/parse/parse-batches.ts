import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SkipCounts } from '../../../common/outbound/outbound-event'
import { LogParser, type ParseOp, type ParserState } from './log-parser'
import { OpPacker, packOps, PackedTargets, unpackOps, type PackedOps } from './packed-ops'
import { readOps } from './read-ops'

/** One file to parse from a position, with the correlation state carried into it. */
export interface ParseJob {
  readonly path: string
  /** The name events cite as their source file. */
  readonly file: string
  readonly state?: ParserState
  readonly start?: { offset: number; lineNo: number }
  /** Bytes read per batch. */
  readonly chunk: number
  /**
   * Hand the ops over packed (packed-ops.ts), as the store writes them: packed a piece of
   * `pieceBytes` at a time, so that few parsed objects outlive a garbage collection.
   */
  readonly packed?: boolean
}

/** Bytes parsed before their ops are packed, when a job asks for packed ops. */
export const pieceBytes = 1024 * 1024

/**
 * The ops of one chunk and the parser's position and state just after it (a cursor). Answers
 * whose request is in the same chunk are already folded into it (`folded` counts them).
 */
export interface ParsedBatch {
  /** The ops as objects, or packed in pieces (`ParseJob.packed`): `batchOps`, `batchPacked`. */
  readonly ops: ParseOp[] | null
  readonly packed: PackedOps[] | null
  /** The targets the job's pieces defined so far (one object for the whole job), with `packed`. */
  readonly targets?: PackedTargets
  readonly folded: number
  readonly position: { offset: number; lineNo: number }
  readonly state: ParserState
  readonly skipped: SkipCounts
}

/** A batch's ops as objects. */
export function batchOps(batch: ParsedBatch): ParseOp[] {
  const targets = batch.targets ?? new PackedTargets()
  return batch.ops ?? (batch.packed ?? []).flatMap(piece => unpackOps(piece, targets))
}

/** A batch's ops packed, as the store writes them, with their stream's targets. */
export function batchPacked(batch: ParsedBatch): {
  pieces: PackedOps[]
  targets: PackedTargets
} {
  if (batch.packed === null) {
    return { pieces: [packOps(batch.ops ?? [])], targets: new PackedTargets() }
  }
  if (!batch.targets) {
    // Pieces number their targets along a stream: without it they cannot be read.
    throw new Error('packed ops arrived without the targets of their stream')
  }
  return { pieces: batch.packed, targets: batch.targets }
}

/** What the worker posts: a batch, the end, or why it failed. */
export type WorkerMessage =
  | { readonly type: 'batch'; readonly batch: ParsedBatch }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly message: string }

/** Batches the worker may run ahead of the consumer: parsing overlaps storing, memory stays bounded. */
export const workerCredits = 2

/** Parses a job in this thread, handing each chunk's batch to `onBatch`. */
export async function parseInThread(
  job: ParseJob,
  onBatch: (batch: ParsedBatch) => void | Promise<void>,
): Promise<void> {
  const parser = new LogParser({ file: job.file, state: job.state, start: job.start })
  const packer = new OpPacker()
  let folded = 0
  let pieces: PackedOps[] = []
  let batchStart = parser.position.offset
  const hand = (ops: ParseOp[] | null): void | Promise<void> => {
    const batch: ParsedBatch = {
      ops,
      packed: ops === null ? pieces : null,
      folded: parser.folded - folded,
      position: parser.position,
      state: parser.state,
      skipped: { ...parser.skipped },
    }
    folded = parser.folded
    pieces = []
    batchStart = parser.position.offset
    return onBatch(batch)
  }
  await readOps(
    job.path,
    parser,
    ops => {
      if (!job.packed) {
        return hand(ops)
      }
      if (ops.length > 0) {
        pieces.push(packer.pack(ops))
      }
      return parser.position.offset - batchStart >= job.chunk ? hand(null) : undefined
    },
    parser.position.offset,
    true,
    job.packed ? Math.min(pieceBytes, job.chunk) : job.chunk,
  )
  if (job.packed && (pieces.length > 0 || parser.position.offset > batchStart)) {
    await hand(null)
  }
}

/** Below this many bytes a worker's start-up costs more than it saves. */
const workerMinBytes = 8 * 1024 * 1024

/**
 * Whether to parse on a second thread: with two cores or more, for a large file. Measured on two
 * cores kept busy by another process, the worker still imported as fast or faster, for a tenth
 * more CPU; a load average, which lags by a minute, chose worse. `HUSH_PARSE_WORKER=0|1`
 * decides instead, for measuring.
 */
async function wantsWorker(job: ParseJob): Promise<boolean> {
  const forced = process.env.HUSH_PARSE_WORKER
  if (forced === '0' || forced === '1') {
    return forced === '1'
  }
  const size = (await stat(job.path)).size
  return size - (job.start?.offset ?? 0) >= workerMinBytes && availableParallelism() >= 2
}

/** The bundled worker beside the bundle that runs this code (`dist/outbound-worker.mjs`), if built. */
function workerFile(): URL | null {
  const url = new URL('./outbound-worker.mjs', import.meta.url)
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null
}

/**
 * Parses a job on a worker thread while the caller stores the previous batch, so reading and
 * parsing a large log overlap the database writes. Stays in this thread when the worker bundle is
 * not there (the sources run under the test runner), the file is small or no core is idle. Batches arrive in order; `onBatch`
 * runs synchronously between them and may throw, which stops the worker.
 */
export async function parseBatches(
  job: ParseJob,
  onBatch: (batch: ParsedBatch) => void,
): Promise<void> {
  // One set of targets for the job's pieces, which number them across the whole job.
  const targets = new PackedTargets()
  const file = workerFile()
  if (!file || !(await wantsWorker(job))) {
    return parseInThread(job, batch => onBatch({ ...batch, targets }))
  }
  // A larger young generation: parsing makes many short-lived strings.
  const worker = new Worker(file, {
    workerData: { ...job, packed: true } satisfies ParseJob,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  })
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'batch') {
          try {
            onBatch({ ...message.batch, targets })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
            return
          }
          worker.postMessage('credit')
        } else if (message.type === 'done') {
          resolve()
        } else {
          reject(new Error(message.message))
        }
      })
      worker.on('error', reject)
      worker.on('exit', code => reject(new Error(`the log parser stopped (exit ${code})`)))
    })
  } finally {
    worker.removeAllListeners()
    await worker.terminate()
  }
}
