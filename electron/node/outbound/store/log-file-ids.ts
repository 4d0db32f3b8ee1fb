import type { Statement } from 'better-sqlite3'
import type { StoreDb } from './open-store'

/**
 * The ids of the log files events cite (`log_files`): a server writes millions of events from
 * a handful of files, so a row holds the file's id instead of its name. A stored name keeps its
 * id for good; `forget` after a rollback, which takes back the names it added.
 */
export class LogFileIds {
  private readonly insert: Statement
  private readonly select: Statement
  private readonly ids = new Map<string, number>()

  constructor(db: StoreDb) {
    this.insert = db.prepare(
      'INSERT INTO log_files (name) VALUES (?) ON CONFLICT (name) DO NOTHING',
    )
    this.select = db.prepare('SELECT id FROM log_files WHERE name = ?').pluck()
  }

  /** The id of a file name, stored if it is new. */
  private idOf(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      this.insert.run(name)
      id = this.select.get(name) as number
      this.ids.set(name, id)
    }
    return id
  }

  /**
   * The id of the file name at a string index of `strings` (a parsed piece's): a piece's events
   * cite one file or a few, so the last one is kept at hand.
   */
  ofStrings(strings: readonly string[]): (at: number) => number {
    let last = -1
    let id = 0
    return at => {
      if (at !== last) {
        id = this.idOf(strings[at] as string)
        last = at
      }
      return id
    }
  }

  /** Forgets the ids read (a transaction that may have added some was rolled back). */
  forget(): void {
    this.ids.clear()
  }
}
