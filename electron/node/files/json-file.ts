import { readFile, rename } from 'node:fs/promises'
import type { z } from 'zod'
import { writeFileAtomic } from './write-file-atomic'

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
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { status: 'missing', value: empty }
    }
    throw error
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    if (parsed.success) {
      return { status: 'loaded', value: parsed.data }
    }
  } catch {
    // Not JSON: handled below like an invalid document.
  }
  const movedTo = `${path.replace(/\.json$/, '')}.corrupt-${now().getTime()}.json`
  await rename(path, movedTo)
  return { status: 'repaired', value: empty, movedTo }
}

/** Writes a JSON state file atomically (temp file, fsync, rename). */
export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
}
