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

function opened(db: StoreDb): NamesState {
  const stamp = db.prepare('SELECT value FROM store_meta WHERE name = ?').pluck().get(stampName)
  if (stamp === signaturesStamp) {
    const through = db.prepare('SELECT MAX(target) FROM target_evidence').pluck().get()
    const storedThrough = typeof through === 'number' ? through : 0
    return { storedThrough, storable: true, unstored: new Map(), lastId: storedThrough }
  }
  // Named by other signatures, or never: start again, and stamp the names this Hush stores.
  const storable = writeNow(db, () => {
    db.exec('DELETE FROM target_evidence')
    db.prepare('INSERT OR REPLACE INTO store_meta (name, value) VALUES (?, ?)').run(
      stampName,
      signaturesStamp,
    )
  })
  return { storedThrough: 0, storable, unstored: new Map(), lastId: 0 }
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
