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

/** The statements of the names, prepared once per open store. */
interface NamesSql {
  /** The stamp of the stored names (undefined: none). */
  readonly stamp: () => unknown
  /** The largest target id with a stored name (0: none). */
  readonly storedThrough: () => number
  /** The targets past an id, oldest first. */
  readonly targetsAfter: (id: number) => [number, string, string][]
  readonly put: (id: number, name: string) => void
  /** Stamps the store with this Hush's signatures, forgetting names given by others. */
  readonly restamp: () => void
}

const sqlOf = new WeakMap<StoreDb, NamesSql>()

function namesSql(db: StoreDb): NamesSql {
  const known = sqlOf.get(db)
  if (known) {
    return known
  }
  const stamp = db.prepare('SELECT value FROM store_meta WHERE name = ?').pluck()
  const through = db.prepare('SELECT MAX(target) FROM target_evidence').pluck()
  const after = db.prepare('SELECT id, method, url FROM targets WHERE id > ? ORDER BY id').raw()
  const put = db.prepare('INSERT OR REPLACE INTO target_evidence (target, names) VALUES (?, ?)')
  const setStamp = db.prepare('INSERT OR REPLACE INTO store_meta (name, value) VALUES (?, ?)')
  const sql: NamesSql = {
    stamp: () => stamp.get(stampName),
    storedThrough: () => {
      const last = through.get()
      return typeof last === 'number' ? last : 0
    },
    targetsAfter: id => after.all(id) as [number, string, string][],
    put: (id, name) => void put.run(id, name),
    restamp: () => {
      db.exec('DELETE FROM target_evidence')
      setStamp.run(stampName, signaturesStamp)
    },
  }
  sqlOf.set(db, sql)
  return sql
}

/** Per open store, what this process knows of the names. */
const statesOf = new WeakMap<StoreDb, NamesState>()

function opened(sql: NamesSql, db: StoreDb): NamesState {
  if (sql.stamp() === signaturesStamp) {
    const storedThrough = sql.storedThrough()
    return { storedThrough, storable: true, unstored: new Map(), lastId: storedThrough }
  }
  // Named by other signatures, or never: start again, and stamp the names this Hush stores.
  const storable = writeNow(db, sql.restamp)
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
  const sql = namesSql(db)
  return () => {
    if (sql.stamp() !== signaturesStamp) {
      sql.restamp()
    }
    for (const [id, method, url] of sql.targetsAfter(sql.storedThrough())) {
      sql.put(id, evidenceNameOf(method, url))
    }
  }
}

/**
 * Names every target no process has named yet and stores the names when the store can be
 * written at once; the names stored by any earlier call are only ever read by SQL.
 */
export function targetNames(db: StoreDb): TargetNames {
  const sql = namesSql(db)
  let state = statesOf.get(db)
  if (state === undefined) {
    state = opened(sql, db)
    statesOf.set(db, state)
  }
  // A writer (an import, the tail) names what it adds: take its names when they follow ours.
  if (state.storable && state.unstored.size === 0) {
    const through = sql.storedThrough()
    if (through > state.lastId) {
      state.lastId = through
      state.storedThrough = through
    }
  }
  const added = sql.targetsAfter(state.lastId)
  if (added.length === 0) {
    return state
  }
  const named = added.map(([id, method, url]) => [id, evidenceNameOf(method, url)] as const)
  state.lastId = (added.at(-1) as [number, string, string])[0]
  if (state.storable) {
    state.storable = writeNow(db, () => named.forEach(([id, name]) => sql.put(id, name)))
    if (state.storable) {
      state.storedThrough = state.lastId
      return state
    }
  }
  named.forEach(([id, name]) => state.unstored.set(id, name))
  return state
}
