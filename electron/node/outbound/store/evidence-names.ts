import { createHash } from 'node:crypto'
import { attributeRequest, signatureSwitches } from '../../../common/evidence/attribute-request'
import { backgroundFlows } from '../../../common/evidence/background-flows'
import { switchSignatures } from '../../../common/evidence/switch-signatures'
import type { StoreDb } from './open-store'

/**
 * What each target is evidence of. Names are stored in `target_evidence` for every process: a
 * name is `s:<switch ids, comma-separated>`, `f:<background flow id>`, or empty for neither.
 */
export interface TargetNames {
  /** Every target up to this id has its name stored (0: none stored, or none usable). */
  readonly storedThrough: number
  /** The names of targets past `storedThrough`, kept by this process alone, by target id. */
  readonly unstored: ReadonlyMap<number, string>
}

/**
 * The signature tables the names come from: a stored name is reused only while this is the
 * stamp of the store, so a Hush whose signatures changed names every target again.
 */
export const signaturesStamp = createHash('sha256')
  .update(
    JSON.stringify({ switchSignatures, backgroundFlows }, (_key, value: unknown) =>
      value instanceof RegExp ? value.toString() : value,
    ),
  )
  .digest('hex')
  .slice(0, 32)

const stampName = 'evidence-signatures'

/** The name of a request for the store (see TargetNames). */
export function evidenceNameOf(method: string, url: string): string {
  const named = attributeRequest(method, url)
  if (named.kind === 'switch') {
    return `s:${signatureSwitches(named.signature).join(',')}`
  }
  return named.kind === 'background' ? `f:${named.flow.id}` : ''
}

/**
 * Writes without waiting: a dashboard call must not stall behind an import that holds the
 * store's write lock; the names are then kept by this process and stored by a later one.
 */
function writeNow(db: StoreDb, write: () => void): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    db.transaction(write).immediate()
    return true
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|READONLY)/.test(code)) {
      return false
    }
    throw error
  } finally {
    db.pragma(`busy_timeout = ${wait}`)
  }
}

interface NamesState {
  storedThrough: number
  /** False once a write could not be made: stored names must have no gap below the largest. */
  storable: boolean
  readonly unstored: Map<number, string>
  lastId: number
}

/** Per open store, what this process knows of the names. */
const statesOf = new WeakMap<StoreDb, NamesState>()

function storedThroughOf(db: StoreDb): number {
  const through = db.prepare('SELECT MAX(target) FROM target_evidence').pluck().get()
  return typeof through === 'number' ? through : 0
}

/** Stamps the store with this Hush's signatures, forgetting names given by others. */
function restamp(db: StoreDb): void {
  db.exec('DELETE FROM target_evidence')
  db.prepare('INSERT OR REPLACE INTO store_meta (name, value) VALUES (?, ?)').run(
    stampName,
    signaturesStamp,
  )
}

function stampOf(db: StoreDb): unknown {
  return db.prepare('SELECT value FROM store_meta WHERE name = ?').pluck().get(stampName)
}

function opened(db: StoreDb): NamesState {
  if (stampOf(db) === signaturesStamp) {
    const storedThrough = storedThroughOf(db)
    return { storedThrough, storable: true, unstored: new Map(), lastId: storedThrough }
  }
  // Named by other signatures, or never: start again, and stamp the names this Hush stores.
  const storable = writeNow(db, () => restamp(db))
  return { storedThrough: 0, storable, unstored: new Map(), lastId: 0 }
}

/**
 * Names, inside the caller's write transaction, every target not named yet (those it just added,
 * and any older ones a store of another version left unnamed), so that the first evidence
 * summary after an import has nothing left to name. Made once per writer; called per write.
 */
export function createWriteNamer(db: StoreDb): () => void {
  // A store of a schema before names (written so in the migration tests) has nowhere to keep them.
  const hasNames = db
    .prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('target_evidence', 'store_meta')")
    .pluck()
    .get()
  if (hasNames !== 2) {
    return () => undefined
  }
  const stamp = db.prepare('SELECT value FROM store_meta WHERE name = ?').pluck()
  const through = db.prepare('SELECT MAX(target) FROM target_evidence').pluck()
  const added = db.prepare('SELECT id, method, url FROM targets WHERE id > ? ORDER BY id').raw()
  const insert = db.prepare('INSERT OR REPLACE INTO target_evidence (target, names) VALUES (?, ?)')
  return () => {
    if (stamp.get(stampName) !== signaturesStamp) {
      restamp(db)
    }
    const last = through.get()
    for (const [id, method, url] of added.all(typeof last === 'number' ? last : 0) as [
      number,
      string,
      string,
    ][]) {
      insert.run(id, evidenceNameOf(method, url))
    }
  }
}

/**
 * Names every target no process has named yet and stores the names when the store can be
 * written at once; the names stored by any earlier call are only ever read by SQL.
 */
export function targetNames(db: StoreDb): TargetNames {
  let state = statesOf.get(db)
  if (state === undefined) {
    state = opened(db)
    statesOf.set(db, state)
  }
  // A writer (an import, the tail) names what it adds: take its names when they follow ours.
  if (state.storable && state.unstored.size === 0) {
    const through = storedThroughOf(db)
    if (through > state.lastId) {
      state.lastId = through
      state.storedThrough = through
    }
  }
  const added = db
    .prepare('SELECT id, method, url FROM targets WHERE id > ? ORDER BY id')
    .raw()
    .all(state.lastId) as [number, string, string][]
  if (added.length === 0) {
    return state
  }
  const named = added.map(([id, method, url]) => [id, evidenceNameOf(method, url)] as const)
  state.lastId = (added.at(-1) as [number, string, string])[0]
  if (state.storable) {
    const insert = db.prepare(
      'INSERT OR REPLACE INTO target_evidence (target, names) VALUES (?, ?)',
    )
    state.storable = writeNow(db, () => named.forEach(([id, name]) => insert.run(id, name)))
    if (state.storable) {
      state.storedThrough = state.lastId
      return state
    }
  }
  named.forEach(([id, name]) => state.unstored.set(id, name))
  return state
}
