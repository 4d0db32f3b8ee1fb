// What each system error code means, in the owner's words.
const phrases: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file is where a folder should be',
  EEXIST: 'a file is in the way',
  EISDIR: 'a folder is where a file should be',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
}

/** Whether an error is the system refusing a file operation (ENOENT, EACCES, …): no bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)
}

/** One line for a system error: `cannot mkdir /x: a file is in the way (EEXIST)`. */
export function describeSystemError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? 'error'
  const what = phrases[code] ?? error.message.replace(/^[A-Z]+: /, '').split(',')[0]
  const action = error.syscall ? `cannot ${error.syscall}` : 'cannot do it'
  const path = error.path ? ` ${error.path}` : ''
  return `${action}${path}: ${what} (${code})`.replace(/\s*\n\s*/g, ' ')
}

/**
 * An Error for a failure of the surroundings, not of Hush (a damaged database file), thrown where
 * the code around it throws: the faces print its message as it is, never as an internal error.
 */
export function environmentFailure(message: string): Error {
  return Object.assign(new Error(message), { environment: true })
}

/** The one line for an error that is no bug (see environmentFailure, isSystemError), else null. */
export function environmentMessage(error: unknown): string | null {
  if (isSystemError(error)) {
    return describeSystemError(error)
  }
  if (error instanceof Error && (error as { environment?: unknown }).environment === true) {
    return error.message
  }
  return null
}
