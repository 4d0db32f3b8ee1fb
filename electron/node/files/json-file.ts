import { rename } from 'node:fs/promises'
import type * as z from 'zod'
import { readRegularFile } from './regular-file'
import { writeFileAtomic } from './write-file-atomic'

/**
 * The largest state file Hush reads (the audit trail is the one that grows: about 6 KiB per
 * apply). A larger file is treated like a corrupt one: moved aside, nothing lost.
 */
export const maxStateFileBytes = 64 * 1024 * 1024

/** What reading a state file found. */
export type JsonFileRead<T> =
  | { readonly status: 'missing'; readonly value: T }
  | { readonly status: 'loaded'; readonly value: T }
  /** The file was unreadable or invalid: it was moved aside (nothing lost) and `value` is the empty state. */
  | { readonly status: 'repaired'; readonly value: T; readonly movedTo: string }

/**
 * Reads a JSON state file validated by a schema. A corrupt file is renamed to
 * `<name>.corrupt-<ms>.json` so that nothing is lost, and the empty state is returned.
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  empty: z.output<S>,
  now: () => Date = () => new Date(),
): Promise<JsonFileRead<z.output<S>>> {
  const read = await readRegularFile(path, maxStateFileBytes, 'a state file')
  if (!read.ok && read.error.code === 'missing') {
    return { status: 'missing', value: empty }
  }
  if (!read.ok && read.error.code === 'unreadable') {
    throw new Error(read.error.message)
  }
  try {
    const parsed = read.ok ? schema.safeParse(JSON.parse(read.value)) : undefined
    if (parsed?.success) {
      return { status: 'loaded', value: parsed.data }
    }
  } catch {
    // Not JSON: handled below like an invalid document (so is a FIFO or an oversized file).
  }
  const movedTo = `${path.replace(/\.json$/, '')}.corrupt-${now().getTime()}.json`
  await rename(path, movedTo)
  return { status: 'repaired', value: empty, movedTo }
}

/** Writes a JSON state file atomically (temp file, fsync, rename). */
export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
}
