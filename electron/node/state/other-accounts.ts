import { readFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import type { CommandRunner } from '../server/discovery/command-runner'

// Shells that do not let an account log in.
const noLoginShell = /(?:nologin|false|sync|shutdown|halt)$/

/**
 * The other accounts in a passwd file that can log in: a uid of 1000 or more (the first user on
 * Linux distributions; 65534 is `nobody`) and a login shell, other than the uid given.
 */
export function otherLoginAccounts(passwd: string, selfUid: number): string[] {
  const found: string[] = []
  for (const line of passwd.split('\n')) {
    const [name, , uidText, , , , shell] = line.split(':')
    const uid = Number(uidText)
    if (!name || line.startsWith('#') || !Number.isInteger(uid)) {
      continue
    }
    if (uid >= 1000 && uid !== 65534 && uid !== selfUid && !noLoginShell.test(shell ?? '')) {
      found.push(name)
    }
  }
  return found
}

/** The other people's accounts in `dscl . -list /Users UniqueID` output (macOS: uid 501 up). */
export function otherMacAccounts(listing: string, selfUid: number): string[] {
  return listing
    .split('\n')
    .map(line => line.trim().split(/\s+/))
    .filter(([name, uid]) => name && !name.startsWith('_') && Number(uid) >= 501)
    .filter(([, uid]) => Number(uid) !== selfUid)
    .map(([name]) => name as string)
}

/**
 * Whether people other than the current user can log in to this machine, and so see a token on
 * another process' command line (`ps`). Linux and other Unixes read /etc/passwd, macOS asks
 * Directory Services; Windows is not checked (false). Never throws: unknown is false.
 */
export async function hasOtherLoginAccounts(
  runCommand: CommandRunner,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  if (platform === 'win32') {
    return false
  }
  const self = userInfo().uid
  if (platform === 'darwin') {
    const listing = await runCommand('dscl', ['.', '-list', '/Users', 'UniqueID'])
    return listing.ok && otherMacAccounts(listing.value, self).length > 0
  }
  try {
    return otherLoginAccounts(await readFile('/etc/passwd', 'utf8'), self).length > 0
  } catch {
    return false
  }
}
