import { join } from 'node:path'
import * as z from 'zod'
import {
  planStepSchema,
  profileIdSchema,
  settingValueSchema,
} from '../../common/api/switch-schemas'
import { auditEntryViewSchema } from '../../common/api/watch-schemas'
import { readJsonFile, writeJsonFile } from '../files/json-file'
import { ensurePrivateDir } from '../files/private-files'
import { writeFileAtomic } from '../files/write-file-atomic'
import { clearJournal, readJournal, writeJournal, type ApplyJournal } from './apply-journal'

/** One apply, set or undo that changed the server, kept so that undo can walk back through them. */
export const historyEntrySchema = z.object({
  id: z.string(),
  serverId: z.string(),
  at: z.string(),
  /** The command that made it: `apply lockdown`, `set relay off`, … */
  command: z.string(),
  profile: profileIdSchema.nullable(),
  title: z.string(),
  snapshotId: z.string(),
  steps: z.array(planStepSchema),
  undoneAt: z.string().nullable(),
  /**
   * Set when Hush stopped in the middle of this apply (killed, a crash, a power cut): `steps`
   * are the changes that landed or may have landed, `of` how many the plan had.
   */
  interrupted: z.object({ foundAt: z.string(), of: z.number() }).optional(),
})

/** One apply, set or undo that changed the server. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>

/** One change Hush made (or tried to make) on a server: the contract's entry, and its server. */
export const auditEntrySchema = auditEntryViewSchema.extend({ serverId: z.string() })

/** One change Hush made (or tried to make) on a server. */
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** The server's values just before an apply: every server pref, every library's agent and prefs. */
export const snapshotSchema = z.object({
  id: z.string(),
  serverId: z.string(),
  takenAt: z.string(),
  command: z.string(),
  values: z.record(z.string(), settingValueSchema),
})

/** The server's values just before an apply. */
export type Snapshot = z.infer<typeof snapshotSchema>

/** A switch turned on or off for a while: at `until` the change (history entry `historyId`) is undone. */
export const timedExceptionSchema = z.object({
  serverId: z.string(),
  switchId: z.string(),
  historyId: z.string(),
  until: z.string(),
})

/** A switch turned on or off for a while. */
export type TimedException = z.infer<typeof timedExceptionSchema>

const exceptionsFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(timedExceptionSchema),
})
const historyFileSchema = z.object({ version: z.literal(1), entries: z.array(historyEntrySchema) })
const auditFileSchema = z.object({ version: z.literal(1), entries: z.array(auditEntrySchema) })
const rememberedFileSchema = z.object({
  version: z.literal(1),
  servers: z.record(z.string(), z.record(z.string(), settingValueSchema)),
})

/** A file found corrupt, and where it was moved so that nothing is lost. */
export interface RepairedFile {
  readonly path: string
  readonly movedTo: string
}

/**
 * Hush's switchboard files under `<stateDir>/switchboard/`: history.json (what undo walks back),
 * audit.json (every change), remembered.json (previous agents and free-text values, per server),
 * snapshots/<id>.json, and apply-journal.json while an apply is in progress. Written atomically; a corrupt file is moved aside and reported in `warnings`.
 */
export interface SwitchStore {
  readonly dir: string
  history(): Promise<HistoryEntry[]>
  saveHistory(entries: readonly HistoryEntry[]): Promise<void>
  audit(): Promise<AuditEntry[]>
  appendAudit(entries: readonly AuditEntry[]): Promise<void>
  remembered(serverId: string): Promise<Record<string, z.infer<typeof settingValueSchema>>>
  remember(
    serverId: string,
    values: Readonly<Record<string, z.infer<typeof settingValueSchema>>>,
  ): Promise<void>
  exceptions(): Promise<TimedException[]>
  saveExceptions(entries: readonly TimedException[]): Promise<void>
  /** Writes a snapshot durably (it is what an interrupted apply is undone from). */
  saveSnapshot(snapshot: Snapshot): Promise<void>
  snapshot(id: string): Promise<Snapshot | null>
  /** The journal of an apply in progress (or of one that was killed), if any. */
  journal(): Promise<ApplyJournal | null>
  saveJournal(journal: ApplyJournal): Promise<void>
  clearJournal(): Promise<void>
  /** Files found corrupt and moved aside since the store was opened (a `fileRepaired` notice each). */
  warnings(): readonly RepairedFile[]
}

/** Opens the switchboard files in Hush's state folder. */
export function openSwitchStore(stateDir: string, now: () => Date = () => new Date()): SwitchStore {
  const dir = join(stateDir, 'switchboard')
  const warnings: RepairedFile[] = []
  const historyPath = join(dir, 'history.json')
  const auditPath = join(dir, 'audit.json')
  const rememberedPath = join(dir, 'remembered.json')
  const exceptionsPath = join(dir, 'exceptions.json')

  async function load<S extends z.ZodType>(
    path: string,
    schema: S,
    empty: z.output<S>,
  ): Promise<z.output<S>> {
    const read = await readJsonFile(path, schema, empty, now)
    if (read.status === 'repaired') {
      warnings.push({ path, movedTo: read.movedTo })
    }
    return read.value
  }

  const emptyRemembered: z.infer<typeof rememberedFileSchema> = { version: 1, servers: {} }
  return {
    dir,
    history: async () =>
      (await load(historyPath, historyFileSchema, { version: 1, entries: [] })).entries,
    saveHistory: entries => writeJsonFile(historyPath, { version: 1, entries }),
    audit: async () =>
      (await load(auditPath, auditFileSchema, { version: 1, entries: [] })).entries,
    async appendAudit(entries) {
      if (entries.length === 0) {
        return
      }
      const current = await load(auditPath, auditFileSchema, { version: 1, entries: [] })
      await writeJsonFile(auditPath, { version: 1, entries: [...current.entries, ...entries] })
    },
    remembered: async serverId =>
      (await load(rememberedPath, rememberedFileSchema, emptyRemembered)).servers[serverId] ?? {},
    async remember(serverId, values) {
      if (Object.keys(values).length === 0) {
        return
      }
      const current = await load(rememberedPath, rememberedFileSchema, emptyRemembered)
      const servers = {
        ...current.servers,
        [serverId]: { ...current.servers[serverId], ...values },
      }
      await writeJsonFile(rememberedPath, { version: 1, servers })
    },
    exceptions: async () =>
      (await load(exceptionsPath, exceptionsFileSchema, { version: 1, entries: [] })).entries,
    saveExceptions: entries => writeJsonFile(exceptionsPath, { version: 1, entries }),
    async saveSnapshot(snapshot) {
      await ensurePrivateDir(join(dir, 'snapshots'))
      const path = join(dir, 'snapshots', `${snapshot.id}.json`)
      await writeFileAtomic(path, `${JSON.stringify(snapshot, null, 2)}\n`, { durable: true })
    },
    async snapshot(id) {
      if (!/^[\w-]+$/.test(id)) {
        return null
      }
      const read = await load(join(dir, 'snapshots', `${id}.json`), snapshotSchema.nullable(), null)
      return read
    },
    journal: () => readJournal(dir),
    saveJournal: journal => writeJournal(dir, journal),
    clearJournal: () => clearJournal(dir),
    warnings: () => warnings,
  }
}
