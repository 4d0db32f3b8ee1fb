import type { Statement } from 'better-sqlite3'
import type { StoreDb } from './open-store'

/** Event rows stored by one INSERT: a call into SQLite costs about as much as storing a row. */
export const defaultRowsPerInsert = 16

/** The columns an event row is given, in the order `EventInserts.add` takes their values. */
const columns = `wall, h1, h2, ts, time, local_time, target, status, error, file, line, time_form, file_id`

/** Values in an event row (`columns`). */
export const eventRowWidth = 13

/** The INSERT of `rows` event rows; a row whose key is already stored is ignored. */
function insertSql(rows: number): string {
  const one = `(${new Array<string>(eventRowWidth).fill('?').join(', ')})`
  return `INSERT OR IGNORE INTO events (${columns}) VALUES ${new Array<string>(rows).fill(one).join(', ')}`
}

/**
 * Gathers event rows and stores them several to an INSERT. Each row carries what its caller
 * needs once it is stored (`T`); `onStored` gets it with the row's id, `onDuplicate` when the
 * row's key was already stored (or came twice). Rows reach the store only on `flush()` (or when
 * a full INSERT is ready): flush before reading or updating them.
 *
 * The ids of one INSERT are consecutive (each new row takes the largest id plus one), so when
 * every row was new they follow from the last one; when some were not, each row's key is looked
 * up, and a row is new exactly when its id is one of the INSERT's.
 */
export class EventInserts<T> {
  /** The INSERT of each number of rows used so far: a full one, and shorter ones at a flush. */
  private readonly statements = new Map<number, Statement>()
  private readonly idOfKey: Statement
  private readonly values: unknown[] = []
  private readonly rows: T[] = []

  constructor(
    private readonly db: StoreDb,
    private readonly onStored: (row: T, id: number) => void,
    private readonly onDuplicate: (row: T) => void,
    private readonly rowsPerInsert = defaultRowsPerInsert,
  ) {
    this.idOfKey = db.prepare('SELECT id FROM events WHERE wall = ? AND h1 = ? AND h2 = ?').pluck()
  }

  /** Rows added and not yet stored. */
  get pending(): number {
    return this.rows.length
  }

  /** Adds a row: its `eventRowWidth` values in the order of `columns`, and what it carries. */
  add(values: readonly unknown[], row: T): void {
    for (let i = 0; i < eventRowWidth; i++) {
      this.values.push(values[i])
    }
    this.rows.push(row)
    if (this.rows.length === this.rowsPerInsert) {
      this.flush()
    }
  }

  /** Forgets the rows not stored yet (their transaction was rolled back, or they are stored). */
  discard(): void {
    this.values.length = 0
    this.rows.length = 0
  }

  /** Stores the rows added so far. */
  flush(): void {
    const count = this.rows.length
    if (count === 0) {
      return
    }
    const info = this.statementFor(count).run(this.values)
    const last = Number(info.lastInsertRowid)
    if (info.changes === count) {
      this.rows.forEach((row, i) => this.onStored(row, last - count + 1 + i))
    } else {
      this.sortOut(info.changes, last)
    }
    this.discard()
  }

  /** The INSERT of `rows` rows, prepared once. */
  private statementFor(rows: number): Statement {
    let statement = this.statements.get(rows)
    if (!statement) {
      statement = this.db.prepare(insertSql(rows))
      this.statements.set(rows, statement)
    }
    return statement
  }

  /** Some rows of an INSERT were duplicates: tells which by their keys' ids. */
  private sortOut(changes: number, last: number): void {
    const first = last - changes + 1
    const taken = new Set<number>()
    this.rows.forEach((row, i) => {
      const o = i * eventRowWidth
      const id = this.idOfKey.get(this.values[o], this.values[o + 1], this.values[o + 2]) as
        number | undefined
      // A key written twice in one INSERT: its first row is the stored one.
      if (id !== undefined && id >= first && id <= last && !taken.has(id)) {
        taken.add(id)
        this.onStored(row, id)
      } else {
        this.onDuplicate(row)
      }
    })
  }
}
