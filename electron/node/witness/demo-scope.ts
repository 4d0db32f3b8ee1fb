import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { demoStandInsFileName, parseDemoFacts } from '../../common/witness/demo-stand-ins'
import type { AddressName } from './address-names'
import type { Collector } from './collector'

/** A server's data folder as the witness reads it: a demo's own processes and names, if any. */
export interface DataDirScope {
  /** The collector, kept to this demo's helper processes when the folder is a demo's. */
  readonly collect: Collector
  /** Names the folder gives addresses (a demo's stand-ins), read again on demand. */
  readonly names: () => Promise<AddressName[]>
}

/**
 * Scopes a collector to the server of a data folder. A demo server writes which processes are its
 * helpers (common/witness/demo-stand-ins.ts); another demo on the same machine has helpers of
 * the same names, so only this one's are kept (the file is read again when an unknown pid
 * appears). A real server's folder has no such file: every Plex process is its own.
 */
export function scopeToDataDir(dataDir: string, collect: Collector): DataDirScope {
  const path = join(dataDir, demoStandInsFileName)
  let pids: Set<number> | null = null
  let names: AddressName[] = []
  const read = async (): Promise<void> => {
    const text = await readFile(path, 'utf8').catch(() => null)
    if (text === null) {
      return
    }
    const facts = parseDemoFacts(text)
    pids = new Set(facts.pids)
    names = facts.standIns.map(s => ({
      address: s.address,
      port: s.port,
      name: s.host,
      source: 'demo' as const,
    }))
  }
  const first = read()
  return {
    collect: async () => {
      await first
      const found = await collect()
      if (pids === null) {
        return found
      }
      if (found.sockets.some(s => s.pid === undefined || !pids?.has(s.pid))) {
        await read()
      }
      const own = pids
      return { ...found, sockets: found.sockets.filter(s => s.pid !== undefined && own.has(s.pid)) }
    },
    names: async () => {
      await first
      await read()
      return names
    },
  }
}
