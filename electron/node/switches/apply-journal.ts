import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { planStepSchema, profileIdSchema } from '../../common/api/switch-schemas'
import { readJsonFile } from '../files/json-file'
import { syncFolder, writeFileAtomic } from '../files/write-file-atomic'

/**
 * Where one step of a journalled apply is: `pending` (not sent), `writing` (sent, the answer not
 * seen: it may have landed), `applied` (landed and re-read), `rolled-back` (put back after a
 * later step failed).
 */
export const journalStepStatusSchema = z.enum(['pending', 'writing', 'applied', 'rolled-back'])

/** One step of a journalled apply. */
export const journalStepSchema = planStepSchema.extend({ status: journalStepStatusSchema })

/**
 * The apply in progress, written before its first change and after each: the plan, the values
 * from before it (each step's `before`, and the full snapshot `snapshotId`), and where each step
 * is. It is removed when the apply ends; one found by a later Hush belongs to an apply that was
 * killed, and is turned into an undo history entry (see recover-journal.ts).
 */
export const applyJournalSchema = z.object({
  version: z.literal(1),
  /** The snapshot id, which is also the history id of the apply. */
  id: z.string(),
  serverId: z.string(),
  command: z.string(),
  profile: profileIdSchema.nullable(),
  title: z.string(),
  /** `apply` (apply, set: kept in the undo history) or `undo` (undo, a timed revert). */
  kind: z.enum(['apply', 'undo']),
  startedAt: z.string(),
  state: z.literal('in-progress'),
  steps: z.array(journalStepSchema),
})

/** The apply in progress. */
export type ApplyJournal = z.infer<typeof applyJournalSchema>

/** Where a step of a journalled apply is. */
export type JournalStepStatus = z.infer<typeof journalStepStatusSchema>

/** The journal file in the switchboard folder. */
export function journalPath(switchboardDir: string): string {
  return join(switchboardDir, 'apply-journal.json')
}

/** Reads the journal; null when there is none (or it was unreadable, then moved aside). */
export async function readJournal(switchboardDir: string): Promise<ApplyJournal | null> {
  const read = await readJsonFile(journalPath(switchboardDir), applyJournalSchema.nullable(), null)
  return read.value
}

/** Writes the journal durably: fsync of the file, rename, fsync of the folder. */
export function writeJournal(switchboardDir: string, journal: ApplyJournal): Promise<void> {
  return writeFileAtomic(journalPath(switchboardDir), `${JSON.stringify(journal, null, 2)}\n`, {
    durable: true,
  })
}

/** Removes the journal once the apply it describes has ended and been recorded. */
export async function clearJournal(switchboardDir: string): Promise<void> {
  await rm(journalPath(switchboardDir), { force: true })
  await syncFolder(switchboardDir).catch(() => undefined)
}
