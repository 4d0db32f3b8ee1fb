import { open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { appError, type AppError } from '../../common/api/errors'
import { err, type Result } from '../../common/util/result'
import { ensurePrivateDir } from '../files/private-files'

/** A lock older than this is left over from a Hush that died mid-apply, and is taken over. */
const staleAfterMs = 5 * 60_000

/**
 * Runs an apply while holding `<dir>/apply.lock`, so that two Hush processes (the window and a
 * terminal) never interleave their writes to one server. A busy lock is a `conflict` value.
 */
export async function withApplyLock<T>(
  dir: string,
  now: () => Date,
  work: () => Promise<Result<T, AppError>>,
): Promise<Result<T, AppError>> {
  await ensurePrivateDir(dir)
  const path = join(dir, 'apply.lock')
  const taken = await take(path, now)
  if (!taken) {
    return err(
      appError(
        'conflict',
        `another Hush is changing the server right now (${path}); try again in a moment`,
      ),
    )
  }
  try {
    return await work()
  } finally {
    await rm(path, { force: true })
  }
}

async function take(path: string, now: () => Date): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600)
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: now().toISOString() }))
      await handle.close()
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await isStale(path, now))) {
        return false
      }
      await rm(path, { force: true })
    }
  }
  return false
}

async function isStale(path: string, now: () => Date): Promise<boolean> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; at?: unknown }
    const age = now().getTime() - Date.parse(String(holder.at))
    return !Number.isFinite(age) || age > staleAfterMs || !isAlive(Number(holder.pid))
  } catch {
    return true
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
